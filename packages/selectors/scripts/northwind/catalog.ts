/** Fictional Northwind Outfitters products and the blocks that show them (tiles, prices, ratings). */
import { h, type Hashes, type Node } from './html.js';
import { slug } from './chrome.js';

export interface Product {
  sku: string;
  name: string;
  price: number;
  salePrice?: number;
  rating: number;
  reviews: number;
  colors: string[];
  badge?: 'new' | 'sale' | 'bestseller';
}

const NAMES = [
  'Ridgeline 3L Waterproof Jacket', 'Summit Down Parka', 'Trailhead Fleece Hoodie', 'Cascade Softshell Pants',
  'Alpine Merino Base Layer', 'Boulder Approach Shoe', 'Tundra Insulated Boot', 'Granite 45L Backpack',
  'Basecamp 2-Person Tent', 'Firelight 20° Sleeping Bag', 'Skyline Trail Runner', 'Harbor Rain Shell',
  'Switchback Convertible Pant', 'Timberline Flannel Shirt', 'Northstar Headlamp 400', 'Glacier Insulated Vest',
  'Canyon Sun Hoody', 'Pinecrest Hiking Sock 3-Pack', 'Driftwood Sport Sandal', 'Meridian Hydration Pack',
  'Aurora Packable Puffer', 'Bluebird Ski Bib', 'Coastline Windbreaker', 'Foothill Daypack 22L',
];
const COLORS = ['Black', 'Forest', 'Ember', 'Glacier Blue', 'Sand', 'Slate', 'Moss', 'Navy', 'Rust', 'Heather Grey'];

export function products(x: Hashes, n: number): Product[] {
  const out: Product[] = [];
  for (let i = 0; i < n; i++) {
    const price = x.number(3, 60) * 5 - 0.05;
    const onSale = x.chance(0.25);
    const colors = COLORS.slice(i % 5, (i % 5) + x.number(2, 5));
    out.push({
      sku: `NW-${10200 + i * 7}`,
      name: NAMES[i % NAMES.length],
      price,
      salePrice: onSale ? Math.round(price * 0.7) - 0.05 : undefined,
      rating: Math.round((3.4 + x.number(0, 16) / 10) * 10) / 10,
      reviews: x.number(3, 1450),
      colors,
      badge: onSale ? 'sale' : i % 7 === 0 ? 'new' : i % 11 === 3 ? 'bestseller' : undefined,
    });
  }
  return out;
}

export const money = (n: number): string => `$${n.toFixed(2)}`;

/** A price block; `block` is the BEM block of the surrounding component (product-tile, pdp, cart-line). */
export function priceBlock(block: string, p: Product, x: Hashes): Node {
  return h(
    'div',
    { class: `${block}__price price ${x.emotion()}`, 'data-testid': `${block}-price` },
    p.salePrice !== undefined
      ? [
          h('span', { class: 'price__sale', 'data-price': p.salePrice.toFixed(2) }, money(p.salePrice)),
          h('s', { class: 'price__original' }, money(p.price)),
          h('span', { class: 'price__saving' }, `Save ${Math.round((1 - p.salePrice / p.price) * 100)}%`),
        ]
      : h('span', { class: 'price__regular', 'data-price': p.price.toFixed(2) }, money(p.price)),
  );
}

export function stars(rating: number, reviews: number, testid?: string): Node {
  return h(
    'div',
    { class: 'rating', 'data-rating': rating, 'data-testid': testid, 'aria-label': `${rating} out of 5 stars` },
    [1, 2, 3, 4, 5].map((i) => h('span', { class: `rating__star${i <= Math.round(rating) ? ' rating__star--full' : ''}`, 'aria-hidden': 'true' })),
    h('span', { class: 'rating__count' }, `(${reviews})`),
  );
}

export function productTile(p: Product, x: Hashes, position: number): Node {
  const href = `/p/${slug(p.name)}/${p.sku}`;
  return h(
    'li',
    { class: 'product-grid__item' },
    h(
      'article',
      { class: `product-tile ${x.cssModule('ProductTile', 'root')}`, 'data-testid': 'product-tile', 'data-sku': p.sku, 'data-position': position },
      h(
        'a',
        { class: 'product-tile__image-link', href },
        h('img', { class: 'product-tile__image', src: `/img/p/${p.sku}-1.jpg`, alt: p.name, loading: 'lazy', width: 400, height: 500 }),
        p.badge && h('span', { class: `product-tile__badge product-tile__badge--${p.badge}` }, p.badge === 'bestseller' ? 'Best Seller' : p.badge === 'new' ? 'New' : 'Sale'),
      ),
      h('button', { class: 'product-tile__wishlist', type: 'button', 'aria-label': `Add ${p.name} to wishlist`, 'aria-pressed': 'false' }),
      h(
        'div',
        { class: `product-tile__body ${x.emotion()}` },
        h('h3', { class: 'product-tile__name' }, h('a', { href }, p.name)),
        priceBlock('product-tile', p, x),
        stars(p.rating, p.reviews),
        h(
          'ul',
          { class: 'product-tile__swatches', 'aria-label': 'Colours' },
          p.colors.map((c) => h('li', {}, h('button', { class: `swatch swatch--${slug(c)}`, type: 'button', title: c, 'data-color': slug(c) }))),
        ),
        h('button', { class: 'product-tile__quick-add btn btn--secondary', type: 'button', 'data-testid': 'quick-add', id: x.emberId() }, 'Quick Add'),
      ),
    ),
  );
}

export function breadcrumbs(trail: string[]): Node {
  return h(
    'nav',
    { class: 'breadcrumbs', 'aria-label': 'Breadcrumb', 'data-testid': 'breadcrumbs' },
    h(
      'ol',
      { class: 'breadcrumbs__list' },
      trail.map((t, i) =>
        h(
          'li',
          { class: 'breadcrumbs__item' },
          i === trail.length - 1
            ? h('span', { class: 'breadcrumbs__current', 'aria-current': 'page' }, t)
            : h('a', { class: 'breadcrumbs__link', href: `/${trail.slice(1, i + 1).map(slug).join('/')}` }, t),
        ),
      ),
    ),
  );
}

export function carousel(title: string, items: Product[], x: Hashes, testid: string): Node {
  return h(
    'section',
    { class: 'product-carousel', 'data-component': 'product-carousel', 'data-testid': testid },
    h('h2', { class: 'product-carousel__title' }, title),
    h('button', { class: 'product-carousel__prev', type: 'button', 'aria-label': 'Previous' }),
    h('ul', { class: `product-carousel__track product-grid ${x.styled()}` }, items.map((p, i) => productTile(p, x, i + 1))),
    h('button', { class: 'product-carousel__next', type: 'button', 'aria-label': 'Next' }),
  );
}
