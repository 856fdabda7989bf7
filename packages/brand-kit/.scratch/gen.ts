export function generateBrand(targetTriples: number): string {
  const out: string[] = [
    '@prefix bs: <https://brandsafe.dev/ns#> .',
    '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .',
    '@prefix g: <https://gen.example/brand#> .',
    'g:brand a bs:Brand ; bs:name "Generated" ; bs:version "1.0.0" ; bs:domain "gen.example", "www.gen.example" ;',
    '  bs:rulePack bs:recommended, bs:optimizely-web .',
  ];
  const pages = ['home', 'product-list', 'product-detail', 'cart', 'checkout'];
  for (const p of pages) out.push(`g:${p} a bs:PageType ; rdfs:label "${p}" ; bs:urlPattern "^/${p}" .`);
  let triples = 8 + pages.length * 3;
  let i = 0;
  const sev = ['error', 'warning', 'info'];
  while (triples < targetTriples) {
    out.push(`g:sel${i} a bs:ApprovedSelector ; bs:css "[data-testid=\\"item-${i}\\"] > .title" ; bs:pageType g:${pages[i % 5]}, g:${pages[(i + 1) % 5]} ;`
      + ` bs:stability bs:stable ; rdfs:label "Item ${i}" ; bs:description "Generated selector ${i}" .`);
    triples += 7;
    if (i % 12 === 0) {
      out.push(`g:rule${i} a bs:ForbiddenCallRule ; bs:severity bs:${sev[i % 3]} ; bs:message "Do not call x${i}" ; bs:docs <https://docs.gen.example/r${i}> ; bs:callee "window.x${i}", "document.y${i}" .`);
      triples += 6;
    }
    if (i % 30 === 0) {
      out.push(`g:tpl${i} a bs:Template ; rdfs:label "Template ${i}" ; bs:testType "banner" ; bs:pageType g:home ; bs:body "document.title = {{text}};" ;`
        + ` bs:parameter [ bs:parameterName "text" ; bs:parameterType bs:text ; bs:required true ; bs:order 1 ] ,`
        + ` [ bs:parameterName "target" ; bs:parameterType bs:selector ; bs:pageType g:home ; bs:default "body" ] .`);
      triples += 6 + 2 + 4 + 4;
    }
    i++;
  }
  return out.join('\n') + '\n';
}
