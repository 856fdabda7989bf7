import { readFileSync } from 'node:fs';
import { Parser, Store, DataFactory } from 'n3';
import rdfDataset from '@rdfjs/dataset';
import rdfDataModel from '@rdfjs/data-model';
import { Validator } from 'shacl-engine';
import { generateBrand } from './gen.js';
const text = generateBrand(100_000);
const shapesText = readFileSync(new URL('../shapes/brand.shacl.ttl', import.meta.url), 'utf8');
let t = performance.now();
const quads = new Parser({ format: 'text/turtle' }).parse(text);
console.log('parse', quads.length, (performance.now() - t).toFixed(0));
const shapeQuads = new Parser({ format: 'text/turtle' }).parse(shapesText);
for (const [name, mk] of [['n3 Store', (q: any[]) => new Store(q)], ['@rdfjs/dataset', (q: any[]) => rdfDataset.dataset(q)]] as const) {
  for (let r = 0; r < 2; r++) {
    t = performance.now();
    const ds = mk(quads as any[]);
    const sh = mk(shapeQuads as any[]);
    const v = new Validator(sh, { factory: name === 'n3 Store' ? DataFactory : rdfDataModel });
    const report = await v.validate({ dataset: ds });
    console.log(name, report.conforms, report.results.length, (performance.now() - t).toFixed(0));
  }
}
