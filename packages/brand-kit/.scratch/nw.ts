import { readFileSync } from 'node:fs';
import { loadBrand } from '../src/index.js';
const f = 'examples/northwind/.brandsafe/brand.ttl';
const r = await loadBrand(readFileSync(f, 'utf8'), { file: f });
for (const p of r.problems) console.log(`${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}`, p.kind, p.message);
console.log(r.brand?.selectors.length, r.brand?.rules.length, r.brand?.templates.length, r.brand?.pageTypes.length, r.graph.size);
