// Template generation throughput: generations per second with the checker included (what
// POST /api/v1/generations pays before its insert), against rendering alone and against the
// generate() loop with a no-op checker, so the checker's share is visible.
// Run: node --import tsx --conditions source scripts/bench/generation.ts
import type { Brand } from '@brandsafe/brand-kit';
import { check as realCheck } from '@brandsafe/rules';
import { generate, generateFromTemplate, templateProvider, type CheckFn, type GenerationRequest } from '@brandsafe/generation';
import { makeBrand } from '../../packages/generation/src/__tests__/__fixtures__/brand.js';

const DURATION_MS = Number(process.env['BENCH_MS'] ?? 2000);

interface Row {
  name: string;
  ops: number;
  meanUs: number;
  p99Us: number;
}

async function measure(name: string, fn: () => unknown): Promise<Row> {
  for (let i = 0; i < 200; i++) await fn(); // warm-up: JIT and the template cache
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

const noopCheck: CheckFn = () => ({ findings: [], skipped: [] });

const brand: Brand = makeBrand();
const requests: GenerationRequest[] = [
  { testType: 'banner', description: 'Free shipping announcement', parameters: { target: '.hero', message: 'Free "shipping" </script> today' } },
  { testType: 'cta-change', description: 'urgent label', pageType: 'product-detail', parameters: { button: 'add-to-cart', label: "Buy 'now' ${x}" } },
  { testType: 'price-badge', description: 'deal badge', parameters: { price: '.product-price', link: 'https://acme.test/deal', text: 'Deal' } },
];
let i = 0;
const next = (): GenerationRequest => requests[i++ % requests.length]!;

const rows: Row[] = [];
rows.push(await measure('render only (choose + parameters + escape + re-lex)', () => generateFromTemplate({ brand, request: next() })));
rows.push(await measure('generate(), no-op checker', () => generate(next(), { brand, provider: templateProvider, check: noopCheck })));
if (realCheck) {
  rows.push(await measure('generate(), @brandsafe/rules check', () => generate(next(), { brand, provider: templateProvider, check: realCheck })));
} else {
  console.log('(@brandsafe/rules does not export check yet: the real-checker row is missing)');
}

console.log(`brand: ${brand.name} (${brand.templates.length} templates, ${brand.selectors.length} selectors); ${DURATION_MS} ms per row, one process`);
console.table(rows.map((r) => ({ case: r.name, 'ops/s': r.ops, 'mean µs': r.meanUs, 'p99 µs': r.p99Us })));
