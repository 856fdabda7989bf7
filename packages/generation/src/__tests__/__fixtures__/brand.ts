// A hand-built brand for the generation tests: selectors on several page types, code rules and
// templates whose placeholders sit in every lexical context (expression, strings, template
// literal, comment).
import type { ApprovedSelector, Brand, Template } from '@brandsafe/brand-kit';

const ex = 'https://example.test/acme#';

function sel(id: string, css: string, pageTypes: string[] = [], stability: ApprovedSelector['stability'] = 'stable'): ApprovedSelector {
  return { iri: ex + id, id, css, pageTypes, stability, description: `the ${id}` };
}

export const bannerTop: Template = {
  iri: ex + 'banner-top',
  id: 'banner-top',
  label: 'Top banner',
  testType: 'banner',
  description: 'A dismissible announcement banner above a page section',
  pageTypes: [],
  parameters: [
    { name: 'target', type: 'selector', required: true, description: 'element the banner goes above' },
    { name: 'message', type: 'text', required: true, description: 'banner text' },
    { name: 'background', type: 'color', required: false, default: '#003366' },
    { name: 'dismissible', type: 'boolean', required: false, default: 'true' },
    { name: 'delayMs', type: 'number', required: false, default: '0' },
  ],
  body: [
    '(function () {',
    "  var utils = window.optimizely.get('utils');",
    '  utils.waitForElement({{target}}).then(function (el) {',
    "    if (document.getElementById('bs-banner')) return;",
    "    var banner = document.createElement('div');",
    "    banner.id = 'bs-banner';",
    '    banner.textContent = {{message}};',
    '    banner.style.background = {{background}};',
    '    banner.dataset.dismissible = String({{dismissible}});',
    '    setTimeout(function () { el.parentNode.insertBefore(banner, el); }, {{delayMs}});',
    '  });',
    '})();',
  ].join('\n'),
};

export const bannerCountdown: Template = {
  iri: ex + 'banner-countdown',
  id: 'banner-countdown',
  label: 'Sale countdown banner',
  testType: 'banner',
  description: 'A banner with a countdown timer to the end of a sale',
  pageTypes: [],
  parameters: [
    { name: 'target', type: 'selector', required: true },
    { name: 'endsAt', type: 'text', required: true, description: 'ISO date the sale ends' },
  ],
  body: [
    "window.optimizely.get('utils').waitForElement({{target}}).then(function (el) {",
    "  el.setAttribute('data-sale-ends', {{endsAt}});",
    '});',
  ].join('\n'),
};

export const ctaText: Template = {
  iri: ex + 'cta-text',
  id: 'cta-text',
  label: 'Call-to-action text',
  testType: 'cta-change',
  description: 'Change the label of a call-to-action button',
  pageTypes: ['product-detail'],
  parameters: [
    { name: 'button', type: 'selector', required: true, pageType: 'product-detail' },
    { name: 'label', type: 'text', required: true, description: 'new button label' },
  ],
  body: [
    '/* cta-text: {{label}} */',
    "window.optimizely.get('utils').waitForElement('{{button}}').then(function (el) {",
    '  el.textContent = "{{label}}"; // label: {{label}}',
    "  el.setAttribute('aria-label', '{{label}}');",
    '  el.title = `Label: {{label}} (${el.id})`;',
    '});',
  ].join('\n'),
};

export const priceBadge: Template = {
  iri: ex + 'price-badge',
  id: 'price-badge',
  label: 'Price badge',
  testType: 'price-badge',
  description: 'A badge next to the price linking to details',
  pageTypes: ['product-detail'],
  parameters: [
    { name: 'price', type: 'selector', required: true },
    { name: 'text', type: 'text', required: false },
    { name: 'link', type: 'url', required: true },
    { name: 'offset', type: 'number', required: false, default: '-2' },
  ],
  body: [
    "window.optimizely.get('utils').waitForElement({{price}}).then(function (el) {",
    "  var a = document.createElement('a');",
    '  a.href = {{link}};',
    '  a.textContent = {{text}};',
    '  a.style.marginLeft = 10-{{offset}} + "px";',
    '  el.appendChild(a);',
    '});',
  ].join('\n'),
};

export function makeBrand(overrides: Partial<Brand> = {}): Brand {
  return {
    iri: ex + 'brand',
    id: 'acme',
    name: 'Acme',
    version: '1.0.0',
    domains: ['acme.test'],
    pageTypes: [
      { iri: ex + 'product-detail', id: 'product-detail', label: 'Product detail' },
      { iri: ex + 'checkout', id: 'checkout', label: 'Checkout' },
    ],
    selectors: [
      sel('hero', '.hero'),
      sel('header-nav', 'header > nav'),
      sel('add-to-cart', '#add-to-cart', ['product-detail']),
      sel('price', '.product-price', ['product-detail']),
      sel('checkout-button', '.checkout-button', ['checkout']),
      sel('old-hero', '.hero-legacy', [], 'deprecated'),
    ],
    rules: [
      {
        iri: ex + 'no-cookies',
        id: 'no-cookies',
        kind: 'forbidden-call',
        severity: 'error',
        message: 'Variation code must not read or write cookies.',
        callees: ['document.cookie'],
      },
      {
        iri: ex + 'wrap',
        id: 'wait-for-element',
        kind: 'required-wrapper',
        severity: 'warning',
        message: 'Wrap DOM access in utils.waitForElement.',
        wrapper: 'utils.waitForElement',
      },
    ],
    templates: [bannerTop, bannerCountdown, ctaText, priceBadge],
    rulePacks: ['recommended', 'optimizely-web'],
    ...overrides,
  };
}
