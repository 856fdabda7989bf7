import { parseTurtle } from '../src/turtle.js';
import { BrandGraph } from '../src/graph.js';
import { validateShacl } from '../src/shacl.js';
import { generateBrand } from './gen.js';
const text = generateBrand(100_000);
const p = parseTurtle(text);
const g = new BrandGraph(p.quads, p.positions, p.prefixes);
await validateShacl(g);
for (let i = 0; i < 3; i++) {
  const c = process.cpuUsage(); const t = performance.now();
  await validateShacl(g);
  const cu = process.cpuUsage(c);
  console.log('shacl wall', (performance.now() - t).toFixed(0), 'cpu', ((cu.user + cu.system) / 1000).toFixed(0));
}
