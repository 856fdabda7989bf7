import { loadBrand } from '../src/index.js';
import { generateBrand } from './gen.js';
const text = generateBrand(100_000);
await loadBrand(text);
for (let i = 0; i < 3; i++) {
  const c = process.cpuUsage(); const t = performance.now();
  await loadBrand(text);
  const cu = process.cpuUsage(c);
  console.log('loadBrand wall', (performance.now() - t).toFixed(0), 'cpu', ((cu.user + cu.system) / 1000).toFixed(0));
}
