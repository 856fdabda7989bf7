/**
 * Interactive API docs at `/api/docs`: Swagger UI served from the swagger-ui-dist package's own
 * files, so the page loads nothing from outside this server.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';

// The package's folder, found without importing its entry (which loads the 1.5 MB bundle).
const ASSET_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>brandsafe API</title>
  <link rel="icon" href="/api/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/assets/init.js"></script>
</body>
</html>`;

// A script file rather than inline code, so a strict Content-Security-Policy can forbid inline scripts.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', deepLinking: true,
  persistAuthorization: true, tryItOutEnabled: true });`;

export function docsRoutes() {
  const app = new Hono<AppEnv>();
  const cache = new Map<string, Buffer>();
  app.get('/docs', (c) => c.html(PAGE));
  // One route for every asset, init.js included: a static path beside a parameter at the same
  // place is the one shape Hono's RegExpRouter refuses, and that refusal put the whole API on
  // the slower TrieRouter (health.test.ts checks the router in use).
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    if (file === 'init.js') return c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' });
    const type = ASSETS[file];
    if (!type) return c.notFound();
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = await readFile(join(ASSET_DIR, file));
      cache.set(file, bytes);
    }
    return c.body(new Uint8Array(bytes), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
  return app;
}
