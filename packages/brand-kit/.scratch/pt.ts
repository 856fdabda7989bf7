import { parseTurtle } from '../src/turtle.js';
import { Parser } from 'n3';
import { generateBrand } from './gen.js';
const text = generateBrand(100_000);
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  new Parser({ format: 'text/turtle' }).parse(text);
  const a = performance.now() - t;
  t = performance.now();
  parseTurtle(text);
  console.log(a.toFixed(0), (performance.now() - t).toFixed(0));
}
