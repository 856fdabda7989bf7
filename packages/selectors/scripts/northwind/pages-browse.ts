/** Home, product list and product detail page bodies. */
import { h, type Hashes, type Node } from './html.js';
import { MENU, slug } from './chrome.js';
import { breadcrumbs, carousel, priceBlock, productTile, products, stars, type Product } from './catalog.js';

export function homeMain(x: Hashes): Node[] {
  const cats = ['Rain Jackets', 'Hiking Boots', 'Tents', 'Backpacks', 'Fleece', 'Trail Running', 'Sleeping Bags', 'Kids'];
  const stories = [
    ['Layering 101', 'How to stay warm and dry on shoulder-season hikes.'],
    ['Pack Like A Pro', 'Our guides share their lightweight overnight kit lists.'],
    ['Repair, Don’t Replace', 'Free repairs on Northwind jackets, for life.'],
    ['Trail Of The Month', 'The Cascade Loop: 14 miles of alpine lakes.'],
  ];
  return [
    h(
      'section',
      { class: `hero ${x.emotion()}`, 'data-component': 'hero-banner', 'data-testid': 'hero' },
      h('picture', {}, h('source', { media: '(min-width: 768px)', srcset: '/img/hero/fall-desktop.jpg' }), h('img', { class: 'hero__image', src: '/img/hero/fall-mobile.jpg', alt: 'Hiker on a ridge at sunrise' })),
      h(
        'div',
        { class: 'hero__content' },
        h('p', { class: 'hero__eyebrow' }, 'New Season'),
        h('h1', { class: 'hero__title' }, 'Made for the long way round'),
        h('p', { class: 'hero__subtitle' }, 'Waterproof shells, warm layers and boots that go the distance.'),
        h('div', { class: 'hero__actions' }, h('a', { class: 'hero__cta btn btn--primary', href: '/women/jackets', 'data-testid': 'hero-cta-primary' }, 'Shop Women'), h('a', { class: 'hero__cta btn btn--primary', href: '/men/jackets', 'data-testid': 'hero-cta-secondary' }, 'Shop Men')),
      ),
    ),
    h(
      'ul',
      { class: 'usp-bar', 'data-testid': 'usp-bar' },
      ['Free shipping over $75', 'Free 60-day returns', 'Lifetime repairs', 'Members earn 10% back'].map((u) => h('li', { class: 'usp-bar__item' }, h('span', { class: 'usp-bar__icon', 'aria-hidden': 'true' }), h('span', { class: 'usp-bar__text' }, u))),
    ),
    h(
      'section',
      { class: 'category-tiles', 'data-component': 'category-tiles' },
      h('h2', { class: 'category-tiles__title' }, 'Shop by category'),
      h(
        'ul',
        { class: 'category-tiles__grid row' },
        cats.map((c) => h('li', { class: 'col-6 col-md-3' }, h('a', { class: 'category-tile', href: `/c/${slug(c)}`, 'data-testid': 'category-tile' }, h('img', { class: 'category-tile__image', src: `/img/c/${slug(c)}.jpg`, alt: '' }), h('span', { class: 'category-tile__label' }, c)))),
      ),
    ),
    carousel('New arrivals', products(x, 12), x, 'new-arrivals'),
    h(
      'section',
      { class: `promo-strip ${x.jsx()}`, 'data-testid': 'promo-strip' },
      h('h2', { class: 'promo-strip__title' }, 'Members save 20% on one full-price item'),
      h('p', { class: 'promo-strip__text' }, 'Use code TRAILS20 at checkout. Ends Sunday.'),
      h('a', { class: 'promo-strip__cta btn btn--light', href: '/rewards' }, 'Join for free'),
    ),
    carousel('Best sellers', products(x, 12), x, 'best-sellers'),
    h(
      'section',
      { class: 'editorial', 'data-component': 'editorial-grid' },
      h('h2', { class: 'editorial__title' }, 'Stories from the trail'),
      stories.map(([t, d]) =>
        h('article', { class: `editorial-card ${x.emotion()}` }, h('img', { class: 'editorial-card__image', src: `/img/journal/${slug(t)}.jpg`, alt: '' }), h('h3', { class: 'editorial-card__title' }, t), h('p', { class: 'editorial-card__text' }, d), h('a', { class: 'editorial-card__link', href: `/journal/${slug(t)}` }, 'Read more')),
      ),
    ),
    h(
      'section',
      { class: 'store-teaser', 'data-component': 'store-locator-teaser' },
      h('h2', {}, 'Find a store near you'),
      h('form', { class: 'store-teaser__form', action: '/stores' }, h('input', { class: 'store-teaser__input', type: 'text', name: 'zip', placeholder: 'ZIP code' }), h('button', { class: 'btn', type: 'submit' }, 'Find')),
    ),
  ];
}

function facet(name: string, options: string[], x: Hashes): Node {
  const id = slug(name);
  return h(
    'fieldset',
    { class: 'facet', 'data-facet': id },
    h('legend', { class: 'facet__title' }, h('button', { class: 'facet__toggle', type: 'button', 'aria-expanded': 'true' }, name)),
    h(
      'ul',
      { class: 'facet__options' },
      options.map((o) =>
        h('li', { class: 'facet__option' }, h('input', { type: 'checkbox', id: `facet-${id}-${slug(o)}`, name: id, value: slug(o) }), h('label', { for: `facet-${id}-${slug(o)}` }, o, h('span', { class: 'facet__count' }, `(${x.number(1, 240)})`))),
      ),
    ),
  );
}

export function productListMain(x: Hashes): Node[] {
  const items = products(x, 48);
  const facets: Record<string, string[]> = {
    Category: MENU.Women.Jackets,
    Size: ['XS', 'S', 'M', 'L', 'XL', 'XXL'],
    Colour: ['Black', 'Blue', 'Green', 'Red', 'Grey', 'Brown', 'Orange', 'Purple'],
    Brand: ['Northwind', 'Summit Co.', 'Trailworks', 'Fjellstad', 'Karhu Labs'],
    Price: ['Under $50', '$50 – $100', '$100 – $200', '$200 – $300', '$300+'],
    Features: ['Waterproof', 'Packable', 'Recycled Materials', 'Hooded', 'Insulated', 'Windproof'],
  };
  return [
    breadcrumbs(['Home', 'Women', 'Jackets']),
    h('div', { class: 'plp__header' }, h('h1', { class: 'plp__title' }, 'Women’s Jackets'), h('p', { id: 'plp-result-count', class: 'plp__count', 'aria-live': 'polite' }, `${items.length * 4} results`)),
    h(
      'div',
      { class: 'plp row' },
      h('aside', { class: `plp__filters col-12 col-lg-3 ${x.styled()}`, 'data-component': 'facet-panel', 'aria-label': 'Filters' }, h('h2', { class: 'visually-hidden' }, 'Filters'), Object.entries(facets).map(([n, o]) => facet(n, o, x)), h('button', { class: 'facet-panel__clear btn btn--link', type: 'button', 'data-testid': 'clear-filters' }, 'Clear all')),
      h(
        'div',
        { class: 'plp__results col-12 col-lg-9' },
        h(
          'div',
          { class: 'plp__toolbar' },
          h('label', { for: 'plp-sort' }, 'Sort by'),
          h('select', { id: 'plp-sort', class: 'plp__sort', 'data-testid': 'sort-select' }, ['Featured', 'Newest', 'Price: Low to High', 'Price: High to Low', 'Top Rated'].map((o) => h('option', { value: slug(o) }, o))),
        ),
        h('ul', { class: 'product-grid', 'data-testid': 'product-grid' }, items.map((p, i) => productTile(p, x, i + 1))),
        h(
          'nav',
          { class: 'pagination', 'aria-label': 'Pagination' },
          h('a', { class: 'pagination__prev', href: '?page=1', 'aria-disabled': 'true' }, 'Previous'),
          [1, 2, 3, 4].map((n) => h('a', { class: `pagination__page${n === 1 ? ' pagination__page--current' : ''}`, href: `?page=${n}` }, String(n))),
          h('a', { class: 'pagination__next', href: '?page=2', 'data-testid': 'pagination-next' }, 'Next'),
        ),
      ),
    ),
  ];
}

function review(x: Hashes, i: number): Node {
  const authors = ['Maya R.', 'Tom B.', 'Priya K.', 'Jonas W.', 'Elena S.', 'Sam T.', 'Kofi A.', 'Lena M.'];
  const rating = x.number(3, 5);
  return h(
    'article',
    { class: `review-card ${x.emotion()}`, 'data-testid': 'review-card', id: `review-${4100 + i}` },
    h('header', { class: 'review-card__header' }, stars(rating, 1), h('h4', { class: 'review-card__title' }, ['Kept me dry all day', 'Great fit', 'Runs a little small', 'Worth every penny'][i % 4]), h('p', { class: 'review-card__author' }, authors[i % authors.length], h('span', { class: 'review-card__verified' }, 'Verified buyer'))),
    h('p', { class: 'review-card__body' }, 'Used it on a three-day trip in steady rain; the hood stays put and the pit zips actually help on the climbs.'),
    h('footer', { class: 'review-card__footer' }, h('button', { class: 'review-card__helpful', type: 'button' }, `Helpful (${x.number(0, 40)})`), h('button', { class: 'review-card__report', type: 'button' }, 'Report')),
  );
}

export function productDetailMain(x: Hashes): Node[] {
  const [p] = products(x, 1) as [Product];
  p.salePrice = 174.95;
  const sizes = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
  return [
    breadcrumbs(['Home', 'Women', 'Jackets', p.name]),
    h(
      'div',
      { class: 'pdp row', 'data-component': 'product-detail', 'data-sku': p.sku },
      h(
        'div',
        { class: 'pdp__gallery col-12 col-md-7', 'data-testid': 'pdp-gallery' },
        h('div', { class: `pdp__main-image ${x.emotion()}` }, h('img', { src: `/img/p/${p.sku}-1.jpg`, alt: p.name, width: 900, height: 1100 })),
        h('ul', { class: 'pdp__thumbnails' }, [1, 2, 3, 4, 5, 6].map((n) => h('li', {}, h('button', { class: 'pdp__thumbnail', type: 'button', 'aria-label': `Image ${n}` }, h('img', { src: `/img/p/${p.sku}-${n}-thumb.jpg`, alt: '' }))))),
      ),
      h(
        'div',
        { class: 'pdp__info col-12 col-md-5' },
        h('p', { class: 'pdp__brand' }, 'Northwind'),
        h('h1', { class: 'pdp__title', 'data-testid': 'pdp-title' }, p.name),
        stars(4.6, 312, 'review-summary-rating'),
        priceBlock('pdp', p, x),
        h('p', { class: 'pdp__promo-message' }, 'Members earn $17.50 in rewards'),
        h('fieldset', { class: 'pdp__colors', 'data-testid': 'color-selector' }, h('legend', {}, 'Colour: ', h('span', { class: 'pdp__selected-color' }, 'Forest')), p.colors.concat(['Moss', 'Rust']).map((c) => h('button', { class: `swatch swatch--${slug(c)}`, type: 'button', 'data-testid': 'color-swatch', 'data-color': slug(c), 'aria-label': c }))),
        h(
          'fieldset',
          { class: 'pdp__sizes', 'data-testid': 'size-selector' },
          h('legend', {}, 'Size'),
          sizes.map((s, i) => h('label', { class: `pdp__size-option${i === 5 ? ' pdp__size-option--unavailable' : ''}` }, h('input', { type: 'radio', name: 'size', value: s, disabled: i === 5 }), h('span', {}, s))),
          h('a', { class: 'pdp__size-guide', href: '/size-guide', 'data-testid': 'size-guide-link' }, 'Size guide'),
        ),
        h('div', { class: 'pdp__quantity' }, h('label', { for: 'pdp-quantity' }, 'Quantity'), h('input', { id: 'pdp-quantity', type: 'number', min: 1, max: 10, value: 1 })),
        h('p', { class: 'pdp__stock-status pdp__stock-status--low', 'data-testid': 'stock-status' }, 'Only 3 left in Forest / M'),
        h('div', { class: `pdp__actions ${x.styled()}` }, h('button', { class: 'pdp__add-to-cart btn btn--primary btn--block', type: 'button', 'data-testid': 'add-to-cart-button', id: x.emberId() }, 'Add to Cart'), h('button', { class: 'pdp__wishlist btn btn--secondary', type: 'button', 'data-testid': 'add-to-wishlist' }, 'Save')),
        h('div', { class: 'pdp__delivery', 'data-testid': 'delivery-estimate' }, h('p', {}, 'Free delivery by ', h('strong', {}, 'Fri, Nov 27')), h('p', {}, 'Free pickup at Seattle Flagship today')),
        h(
          'div',
          { class: 'pdp__accordion', 'data-component': 'accordion' },
          [
            ['Description', 'A fully seam-sealed three-layer shell for all-day rain, with a helmet-compatible hood and pit zips.'],
            ['Features', 'Recycled face fabric; PFC-free DWR; two-way front zip; Napoleon chest pocket.'],
            ['Materials & Care', '100% recycled nylon. Machine wash cold, tumble dry low to restore DWR.'],
            ['Shipping & Returns', 'Free shipping over $75. Free returns within 60 days.'],
          ].map(([t, body], i) => h('details', { class: 'pdp__section', open: i === 0 }, h('summary', { class: 'pdp__section-title' }, t), h('div', { class: i === 0 ? 'pdp__description' : 'pdp__section-body' }, h('p', {}, body)))),
        ),
      ),
    ),
    h(
      'section',
      { class: 'reviews', 'data-component': 'reviews', id: 'reviews' },
      h('h2', { class: 'reviews__title' }, 'Customer reviews'),
      h('div', { class: 'reviews__summary' }, h('p', { class: 'reviews__average' }, '4.6'), stars(4.6, 312), h('ul', { class: 'reviews__histogram' }, [5, 4, 3, 2, 1].map((n) => h('li', {}, h('span', {}, `${n} stars`), h('span', { class: 'reviews__bar', style: `width:${n * 15}%` }))))),
      h('button', { class: 'reviews__write btn btn--secondary', type: 'button', 'data-testid': 'write-review' }, 'Write a review'),
      h('div', { class: 'reviews__list' }, Array.from({ length: 10 }, (_, i) => review(x, i))),
      h('button', { class: 'reviews__more btn btn--link', type: 'button' }, 'Load more reviews'),
    ),
    h('section', { class: 'recommendations', 'data-component': 'recommendations' }, h('h2', {}, 'You may also like'), h('ul', { class: 'product-grid' }, products(x, 8).map((q, i) => productTile(q, x, i + 1)))),
  ];
}
