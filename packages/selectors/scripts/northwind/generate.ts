/**
 * Regenerates examples/northwind/snapshots/*.html, the Northwind Outfitters page snapshots.
 * Run: node --import tsx packages/selectors/scripts/northwind/generate.ts
 * Output is deterministic (seeded), so committed snapshots only change when this script does.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { Hashes, countElements, h, render, type Node } from './html.js';
import { footer, head, header } from './chrome.js';
import { homeMain, productDetailMain, productListMain } from './pages-browse.js';
import { cartMain, checkoutMain } from './pages-buy.js';

const PAGES: { file: string; title: string; cart: number; seed: number; main: (x: Hashes) => Node[] }[] = [
  { file: 'home', title: 'Outdoor Clothing & Gear', cart: 0, seed: 11, main: homeMain },
  { file: 'product-list', title: 'Women’s Jackets', cart: 0, seed: 23, main: productListMain },
  { file: 'product-detail', title: 'Ridgeline 3L Waterproof Jacket', cart: 2, seed: 37, main: productDetailMain },
  { file: 'cart', title: 'Cart', cart: 12, seed: 41, main: cartMain },
  { file: 'checkout', title: 'Checkout', cart: 6, seed: 53, main: checkoutMain },
];

const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples/northwind/snapshots');
mkdirSync(outDir, { recursive: true });
for (const page of PAGES) {
  const x = new Hashes(page.seed);
  const doc = h(
    'html',
    { lang: 'en', class: 'no-js' },
    head(page.title, page.file),
    h(
      'body',
      { class: `page page--${page.file}`, 'data-page-type': page.file },
      header(x, page.cart),
      h('main', { id: 'main-content', class: `page__main page__main--${page.file} ${x.emotion()}`, tabindex: '-1' }, page.main(x)),
      footer(x),
    ),
  );
  writeFileSync(resolve(outDir, `${page.file}.html`), `<!doctype html>\n${render(doc)}\n`);
  console.log(`${page.file}.html: ${countElements(doc)} elements`);
}
