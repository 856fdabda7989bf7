import assert from 'node:assert/strict';
import { hashedClassSource, isGeneratedId, isHashedClass } from '../index.js';

describe('isHashedClass', () => {
  const generated: Record<string, RegExp> = {
    'css-1x2y3z': /Emotion/, 'css-59a0hv': /Emotion/, 'css-1x2y3z-Button': /Emotion/,
    'sc-bdVaJa': /styled-components/, 'sc-1a2b3c4d-0': /styled-components/, kXwmTq: /styled-components/, lMWTXl: /styled-components/,
    'jsx-2718281828': /styled-jsx/, ProductTile_root__3xK9a: /CSS Modules/, styles_button__1hiof570: /CSS Modules/, _3xK9a: /CSS Modules/,
    _title_1x2y3_1: /Vite/, jss123: /JSS/, 'makeStyles-root-12': /JSS/, 'c-bZeoTk': /Stitches/, 'astro-J7PV25F6': /Astro/,
    'svelte-1x2y3z': /Svelte/, 'x-3f9a2b7c': /hash-like/, 'btn-a1b2c3d4': /hash-like/,
  };
  for (const [name, source] of Object.entries(generated)) {
    it(`flags ${name}`, () => assert.match(hashedClassSource(name) ?? '', source));
  }

  it('does not flag utility, BEM or hand-written classes', () => {
    const handWritten = [
      'col-12', 'mt-4', 'h1', 'h5', 'grid-cols-3', 'p-2', 'w-full', 'col-md-3', 'md:w-1/2', 'space-y-4', 'text-gray-700',
      'translate-x-1/2', 'shadow-2xl', 'fa-2x', 'icon-24', 'u-mt-16', 'h-12', 'pdp__price', 'product-tile__badge--sale',
      'btn--primary', 'order-summary__row--subtotal', 'swatch--glacier-blue', 'js-add-to-cart', 'is-active', 'NavBar', 'isOpen',
      'navBar', 'btnLG', 'iconXL', 'mainUI', 'AddToCart', 'myTopNav', 'ProductTile', 'ABCDEF', 'css-grid', 'css-modal', 'sc-header',
      'v2-header', 'mp3player', 'utf8', 'x86', 'visually-hidden', '_hidden', '__next', 'row', 'page--product-detail', 'MuiButton-root',
    ];
    assert.deepEqual(handWritten.filter(isHashedClass), []);
  });
});

describe('isGeneratedId', () => {
  it('flags framework-generated ids', () => {
    const generated = [
      'ember1234', ':r1:', 'headlessui-menu-button-:r2:', 'ext-gen123', 'yui_3_5_1_1_1', 'j_idt12', 'gwt-uid-12', 'mat-input-3',
      'react-select-3-input', 'mui-12345', '550e8400-e29b-41d4-a716-446655440000', 'widget4821', 'css-1x2y3z',
    ];
    assert.deepEqual(generated.filter((n) => !isGeneratedId(n)), []);
  });

  it('does not flag hand-written ids', () => {
    const handWritten = [
      'main-nav', 'plp-result-count', 'pdp-quantity', 'checkout-email', 'main-content', 'newsletter-email', 'shipping-address1',
      'h1', 'step-2', 'section-3', 'nw-page-data', 'footer', 'card-element', 'Main', 'top-nav-2', 'review-4100',
    ];
    assert.deepEqual(handWritten.filter(isGeneratedId), []);
  });
});
