/** Cart and checkout page bodies. */
import { h, type Hashes, type Node } from './html.js';
import { slug } from './chrome.js';
import { money, priceBlock, productTile, products, type Product } from './catalog.js';

function cartLine(p: Product, qty: number, x: Hashes, i: number): Node {
  const id = `cart-line-${i + 1}`;
  return h(
    'li',
    { class: `cart-line ${x.cssModule('CartLine', 'row')}`, 'data-testid': 'cart-line-item', 'data-sku': p.sku },
    h('a', { class: 'cart-line__image', href: `/p/${slug(p.name)}/${p.sku}` }, h('img', { src: `/img/p/${p.sku}-1-thumb.jpg`, alt: p.name, width: 120, height: 150 })),
    h(
      'div',
      { class: 'cart-line__details' },
      h('h3', { class: 'cart-line__name' }, h('a', { href: `/p/${slug(p.name)}/${p.sku}` }, p.name)),
      h('dl', { class: 'cart-line__attributes' }, h('dt', {}, 'Colour'), h('dd', {}, p.colors[0] ?? 'Black'), h('dt', {}, 'Size'), h('dd', {}, ['S', 'M', 'L'][i % 3] ?? 'M'), h('dt', {}, 'Item'), h('dd', {}, p.sku)),
      h('p', { class: 'cart-line__availability' }, 'In stock, ships in 1–2 days'),
    ),
    h(
      'div',
      { class: 'cart-line__quantity' },
      h('label', { for: `${id}-qty`, class: 'visually-hidden' }, 'Quantity'),
      h('button', { class: 'cart-line__qty-decrease', type: 'button', 'aria-label': 'Decrease quantity' }, '−'),
      h('input', { id: `${id}-qty`, class: 'cart-line__qty-input', type: 'number', min: 1, max: 10, value: qty, name: `qty-${p.sku}` }),
      h('button', { class: 'cart-line__qty-increase', type: 'button', 'aria-label': 'Increase quantity' }, '+'),
    ),
    priceBlock('cart-line', p, x),
    h('div', { class: 'cart-line__actions' }, h('button', { class: 'cart-line__remove btn btn--link', type: 'button', 'data-testid': 'remove-line-item', id: x.emberId() }, 'Remove'), h('button', { class: 'cart-line__save btn btn--link', type: 'button' }, 'Save for later')),
  );
}

function orderSummary(lines: { p: Product; qty: number }[], x: Hashes, withButton: boolean): Node {
  const subtotal = lines.reduce((s, l) => s + (l.p.salePrice ?? l.p.price) * l.qty, 0);
  const tax = Math.round(subtotal * 0.101 * 100) / 100;
  const row = (label: string, value: string, cls: string, testid?: string): Node => h('div', { class: `order-summary__row order-summary__row--${cls}`, 'data-testid': testid }, h('dt', {}, label), h('dd', {}, value));
  return h(
    'aside',
    { class: `order-summary ${x.emotion()}`, 'data-testid': 'order-summary', 'aria-label': 'Order summary' },
    h('h2', { class: 'order-summary__title' }, 'Order summary'),
    h('dl', { class: 'order-summary__rows' }, row('Subtotal', money(subtotal), 'subtotal', 'order-subtotal'), row('Shipping', 'Free', 'shipping'), row('Estimated tax', money(tax), 'tax'), row('Total', money(subtotal + tax), 'total', 'order-total')),
    h(
      'form',
      { class: 'promo-code', 'data-component': 'promo-code' },
      h('label', { for: 'promo-code-input' }, 'Promo code'),
      h('input', { id: 'promo-code-input', class: 'promo-code__input', type: 'text', name: 'promo', 'data-testid': 'promo-code-input', autocomplete: 'off' }),
      h('button', { class: 'promo-code__apply btn btn--secondary', type: 'submit' }, 'Apply'),
    ),
    withButton && h('a', { class: 'order-summary__checkout btn btn--primary btn--block', href: '/checkout', 'data-testid': 'checkout-button' }, 'Checkout'),
    withButton && h('div', { class: 'express-checkout', 'data-component': 'express-checkout' }, ['PayPal', 'Apple Pay', 'Google Pay'].map((m) => h('button', { class: `express-checkout__button express-checkout__button--${slug(m)}`, type: 'button' }, m))),
    h('ul', { class: 'order-summary__assurances' }, ['Secure checkout', 'Free 60-day returns', 'Price match guarantee'].map((a) => h('li', {}, a))),
  );
}

export function cartMain(x: Hashes): Node[] {
  const lines = products(x, 6).map((p, i) => ({ p, qty: (i % 3) + 1 }));
  return [
    h('h1', { class: 'cart__title' }, 'Your cart ', h('span', { class: 'cart__count' }, `(${lines.length} items)`)),
    h('div', { class: 'free-shipping-progress', 'data-testid': 'free-shipping-progress', role: 'progressbar', 'aria-valuenow': 100, 'aria-valuemin': 0, 'aria-valuemax': 100 }, h('p', {}, 'You’ve unlocked free shipping!'), h('span', { class: 'free-shipping-progress__bar', style: 'width:100%' })),
    h(
      'div',
      { class: 'cart row', 'data-component': 'cart' },
      h('section', { class: 'cart__lines col-12 col-lg-8' }, h('ul', { class: 'cart-lines', 'data-testid': 'cart-lines' }, lines.map((l, i) => cartLine(l.p, l.qty, x, i)))),
      h('div', { class: 'cart__summary col-12 col-lg-4' }, orderSummary(lines, x, true)),
    ),
    h('section', { class: 'recommendations', 'data-component': 'recommendations' }, h('h2', {}, 'Complete your kit'), h('ul', { class: 'product-grid' }, products(x, 8).map((q, i) => productTile(q, x, i + 1)))),
  ];
}

const STATES = ['Alabama', 'Alaska', 'Arizona', 'California', 'Colorado', 'Idaho', 'Montana', 'Nevada', 'New Mexico', 'Oregon', 'Utah', 'Vermont', 'Washington', 'Wyoming'];

function field(id: string, label: string, attrs: Record<string, string | boolean>, x: Hashes): Node {
  return h(
    'div',
    { class: `form-field ${x.emotion()}` },
    h('label', { class: 'form-field__label', for: id }, label),
    h('input', { id, class: 'form-field__input', type: 'text', ...attrs }),
    h('p', { class: 'form-field__error', id: `${id}-error`, role: 'alert', hidden: true }),
  );
}

export function checkoutMain(x: Hashes): Node[] {
  const lines = products(x, 4).map((p, i) => ({ p, qty: (i % 2) + 1 }));
  return [
    h('ol', { class: 'checkout-steps', 'data-testid': 'checkout-steps' }, ['Contact', 'Shipping', 'Payment', 'Review'].map((s, i) => h('li', { class: `checkout-steps__step${i === 1 ? ' checkout-steps__step--active' : ''}`, 'aria-current': i === 1 ? 'step' : undefined }, h('span', { class: 'checkout-steps__number' }, String(i + 1)), h('span', { class: 'checkout-steps__label' }, s)))),
    h(
      'div',
      { class: 'checkout row', 'data-component': 'checkout' },
      h(
        'form',
        { class: 'checkout__form col-12 col-lg-7', id: 'checkout-form', method: 'post', action: '/checkout/submit', novalidate: true },
        h('section', { class: 'checkout__section', 'data-testid': 'contact-form' }, h('h2', {}, 'Contact'), field('checkout-email', 'Email', { type: 'email', name: 'email', autocomplete: 'email', required: true }, x), field('checkout-phone', 'Phone', { type: 'tel', name: 'phone', autocomplete: 'tel' }, x), h('label', { class: 'checkbox' }, h('input', { type: 'checkbox', name: 'marketingOptIn', id: 'marketing-opt-in' }), 'Email me offers and trail news')),
        h(
          'section',
          { class: 'checkout__section', 'data-testid': 'shipping-address-form' },
          h('h2', {}, 'Shipping address'),
          field('shipping-first-name', 'First name', { name: 'firstName', autocomplete: 'given-name', required: true }, x),
          field('shipping-last-name', 'Last name', { name: 'lastName', autocomplete: 'family-name', required: true }, x),
          field('shipping-address1', 'Address', { name: 'address1', autocomplete: 'address-line1', required: true }, x),
          field('shipping-address2', 'Apartment, suite (optional)', { name: 'address2', autocomplete: 'address-line2' }, x),
          field('shipping-city', 'City', { name: 'city', autocomplete: 'address-level2', required: true }, x),
          h('div', { class: 'form-field' }, h('label', { class: 'form-field__label', for: 'shipping-state' }, 'State'), h('select', { id: 'shipping-state', name: 'state', class: 'form-field__select', autocomplete: 'address-level1' }, STATES.map((s) => h('option', { value: slug(s) }, s)))),
          field('shipping-postal-code', 'ZIP code', { name: 'postalCode', autocomplete: 'postal-code', inputmode: 'numeric', required: true }, x),
        ),
        h(
          'section',
          { class: 'checkout__section', 'data-testid': 'shipping-method' },
          h('h2', {}, 'Delivery method'),
          [['standard', 'Standard (5–7 days)', 'Free'], ['expedited', 'Expedited (2–3 days)', '$12.00'], ['overnight', 'Overnight', '$29.00'], ['pickup', 'Store pickup', 'Free']].map(([v, l, c], i) =>
            h('label', { class: 'shipping-option' }, h('input', { type: 'radio', name: 'shippingMethod', value: v, checked: i === 0 }), h('span', { class: 'shipping-option__label' }, l), h('span', { class: 'shipping-option__price' }, c)),
          ),
        ),
        h(
          'section',
          { class: `checkout__section ${x.styled()}`, 'data-testid': 'payment-form' },
          h('h2', {}, 'Payment'),
          h('div', { class: 'payment-methods', role: 'radiogroup' }, ['Card', 'PayPal', 'Gift card'].map((m, i) => h('label', { class: 'payment-methods__option' }, h('input', { type: 'radio', name: 'paymentMethod', value: slug(m), checked: i === 0 }), m))),
          h('div', { class: 'payment-card', id: 'card-element', 'data-component': 'card-element' }, h('iframe', { title: 'Secure card payment input frame', src: 'https://js.payments.example/elements', name: 'card-frame' })),
          h('label', { class: 'checkbox' }, h('input', { type: 'checkbox', name: 'billingSameAsShipping', checked: true }), 'Billing address same as shipping'),
        ),
        h('button', { class: 'checkout__place-order btn btn--primary btn--block', type: 'submit', 'data-testid': 'place-order-button', id: x.emberId() }, 'Place order'),
        h('p', { class: 'checkout__legal' }, 'By placing your order you agree to our ', h('a', { href: '/legal/terms-of-use' }, 'Terms'), ' and ', h('a', { href: '/legal/privacy-policy' }, 'Privacy Policy'), '.'),
      ),
      h(
        'div',
        { class: 'checkout__summary col-12 col-lg-5' },
        h('ul', { class: 'checkout-items' }, lines.map((l) => h('li', { class: 'checkout-item', 'data-testid': 'checkout-line-item' }, h('img', { src: `/img/p/${l.p.sku}-1-thumb.jpg`, alt: '' }), h('span', { class: 'checkout-item__name' }, l.p.name), h('span', { class: 'checkout-item__qty' }, `× ${l.qty}`), h('span', { class: 'checkout-item__price' }, money((l.p.salePrice ?? l.p.price) * l.qty))))),
        orderSummary(lines, x, false),
      ),
    ),
  ];
}
