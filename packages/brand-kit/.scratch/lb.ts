import { loadBrand } from '../src/index.js';
import { parseTurtle } from '../src/turtle.js';
import { BrandGraph } from '../src/graph.js';
import { validateShacl } from '../src/shacl.js';
import { buildModel } from '../src/build-model.js';
import { generateBrand } from './gen.js';
const text = generateBrand(100_000);
await loadBrand(text);
for (let i = 0; i < 4; i++) {
  const t0 = performance.now();
  const p = parseTurtle(text);
  const t1 = performance.now();
  const g = new BrandGraph(p.quads, p.positions, p.prefixes);
  const t2 = performance.now();
  await validateShacl(g);
  const t3 = performance.now();
  buildModel(g);
  const t4 = performance.now();
  const r = await loadBrand(text);
  const t5 = performance.now();
  console.log('parse', (t1 - t0).toFixed(0), 'graph', (t2 - t1).toFixed(0), 'shacl', (t3 - t2).toFixed(0), 'model', (t4 - t3).toFixed(0), 'loadBrand', (t5 - t4).toFixed(0), r.problems.length);
}
