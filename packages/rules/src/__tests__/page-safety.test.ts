import assert from 'node:assert/strict';
import { check } from '../index.js';
import { covered, ids, only } from './helpers.js';

describe('recommended/idempotence-guard', () => {
  it('takes a comparison of where an element sits as the guard of a move, not a null check', () => {
    const move = 'if (moved.nextElementSibling === before) return;\nbefore.parentNode.insertBefore(moved, before);';
    assert.deepEqual(only('recommended/idempotence-guard', `(function () {\n${move}\n})();`), []);
    assert.equal(only('recommended/idempotence-guard', 'before.parentNode.insertBefore(moved, before);\nif (moved.nextElementSibling === before) go();').length, 1);
    assert.equal(only('recommended/idempotence-guard', "if (el.parentNode) el.parentNode.insertBefore(document.createElement('p'), el);").length, 1, 'a null check is no guard');
  });

  it('reports the first DOM insertion when nothing guards against a second run', () => {
    const text = "const hero = document.querySelector('.hero');\nhero.insertAdjacentHTML('beforeend', '<p class=\"exp-note\">Hi</p>');\nhero.appendChild(x);";
    const found = only('recommended/idempotence-guard', text);
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]!), 'hero.insertAdjacentHTML');
  });

  it('accepts an insertion after a guard that looks for the inserted element or a flag', () => {
    const byQuery = "if (document.querySelector('.exp-note')) return;\nhero.append(note);";
    const byFlag = 'if (!window.__expFreeShipping) {\n  window.__expFreeShipping = true;\n  hero.prepend(note);\n}';
    assert.deepEqual(only('recommended/idempotence-guard', `(function () {\n${byQuery}\n})();`), []);
    assert.deepEqual(only('recommended/idempotence-guard', byFlag), []);
  });

  it('does not count building detached elements as inserting into the page', () => {
    const text = "var badge = document.createElement('p');\nbadge.appendChild(document.createTextNode('Free shipping'));\nif (document.querySelector('.exp-ship')) return;\nprice.after(badge);";
    assert.deepEqual(only('recommended/idempotence-guard', `(function () {\n${text}\n})();`), []);
  });

  it('treats innerHTML += as an insertion', () => {
    assert.deepEqual(ids("el.innerHTML += '<b>x</b>';").filter((i) => i.includes('idempotence')), ['recommended/idempotence-guard@1:1']);
  });
});

describe('recommended/no-body-hiding', () => {
  it('reports style writes that hide body or html', () => {
    const text = "document.body.style.opacity = '0';\ndocument.documentElement.style.visibility = 'hidden';\ndocument.body.style.setProperty('display', 'none');\ndocument.body.style.opacity = '1';";
    assert.deepEqual(ids(text), ['recommended/no-body-hiding@1:1', 'recommended/no-body-hiding@2:1', 'recommended/no-body-hiding@3:1']);
  });

  it('reports jQuery hiding of body and cssText that hides it', () => {
    assert.deepEqual(ids("$('body').hide();\ndocument.body.style.cssText = 'opacity: 0 !important';").filter((i) => i.includes('hiding')), [
      'recommended/no-body-hiding@1:1',
      'recommended/no-body-hiding@2:1',
    ]);
  });

  it('reports hiding CSS in a .css file and inside style text in JavaScript, at the declaration', () => {
    const css = '.x { color: red }\nhtml.async-hide { opacity: 0 !important; }';
    const [f] = check({ text: css, filename: 'a.css' }).findings;
    assert.equal(f?.ruleId, 'recommended/no-body-hiding');
    assert.equal(covered(css, f!), 'opacity: 0 !important');
    const js = "const s = document.createElement('style');\ns.textContent = 'body { visibility: hidden }';";
    const [g] = only('recommended/no-body-hiding', js);
    assert.equal(covered(js, g!), 'visibility: hidden');
  });

  it('does not report hiding of other elements', () => {
    assert.deepEqual(check({ text: '.exp-banner { display: none }\nbody .x { opacity: 0 }', filename: 'a.css' }).findings, []);
  });
});
