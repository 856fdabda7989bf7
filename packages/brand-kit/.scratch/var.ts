import { readFileSync } from 'node:fs';
import { Parser, DataFactory } from 'n3';
import { Validator } from 'shacl-engine';
import { IndexedDataset } from '../src/dataset.js';
import { generateBrand } from './gen.js';
const text = generateBrand(100_000);
const quads = new Parser({ format: 'text/turtle' }).parse(text);
const base = readFileSync('../shapes/brand.shacl.ttl', 'utf8');
const variants: Record<string, string> = {
  current: base,
  noClosed: base.replace(/sh:closed true ;/g, ''),
  noClass: base.replace(/sh:class bs:PageType ;/g, ''),
  noDatatype: base.replace(/sh:datatype xsd:\w+ ;/g, ''),
  noMessage: base.replace(/sh:message "[^"]*" ;/g, ''),
};
for (let r = 0; r < 2; r++) for (const [name, shapes] of Object.entries(variants)) {
  const v = new Validator(new IndexedDataset(new Parser().parse(shapes)), { factory: DataFactory as any });
  const ds = new IndexedDataset(quads);
  const c = process.cpuUsage(); const t = performance.now();
  const rep = await v.validate({ dataset: ds });
  const cu = process.cpuUsage(c); console.log(name.padEnd(12), (performance.now() - t).toFixed(0), ((cu.user + cu.system) / 1000).toFixed(0), rep.results.length);
}
