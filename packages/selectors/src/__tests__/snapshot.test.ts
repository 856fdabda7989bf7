import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PageSnapshot, SelectorsError, loadSnapshotsFromDir } from '../index.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/snapshots/', import.meta.url));

describe('PageSnapshot', () => {
  const page = PageSnapshot.fromHtml(
    '<html><body><nav id="main-nav"><ul><li class="item">A</li><li class="item">B</li><li class="item sale">C</li></ul></nav><p>x</body></html>',
    { name: 'tiny', pageType: 'home' },
  );

  it('keeps its name and page type and counts its elements', () => {
    assert.equal(page.name, 'tiny');
    assert.equal(page.pageType, 'home');
    // html, body, nav, ul, 3 × li, p: htmlparser2 does not invent the implied <head> an HTML5 tree builder would.
    assert.equal(page.elementCount, 8);
  });

  it('counts matching elements like querySelectorAll(...).length', () => {
    assert.equal(page.count('.item'), 3);
    assert.equal(page.count('#main-nav li:nth-child(2)'), 1);
    assert.equal(page.count('.item.sale'), 1);
    assert.equal(page.count('ul > li + li'), 2);
    assert.equal(page.count(':is(nav, p)'), 2);
    assert.equal(page.count('.missing'), 0);
    assert.equal(page.count('nav /* menu */ .item'), 3);
  });

  it('gives the same answer from the compiled-selector cache', () => {
    assert.equal(page.count('.item'), page.count('.item'));
    const other = PageSnapshot.fromHtml('<div class="item"></div>');
    assert.equal(other.count('.item'), 1);
  });

  it('returns 0 instead of throwing for invalid or unmatchable selectors', () => {
    for (const css of ['', '.item >', '[x', 'li:eq(1)', 'li::before', ':focus', '#123', '.a '.repeat(20_000)]) assert.equal(page.count(css), 0, css);
  });

  it('recovers from malformed HTML as a browser would', () => {
    const broken = PageSnapshot.fromHtml('<div><p>one<p>two</span><li>three</div><img src=x></img>');
    assert.equal(broken.count('p'), 2);
    assert.equal(broken.count('img'), 1);
    assert.equal(PageSnapshot.fromHtml('').elementCount, 0);
    assert.equal(PageSnapshot.fromHtml('plain text').count('*'), 0);
  });

  it('describes matches with tag, id, classes and text', () => {
    assert.deepEqual(page.describeMatches('.sale'), [{ tag: 'li', id: undefined, classes: ['item', 'sale'], text: 'C' }]);
    assert.equal(page.describeMatches('.item', 2).length, 2);
    assert.deepEqual(page.describeMatches('.item >'), []);
  });
});

describe('loadSnapshotsFromDir', () => {
  it('loads *.html files sorted, with the page type from the file name', async () => {
    const snaps = await loadSnapshotsFromDir(fixtures);
    assert.deepEqual(snaps.map((s) => [s.name, s.pageType]), [['mini-cart.html', 'mini-cart'], ['product-detail.html', 'product-detail']]);
    const cart = snaps[0] as PageSnapshot;
    assert.equal(cart.count('[data-testid="cart-line-item"]'), 3);
    assert.equal(cart.count('.cart-line__qty-input'), 3);
    assert.equal(cart.count('#ember1234'), 1);
  });

  it('returns an empty list for a folder without snapshots', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bs-selectors-'));
    try {
      await writeFile(join(dir, 'readme.md'), '# none');
      assert.deepEqual(await loadSnapshotsFromDir(dir), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('throws SNAPSHOT_DIR_UNREADABLE with the cause for a missing folder', async () => {
    await assert.rejects(loadSnapshotsFromDir(join(fixtures, 'does-not-exist')), (e: unknown) => {
      assert.ok(e instanceof SelectorsError);
      assert.equal(e.code, 'SNAPSHOT_DIR_UNREADABLE');
      assert.equal((e.cause as NodeJS.ErrnoException).code, 'ENOENT');
      return true;
    });
  });
});
