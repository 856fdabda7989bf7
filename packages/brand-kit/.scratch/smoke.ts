import { loadBrand, brandToTurtle } from '../src/index.js';
const text = `@prefix bs: <https://brandsafe.dev/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix nw: <https://northwind.example/brand#> .
nw:brand a bs:Brand ; bs:name "NW" ; bs:version "1.0" ; bs:domain "northwind.example" ;
  bs:rulePack bs:recommended .
nw:home a bs:PageType ; rdfs:label "Home" .
nw:s1 a bs:ApprovedSelector ; bs:css "div >" ; bs:stability bs:stabel ; bs:pageType nw:home ; bs:desciption "x" .
nw:r1 a bs:ForbiddenCallRule ; bs:severity bs:fatal ; bs:message "no" ; bs:callee "alert" .
nw:t1 a bs:Template ; rdfs:label "T" ; bs:testType "banner" ; bs:body "x {{a}} {{b}}" ;
  bs:parameter [ bs:parameterName "a" ; bs:parameterType bs:text ] .
nw:s2 a bs:ApprovedSelectr .
`;
const r = await loadBrand(text, { file: 'b.ttl' });
for (const p of r.problems) console.log(p.kind, `${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}`, p.message);
console.log(JSON.stringify(r.brand?.templates));
console.log(r.graph.quadAt({ line: 6, character: 30 })?.quad.object.value);
const r2 = await loadBrand('@prefix bs: <https://brandsafe.dev/ns#> .\nbs:x bs:y "abc ;\n', {});
console.log(r2.problems);
console.log(brandToTurtle(r.brand!));
