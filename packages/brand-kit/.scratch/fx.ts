import { readFileSync, readdirSync } from 'node:fs';
import { loadBrand } from '../src/index.js';
const d = 'packages/brand-kit/src/__tests__/__fixtures__/';
for (const f of readdirSync(d)) {
  const r = await loadBrand(readFileSync(d + f, 'utf8'), { file: f });
  for (const p of r.problems) console.log(f, JSON.stringify(p.range), p.kind, p.message, p.constraint ?? '');
}
