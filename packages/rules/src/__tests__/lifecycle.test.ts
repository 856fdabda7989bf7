import assert from 'node:assert/strict';
import { covered, ids, only } from './helpers.js';

describe('recommended/interval-cleared', () => {
  it('reports an interval whose handle is thrown away', () => {
    assert.deepEqual(ids('setInterval(function () { rotate(); }, 3000);'), ['recommended/interval-cleared@1:1']);
  });

  it('reports a stored handle that never reaches clearInterval, naming it', () => {
    const [f] = only('recommended/interval-cleared', 'var timer = setInterval(rotate, 3000);');
    assert.match(f!.message, /"timer"/);
  });

  it('accepts a handle cleared with clearInterval or clearTimeout, also on members', () => {
    assert.deepEqual(ids('var t = setInterval(rotate, 3000);\nstop = () => clearInterval(t);'), []);
    assert.deepEqual(ids('state.t = setInterval(rotate, 3000);\nclearTimeout(state.t);'), []);
  });

  it('does not guess when the handle is returned or passed on', () => {
    assert.deepEqual(ids('function start() { return setInterval(rotate, 3000); }\ntimers.push(setInterval(rotate, 10));'), []);
  });
});

describe('recommended/observer-cleanup', () => {
  it('reports an observer that is never disconnected', () => {
    const text = 'new MutationObserver(function () { render(); }).observe(document.body, { childList: true });';
    const [f] = only('recommended/observer-cleanup', text);
    assert.equal(covered(text, f!), 'new MutationObserver');
  });

  it('accepts disconnect through the variable or the callback parameter', () => {
    assert.deepEqual(ids('const mo = new MutationObserver(render);\nmo.observe(document.body, {});\nsetTimeout(() => mo.disconnect(), 5000);'), []);
    assert.deepEqual(ids('new MutationObserver(function (records, observer) { if (done()) observer.disconnect(); }).observe(document.body, {});'), []);
  });
});
