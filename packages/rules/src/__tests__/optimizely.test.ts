import assert from 'node:assert/strict';
import { covered, ids, only } from './helpers.js';

describe('optimizely-web/prefer-wait-for-element', () => {
  it('reports setInterval polling for an element', () => {
    const text = "var poll = setInterval(function () {\n  var el = document.querySelector('.pdp__price');\n  if (el) { clearInterval(poll); go(el); }\n}, 50);";
    const found = only('optimizely-web/prefer-wait-for-element', text);
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]!), 'setInterval');
  });

  it('reports setTimeout and requestAnimationFrame loops that re-schedule themselves', () => {
    const timeout = "function waitFor() {\n  if (!$('.pdp__price').length) return setTimeout(waitFor, 100);\n  go();\n}";
    const raf = "const check = () => {\n  const el = document.getElementById('x');\n  el ? go(el) : requestAnimationFrame(() => check());\n};";
    assert.deepEqual(ids(timeout).filter((i) => i.startsWith('optimizely')), ['optimizely-web/prefer-wait-for-element@2:40']);
    assert.deepEqual(ids(raf).filter((i) => i.startsWith('optimizely')), ['optimizely-web/prefer-wait-for-element@3:17']);
  });

  it('reports setInterval with a named function that looks for elements, declared before or after', () => {
    const text = "var t = setInterval(findPrice, 50);\nfunction findPrice() {\n  if (document.querySelector('.pdp__price')) clearInterval(t);\n}";
    assert.deepEqual(ids(text).filter((i) => i.startsWith('optimizely')), ['optimizely-web/prefer-wait-for-element@1:9']);
  });

  it('does not report rotations: intervals that never stop themselves, unconditional re-scheduling', () => {
    const rotation = "setInterval(function () {\n  var slides = document.querySelectorAll('.exp-slide');\n  show(slides[++i % slides.length]);\n}, 4000);";
    const loop = "function rotate() {\n  document.querySelector('.exp-slide').classList.toggle('on');\n  setTimeout(rotate, 3000);\n}";
    assert.deepEqual(only('optimizely-web/prefer-wait-for-element', rotation), []);
    assert.deepEqual(only('optimizely-web/prefer-wait-for-element', loop), []);
  });

  it('does not report timers that do not look for elements', () => {
    assert.deepEqual(ids('function tick() { n++; setTimeout(tick, 1000); }').filter((i) => i.startsWith('optimizely')), []);
  });
});

describe('optimizely-web/valid-push', () => {
  it('reports an object without type, an unknown type, and missing required fields', () => {
    const text = "window.optimizely.push({ eventName: 'x' });\nwindow['optimizely'].push({ type: 'evnt' });\noptimizely.push({ type: 'event' });\nwindow.optimizely.push({ type: 'event', eventName: 'addToCart' });";
    const found = only('optimizely-web/valid-push', text);
    assert.deepEqual(found.map((f) => f.range.start.line), [0, 1, 2]);
    assert.equal(covered(text, found[1]!), "'evnt'");
    assert.match(found[2]!.message, /eventName/);
  });

  it('reports the Classic array form', () => {
    assert.deepEqual(ids("window.optimizely.push(['activate', 123]);"), ['optimizely-web/valid-push@1:24']);
  });
});

describe('optimizely-web/get-utils-once', () => {
  it('reports the second and later lookups of utils', () => {
    const text = "var u = window.optimizely.get('utils');\nwindow.optimizely.get('utils').waitForElement('.a');\noptimizely.get('state');";
    assert.deepEqual(ids(text).filter((i) => i.includes('utils-once')), ['optimizely-web/get-utils-once@2:1']);
  });
});
