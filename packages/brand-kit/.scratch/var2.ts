import { readFileSync } from 'node:fs';
import { DataFactory } from 'n3';
import { Validator } from 'shacl-engine';
import { IndexedDataset } from '../src/dataset.js';
import { parseTurtle } from '../src/turtle.js';
import { generateBrand } from './gen.js';
const text = generateBrand(100_000);
const quads = parseTurtle(text).quads;
const ds = new IndexedDataset(quads);
const base = readFileSync('../shapes/brand.shacl.ttl', 'utf8');
const variants: Record<string, string> = {
  current: base,
  noClosed: base.replace(/sh:closed true ;/g, ''),
  noLabelDesc: base.replace(/\[\s*sh:path (rdfs:label|bs:description) ; sh:maxCount 1 ; sh:datatype xsd:string ;\s*\] , /g, ''),
  noDatatype: base.replace(/sh:datatype xsd:\w+ ;/g, ''),
};
console.log(Object.entries(variants).map(([k, v]) => k + ':' + v.length).join(' '));
const best: Record<string, number> = {};
for (let r = 0; r < 4; r++) for (const [name, shapes] of Object.entries(variants)) {
  const v = new Validator(new IndexedDataset(parseTurtle(shapes).quads), { factory: DataFactory as any });
  const c = process.cpuUsage();
  await v.validate({ dataset: ds });
  const cu = process.cpuUsage(c);
  best[name] = Math.min(best[name] ?? Infinity, (cu.user + cu.system) / 1000);
}
console.log(best);
