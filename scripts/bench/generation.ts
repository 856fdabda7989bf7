// Template generation throughput on the Northwind example brand: generations per second with
// the real checker included (what POST /api/v1/generations pays before its insert), against
// rendering alone, the generate() loop with a no-op checker, and a naive fill (JSON.stringify into
// the body, no typing, no lexing) as the floor — so the price of safety and of the check shows.
// Run: node --import tsx --conditions source scripts/bench/generation.ts   (BENCH_MS per row)
import { readFileSync } from 'node:fs';
import { loadBrand } from '@brandsafe/brand-kit';
import { check as realCheck } from '@brandsafe/rules';
import { generate, generateFromTemplate, PLACEHOLDER, templateProvider, type CheckFn, type GenerationRequest } from '@brandsafe/generation';

const DURATION_MS = Number(process.env['BENCH_MS'] ?? 2000);
const ttl = new URL('../../examples/northwind/.brandsafe/brand.ttl', import.meta.url);
const { brand } = await loadBrand(readFileSync(ttl, 'utf8'));
if (!brand) throw new Error('examples/northwind/.brandsafe/brand.ttl did not load');

interface Row {
  name: string;
  ops: number;
  meanUs: number;
  p99Us: number;
}

async function measure(name: string, fn: () => unknown): Promise<Row> {
  for (let i = 0; i < 300; i++) await fn(); // warm-up: JIT and the compiled-template cache
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < DURATION_MS) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return {
    name,
    ops: Math.round((times.length / total) * 1000),
    meanUs: Math.round((total / times.length) * 1000),
    p99Us: Math.round(times[Math.floor(times.length * 0.99)]! * 1000),
  };
}

const requests: GenerationRequest[] = [
  { testType: 'banner', description: 'Promotional banner above the hero', pageType: 'home',
    parameters: { headline: 'Autumn "sale" </script>', ctaText: 'Shop now', ctaUrl: 'https://northwind.example/sale' } },
  { testType: 'cta-text', description: 'urgent label', pageType: 'product-detail',
    parameters: { target: '[data-testid="add-to-cart-button"]', text: "Buy 'now' ${x}" } },
  { testType: 'urgency-message', description: 'low stock', pageType: 'product-detail', parameters: { message: 'Only a few left' } },
  { testType: 'sticky-add-to-cart', description: 'sticky bar', pageType: 'product-detail' },
  { testType: 'banner', description: 'free shipping announcement message', pageType: 'cart', parameters: { message: 'Free shipping over $50' } },
];
let i = 0;
const next = (): GenerationRequest => requests[i++ % requests.length]!;
const noopCheck: CheckFn = () => ({ findings: [], skipped: [] });

// The floor: what an unsafe fill costs (choice reused from the real path, values pasted in).
const chosen = requests.map((r) => generateFromTemplate({ brand, request: r }).templateId!);
const naive = (k: number): string => {
  const r = requests[k]!;
  const t = brand.templates.find((x) => x.id === chosen[k])!;
  const values: Record<string, unknown> = { ...Object.fromEntries(t.parameters.map((p) => [p.name, p.default])), ...r.parameters };
  return t.body.replace(PLACEHOLDER, (_m, name: string) => JSON.stringify(values[name] ?? ''));
};

const rows: Row[] = [];
rows.push(await measure('naive fill (JSON.stringify, unsafe floor)', () => naive(i++ % requests.length)));
rows.push(await measure('template render (choose, type, escape, re-lex)', () => generateFromTemplate({ brand, request: next() })));
rows.push(await measure('generate(), no-op checker', () => generate(next(), { brand, provider: templateProvider, check: noopCheck })));
rows.push(await measure('generate(), @brandsafe/rules check', () => generate(next(), { brand, provider: templateProvider, check: realCheck })));

console.log(`brand: ${brand.name} (${brand.templates.length} templates, ${brand.selectors.length} selectors, ${brand.rules.length} rules); ${DURATION_MS} ms per row, one process`);
console.table(rows.map((r) => ({ case: r.name, 'ops/s': r.ops, 'mean µs': r.meanUs, 'p99 µs': r.p99Us })));
