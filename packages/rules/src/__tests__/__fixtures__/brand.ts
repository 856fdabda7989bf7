import type { ApprovedSelector, Brand, CodeRule } from '@brandsafe/brand-kit';

const sel = (css: string, pageTypes: string[] = [], stability: ApprovedSelector['stability'] = 'stable'): ApprovedSelector => ({
  iri: `https://example.test/brand#${css}`,
  id: css,
  css,
  pageTypes,
  stability,
});

const rule = (id: string, kind: CodeRule['kind'], extra: Partial<CodeRule>): CodeRule => ({
  iri: `https://example.test/brand#${id}`,
  id,
  kind,
  severity: 'error',
  message: `Brand rule ${id}`,
  docsUrl: `https://brand.example.test/rules/${id}`,
  ...extra,
});

/** A small hand-built brand in the shape @brandsafe/brand-kit's loadBrand produces. */
export function testBrand(overrides: Partial<Brand> = {}): Brand {
  return {
    iri: 'https://example.test/brand#northwind',
    id: 'northwind',
    name: 'Northwind Outfitters',
    domains: ['www.northwind.example', 'northwind.example'],
    pageTypes: [],
    selectors: [
      sel('[data-testid="add-to-cart-button"]', ['product-detail']),
      sel('.pdp__price', ['product-detail']),
      sel('.pdp__title', ['product-detail']),
      sel('[data-testid="site-header"]'),
      sel('.announcement-bar__message'),
      sel('.mega-menu__item--sale > .mega-menu__link', [], 'volatile'),
      sel('#promo-banner', ['home'], 'deprecated'),
      sel('[data-testid="checkout-button"]', ['cart']),
    ],
    rules: [
      rule('no-cookie-writes', 'forbidden-call', { callees: ['document.cookie', 'localStorage.setItem'], message: 'Do not write cookies or local storage from variations.' }),
      rule('wait-first', 'required-wrapper', { wrapper: 'utils.waitForElement', severity: 'warning', message: 'Query the DOM inside utils.waitForElement.' }),
      rule('known-hosts', 'network-allowlist', { allowedDomains: ['*.northwind-cdn.example', 'api.northwind.example'], message: 'Network calls only to Northwind hosts.' }),
      rule('small', 'size-budget', { maxBytes: 4096, message: 'Keep variation code under 4 KB.' }),
    ],
    templates: [],
    rulePacks: ['recommended', 'optimizely-web'],
    ...overrides,
  };
}
