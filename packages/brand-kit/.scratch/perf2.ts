import { readFileSync } from 'node:fs';
import { Parser, DataFactory } from 'n3';
import { Validator } from 'shacl-engine';
import { IndexedDataset } from '../src/dataset.js';
import { generateBrand } from './gen.js';
const text = generateBrand(100_000);
const shapesText = readFileSync(new URL('../shapes/brand.shacl.ttl', import.meta.url), 'utf8');
const shapeQuads = new Parser({ format: 'text/turtle' }).parse(shapesText);
for (let r = 0; r < 4; r++) {
  let t = performance.now();
  const quads = new Parser({ format: 'text/turtle' }).parse(text);
  const tp = performance.now() - t;
  const ds = new IndexedDataset(quads);
  const ti = performance.now() - t;
  const v = new Validator(new IndexedDataset(shapeQuads), { factory: DataFactory });
  const report = await v.validate({ dataset: ds });
  console.log(report.conforms, report.results.length, tp.toFixed(0), ti.toFixed(0), (performance.now() - t).toFixed(0));
}
