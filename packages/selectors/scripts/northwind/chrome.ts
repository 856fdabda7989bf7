/** Site chrome shared by every Northwind page: head, announcement bar, header, mega-menu, footer. */
import { h, type Hashes, type Node } from './html.js';

export const MENU: Record<string, Record<string, string[]>> = {
  Women: {
    Jackets: ['Rain Jackets', 'Insulated Jackets', 'Softshells', 'Fleece', 'Down Jackets', 'Vests', 'Parkas', '3-in-1 Jackets'],
    Tops: ['Base Layers', 'T-Shirts', 'Long Sleeve', 'Hoodies', 'Sweaters', 'Shirts', 'Sports Bras', 'Tank Tops'],
    Bottoms: ['Hiking Pants', 'Leggings', 'Shorts', 'Skirts', 'Rain Pants', 'Ski Pants', 'Joggers', 'Capris'],
    Accessories: ['Hats', 'Gloves', 'Socks', 'Buffs', 'Belts', 'Sunglasses', 'Beanies', 'Gaiters'],
  },
  Men: {
    Jackets: ['Rain Jackets', 'Insulated Jackets', 'Softshells', 'Fleece', 'Down Jackets', 'Vests', 'Parkas', 'Windbreakers'],
    Tops: ['Base Layers', 'T-Shirts', 'Long Sleeve', 'Hoodies', 'Sweaters', 'Flannel Shirts', 'Polos', 'Tank Tops'],
    Bottoms: ['Hiking Pants', 'Convertible Pants', 'Shorts', 'Rain Pants', 'Ski Pants', 'Joggers', 'Jeans', 'Tights'],
    Accessories: ['Hats', 'Gloves', 'Socks', 'Buffs', 'Belts', 'Sunglasses', 'Beanies', 'Wallets'],
  },
  Kids: {
    Girls: ['Jackets', 'Fleece', 'Pants', 'Tops', 'Rainwear', 'Snowsuits', 'Swimwear', 'Footwear'],
    Boys: ['Jackets', 'Fleece', 'Pants', 'Tops', 'Rainwear', 'Snowsuits', 'Swimwear', 'Footwear'],
    Baby: ['Bunting', 'One-Pieces', 'Hats & Mitts', 'Carriers', 'Booties', 'Rain Suits', 'Fleece', 'Gift Sets'],
    'Shop By Age': ['0-24 Months', '2-4 Years', '4-7 Years', '7-10 Years', '10-14 Years', 'Teens', 'Family Packs', 'Gift Cards'],
  },
  Footwear: {
    Hiking: ['Hiking Boots', 'Hiking Shoes', 'Approach Shoes', 'Mountaineering', 'Waterproof', 'Wide Fit', 'Vegan', 'Kids Hiking'],
    Running: ['Trail Running', 'Road Running', 'Racing', 'Cushioned', 'Minimal', 'Waterproof Runners', 'Spikes', 'Recovery'],
    Casual: ['Sneakers', 'Slip-Ons', 'Boat Shoes', 'Chelsea Boots', 'Moccasins', 'Clogs', 'Loafers', 'Winter Boots'],
    Sandals: ['Sport Sandals', 'Flip-Flops', 'Slides', 'Water Shoes', 'Recovery Sandals', 'Closed-Toe', 'Kids Sandals', 'Insoles'],
  },
  Gear: {
    Camping: ['Tents', 'Sleeping Bags', 'Sleeping Pads', 'Camp Furniture', 'Lanterns', 'Stoves', 'Cookware', 'Hammocks'],
    Packs: ['Daypacks', 'Backpacking Packs', 'Travel Packs', 'Hydration Packs', 'Duffels', 'Kids Packs', 'Waist Packs', 'Dry Bags'],
    Climbing: ['Harnesses', 'Helmets', 'Ropes', 'Carabiners', 'Belay Devices', 'Chalk', 'Climbing Shoes', 'Crash Pads'],
    Navigation: ['GPS', 'Compasses', 'Maps', 'Headlamps', 'Watches', 'Two-Way Radios', 'Power Banks', 'Solar Chargers'],
  },
  Sale: {
    'Sale By Category': ['Jackets', 'Fleece', 'Pants', 'Footwear', 'Packs', 'Tents', 'Sleeping Bags', 'Accessories'],
    'Sale By Gender': ['Women', 'Men', 'Kids', 'Unisex', 'Family', 'Gifts Under $50', 'Gifts Under $100', 'Gift Cards'],
    'Outlet Favourites': ['Last Chance', 'Clearance', 'Online Only', 'Bundles', 'Refurbished', 'Seconds', 'Ends Soon', 'Member Deals'],
    'Deals Of The Week': ['Daily Deal', 'Weekend Deal', 'Flash Sale', 'Bulk Buy', 'Trade-In', 'Student', 'Military', 'Teachers'],
  },
};

export function slug(s: string): string {
  return s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function head(title: string, pageType: string): Node {
  return h(
    'head',
    {},
    h('meta', { charset: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', {}, `${title} | Northwind Outfitters`),
    h('meta', { name: 'description', content: 'Northwind Outfitters: outdoor clothing and gear since 1987.' }),
    h('link', { rel: 'stylesheet', href: '/static/css/main.4f1c2a.css' }),
    h('link', { rel: 'preconnect', href: 'https://cdn.northwind-outfitters.example' }),
    h('script', { src: '/static/js/runtime.8a1b9c.js', defer: true }),
    h('script', { type: 'application/json', id: 'nw-page-data' }, `{"pageType":"${pageType}","currency":"USD"}`),
  );
}

function megaMenu(x: Hashes): Node {
  return h(
    'nav',
    { id: 'main-nav', class: 'mega-menu', 'data-component': 'mega-menu', 'aria-label': 'Main' },
    h(
      'ul',
      { class: 'mega-menu__list', role: 'menubar' },
      Object.entries(MENU).map(([top, columns]) =>
        h(
          'li',
          { class: `mega-menu__item${top === 'Sale' ? ' mega-menu__item--sale' : ''}`, role: 'none', 'data-menu': slug(top) },
          h('a', { class: 'mega-menu__link', href: `/${slug(top)}`, role: 'menuitem', 'aria-haspopup': 'true' }, top),
          h(
            'div',
            { class: `mega-menu__panel ${x.emotion()}`, 'aria-hidden': 'true' },
            Object.entries(columns).map(([col, links]) =>
              h(
                'div',
                { class: 'mega-menu__column' },
                h('h3', { class: 'mega-menu__heading' }, col),
                h(
                  'ul',
                  { class: 'mega-menu__sublist' },
                  links.map((l) => h('li', {}, h('a', { class: 'mega-menu__sublink', href: `/${slug(top)}/${slug(col)}/${slug(l)}` }, l))),
                ),
              ),
            ),
            h(
              'div',
              { class: 'mega-menu__feature' },
              h('img', { src: `/img/menu/${slug(top)}.jpg`, alt: `${top} new season`, loading: 'lazy' }),
              h('a', { class: 'mega-menu__feature-link', href: `/${slug(top)}/new` }, `New in ${top}`),
            ),
          ),
        ),
      ),
    ),
  );
}

export function header(x: Hashes, cartCount: number): Node[] {
  return [
    h('a', { class: 'skip-link', href: '#main-content' }, 'Skip to content'),
    h(
      'div',
      { class: `announcement-bar ${x.emotion()}`, 'data-testid': 'announcement-bar', role: 'region', 'aria-label': 'Announcements' },
      h('p', { class: 'announcement-bar__message' }, 'Free shipping on orders over $75. ', h('a', { href: '/shipping' }, 'Details')),
      h('button', { class: 'announcement-bar__close', type: 'button', 'aria-label': 'Dismiss' }, '×'),
    ),
    h(
      'header',
      { class: 'site-header', 'data-testid': 'site-header', 'data-component': 'site-header' },
      h(
        'div',
        { class: `site-header__inner ${x.styled()}` },
        h('button', { class: 'site-header__menu-toggle', type: 'button', 'aria-controls': 'main-nav', 'aria-expanded': 'false' }, h('span', { class: 'visually-hidden' }, 'Menu')),
        h('a', { class: 'site-header__logo', href: '/', 'data-testid': 'logo' }, h('img', { src: '/img/northwind-logo.svg', alt: 'Northwind Outfitters', width: 180, height: 40 })),
        h(
          'form',
          { class: 'site-search', role: 'search', action: '/search', 'data-component': 'site-search' },
          h('label', { for: 'site-search-input', class: 'visually-hidden' }, 'Search'),
          h('input', { id: 'site-search-input', class: 'site-search__input', type: 'search', name: 'q', placeholder: 'Search jackets, tents, boots…', autocomplete: 'off', 'data-testid': 'search-input' }),
          h('button', { class: 'site-search__submit', type: 'submit', 'data-testid': 'search-submit' }, h('span', { class: 'visually-hidden' }, 'Search')),
          h('ul', { class: 'site-search__suggestions', role: 'listbox', hidden: true }),
        ),
        h(
          'ul',
          { class: 'site-header__utilities' },
          h('li', {}, h('a', { class: 'site-header__stores', href: '/stores' }, 'Stores')),
          h('li', {}, h('a', { class: 'site-header__account', href: '/account', 'data-testid': 'account-link' }, 'Sign In')),
          h('li', {}, h('a', { class: 'site-header__wishlist', href: '/wishlist', id: x.emberId() }, 'Wishlist')),
          h(
            'li',
            {},
            h(
              'a',
              { class: 'site-header__cart mini-cart', href: '/cart', 'data-testid': 'mini-cart', 'aria-label': `Cart, ${cartCount} items` },
              h('span', { class: 'mini-cart__icon' }),
              h('span', { class: 'mini-cart__count', 'data-testid': 'mini-cart-count' }, String(cartCount)),
            ),
          ),
        ),
      ),
      megaMenu(x),
    ),
  ];
}

const FOOTER: Record<string, string[]> = {
  'Customer Service': ['Contact Us', 'Order Status', 'Shipping', 'Returns & Exchanges', 'Size Guides', 'Product Care', 'Warranty', 'FAQ'],
  'About Northwind': ['Our Story', 'Sustainability', 'Careers', 'Press', 'Affiliates', 'Gear Repair', 'Athletes', 'Blog'],
  Membership: ['Northwind Rewards', 'Credit Card', 'Gift Cards', 'Student Discount', 'Military Discount', 'Refer A Friend', 'Pro Program', 'Events'],
  Stores: ['Store Locator', 'Rentals', 'Classes', 'Trip Planning', 'Bike Shop', 'Ski Shop', 'Curbside Pickup', 'Local Events'],
};

export function footer(x: Hashes): Node {
  return h(
    'footer',
    { class: 'site-footer', 'data-testid': 'site-footer', 'data-component': 'site-footer' },
    h(
      'section',
      { class: `newsletter ${x.emotion()}`, 'data-testid': 'newsletter-signup' },
      h('h2', { class: 'newsletter__title' }, 'Get 10% off your first order'),
      h('p', { class: 'newsletter__text' }, 'Trail reports, new gear and member offers. Unsubscribe anytime.'),
      h(
        'form',
        { class: 'newsletter__form', action: '/newsletter', method: 'post' },
        h('label', { for: 'newsletter-email', class: 'visually-hidden' }, 'Email address'),
        h('input', { id: 'newsletter-email', class: 'newsletter__input', type: 'email', name: 'email', placeholder: 'you@example.com', required: true }),
        h('button', { class: 'newsletter__submit btn btn--primary', type: 'submit' }, 'Sign Up'),
      ),
    ),
    h(
      'div',
      { class: 'site-footer__columns row' },
      Object.entries(FOOTER).map(([title, links]) =>
        h(
          'div',
          { class: 'site-footer__column col-12 col-md-3' },
          h('h3', { class: 'site-footer__heading h5' }, title),
          h('ul', { class: 'site-footer__links' }, links.map((l) => h('li', {}, h('a', { href: `/${slug(l)}` }, l)))),
        ),
      ),
    ),
    h(
      'ul',
      { class: 'social-links', 'aria-label': 'Follow us' },
      ['Instagram', 'Facebook', 'YouTube', 'Pinterest', 'TikTok'].map((s) =>
        h('li', { class: 'social-links__item' }, h('a', { class: `social-links__link social-links__link--${slug(s)}`, href: `https://${slug(s)}.example/northwind` }, h('span', { class: 'visually-hidden' }, s))),
      ),
    ),
    h(
      'div',
      { class: 'site-footer__legal mt-4' },
      h('p', { class: 'site-footer__copyright' }, '© 2026 Northwind Outfitters, Inc.'),
      h('ul', { class: 'site-footer__legal-links' }, ['Privacy Policy', 'Terms of Use', 'Accessibility', 'Do Not Sell My Info', 'Cookie Settings'].map((l) => h('li', {}, h('a', { href: `/legal/${slug(l)}` }, l)))),
    ),
  );
}
