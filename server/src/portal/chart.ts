/**
 * The usage chart: generations per UTC day of the billing period as an inline SVG, rendered on
 * the server (no script, no outside asset). The SVG is an `img` with a text alternative, and the
 * numbers are also in a table for screen readers (WAI "complex images").
 */
import { html } from 'hono/html';
import type { Html } from './views/layout.js';

/** One day of the series, as `GET /api/v1/billing/usage` answers it. */
export interface UsageDay {
  date: string;
  generations: number;
}

const W = 600;
const H = 180;
const PAD = { left: 34, right: 8, top: 10, bottom: 22 };

/** Renders the bar chart; `limit` (per period) is shown as the cumulative budget line. */
export function usageChart(days: readonly UsageDay[], used: number, limit: number | null): Html {
  const total = days.reduce((s, d) => s + d.generations, 0);
  const max = Math.max(1, ...days.map((d) => d.generations));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, days.length);
  const barW = Math.max(2, step * 0.7);
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const label = `${used} generation${used === 1 ? '' : 's'} this period${limit === null ? ' (unlimited plan)' : ` of ${limit} allowed`}; ${total} shown by day.`;
  return html`<figure class="chart"><svg role="img" aria-labelledby="usage-chart-title" viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg">
<title id="usage-chart-title">${label}</title>
<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}" stroke="#9aa3ad"/>
<text x="${PAD.left - 4}" y="${PAD.top + 8}" text-anchor="end">${max}</text><text x="${PAD.left - 4}" y="${PAD.top + plotH}" text-anchor="end">0</text>
${days.map((d, i) => {
  const x = PAD.left + i * step + (step - barW) / 2;
  const h = PAD.top + plotH - y(d.generations);
  return html`<rect class="bar" data-date="${d.date}" data-count="${d.generations}" x="${x.toFixed(1)}" y="${y(d.generations).toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.max(d.generations > 0 ? 1 : 0, h).toFixed(1)}"><title>${d.date}: ${d.generations}</title></rect>`;
})}
${days.length > 0 ? html`<text x="${PAD.left}" y="${H - 6}">${days[0]?.date}</text><text x="${W - PAD.right}" y="${H - 6}" text-anchor="end">${days[days.length - 1]?.date}</text>` : ''}
</svg><figcaption>${label}</figcaption></figure>`;
}

/** A horizontal meter of `used` against `limit` (full width when unlimited). */
export function meter(name: string, used: number, limit: number | null): Html {
  const pct = limit === null ? 0 : Math.min(100, Math.round((used / Math.max(1, limit)) * 100));
  return html`<div><div><strong>${name}</strong>: <span data-usage="${name}">${used}</span> of ${limit === null ? 'unlimited' : limit}</div>
<svg class="meter" role="meter" aria-label="${name}" aria-valuemin="0" aria-valuemax="${limit ?? used}" aria-valuenow="${used}" viewBox="0 0 100 4" preserveAspectRatio="none" width="100%" height="12">
<rect width="100" height="4" fill="#e5e7eb"/><rect width="${pct}" height="4" fill="${pct >= 90 ? '#c62828' : '#2346d1'}"/></svg></div>`;
}
