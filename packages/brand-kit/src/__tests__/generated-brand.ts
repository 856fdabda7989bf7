/**
 * A large generated brand graph with errors spread through it, for tests that need volume (the
 * two-thread SHACL path starts at about 20,000 triples). Errors of several kinds appear at the
 * start, in the middle and at the end, so each thread's share of the focus nodes has some.
 */
const PAGES = ['home', 'cart', 'checkout'];
const STABILITY = ['stable', 'volatile', 'experimental', 'deprecated'];

export function generatedBrand(targetTriples: number): string {
  const out = [
    '@prefix bs: <https://brandsafe.dev/ns#> .',
    '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .',
    '@prefix g: <https://generated.example/brand#> .',
    'g:brand a bs:Brand ; bs:name "Generated" ; bs:version "1.0" ; bs:domain "generated.example" .',
  ];
  for (const p of PAGES) out.push(`g:${p} a bs:PageType ; rdfs:label "${p}" .`);
  let triples = 4 + 2 * PAGES.length;
  for (let i = 0; triples < targetTriples; i++) {
    const stability = i % 601 === 17 ? 'solid' : STABILITY[i % 4];
    const css = i % 977 === 5 ? 'div >' : `[data-testid="item-${i}"]`;
    const page = i % 1013 === 400 ? 'g:nowhere' : `g:${PAGES[i % 3]}`;
    const extraCss = i % 1409 === 1000 ? ` ; bs:css ".extra-${i}"` : '';
    const noStability = i % 1201 === 700;
    out.push(
      `g:sel-${i} a bs:ApprovedSelector ; rdfs:label "Item ${i}" ; bs:css '${css}'${extraCss} ; bs:pageType ${page}` +
        `${noStability ? '' : ` ; bs:stability bs:${stability}`} .`,
    );
    triples += noStability ? 4 : 5;
    if (i % 20 === 0) {
      // Template parameters are blank nodes: their problems name a blank focus node.
      const name = i % 740 === 0 ? '1st' : 'target';
      out.push(
        `g:tpl-${i} a bs:Template ; rdfs:label "Template ${i}" ; bs:testType "cta-text" ;\n` +
          `  bs:parameter [ bs:parameterName "${name}" ; bs:parameterType bs:${i % 900 === 0 ? 'colour' : 'selector'} ] ;\n` +
          `  bs:body "go({{${name}}})" .`,
      );
      triples += 8;
    }
  }
  return `${out.join('\n')}\n`;
}
