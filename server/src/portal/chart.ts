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
const H = 200;
const PAD = { left: 40, right: 10, top: 12, bottom: 24 };
const DAY = 86_400_000;

/** Every UTC day of the period, with the generations of each (zero for days not yet come). */
export function periodDays(days: readonly UsageDay[], period: { start: string; end: string }): UsageDay[] {
  const counts = new Map(days.map((d) => [d.date, d.generations]));
  const start = new Date(period.start);
  const out: UsageDay[] = [];
  const end = new Date(period.end).getTime();
  for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t < end && out.length < 62; t += DAY) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push({ date, generations: counts.get(date) ?? 0 });
  }
  return out;
}

/**
 * Renders usage against the quota: one bar per day of the period, its height the cumulative
 * generations by the end of that day, and the quota as a dashed line (none when unlimited), on
 * one scale so the distance to the limit is what the eye reads. Days still to come are shaded.
 */
export function usageChart(days: readonly UsageDay[], used: number, limit: number | null, period: { start: string; end: string }): Html {
  const all = periodDays(days, period);
  const today = new Date().toISOString().slice(0, 10);
  let running = 0;
  const bars = all.map((d) => ({ ...d, cumulative: (running += d.generations), future: d.date > today }));
  const max = Math.max(1, running, limit ?? 0);
  const futureFrom = bars.findIndex((d) => d.future);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, bars.length);
  const barW = Math.min(28, Math.max(2, step * 0.7));
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const label = `${used} generation${used === 1 ? '' : 's'} this period${limit === null ? ' (unlimited plan)' : ` of ${limit} allowed`}.`;
  return html`<figure class="chart"><svg role="img" aria-labelledby="usage-chart-title" viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg">
<title id="usage-chart-title">${label}</title>
<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}" stroke="#9aa3ad"/>
<text x="${PAD.left - 4}" y="${PAD.top + 8}" text-anchor="end">${max}</text><text x="${PAD.left - 4}" y="${PAD.top + plotH}" text-anchor="end">0</text>
${futureFrom >= 0 ? html`<rect class="future" x="${(PAD.left + futureFrom * step).toFixed(1)}" y="${PAD.top}" width="${((bars.length - futureFrom) * step).toFixed(1)}" height="${plotH}"><title>days still to come</title></rect>` : ''}
${bars.map((d, i) => {
  const x = PAD.left + i * step + (step - barW) / 2;
  if (d.future) return '';
  const h = Math.max(d.cumulative > 0 ? 2 : 0, PAD.top + plotH - y(d.cumulative));
  return html`<rect class="bar" data-date="${d.date}" data-count="${d.generations}" data-cumulative="${d.cumulative}" x="${x.toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${d.date}: ${d.generations} (${d.cumulative} this period)</title></rect>`;
})}
${limit === null ? '' : html`<line class="quota" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(limit).toFixed(1)}" y2="${y(limit).toFixed(1)}"/><text x="${W - PAD.right}" y="${(y(limit) - 3).toFixed(1)}" text-anchor="end">quota ${limit}</text>`}
${bars.length > 0 ? html`<text x="${PAD.left}" y="${H - 6}">${bars[0]?.date}</text><text x="${W - PAD.right}" y="${H - 6}" text-anchor="end">${bars[bars.length - 1]?.date}</text>` : ''}
</svg><figcaption>${label}</figcaption></figure>`;
}

/** A horizontal meter of `used` against `limit` (full width when unlimited). */
export function meter(name: string, used: number, limit: number | null): Html {
  const pct = limit === null ? 0 : Math.min(100, Math.round((used / Math.max(1, limit)) * 100));
  return html`<div><div><strong>${name}</strong>: <span data-usage="${name}">${used}</span> of ${limit === null ? 'unlimited' : limit}</div>
<svg class="meter" role="meter" aria-label="${name}" aria-valuemin="0" aria-valuemax="${limit ?? used}" aria-valuenow="${used}" viewBox="0 0 100 4" preserveAspectRatio="none" width="100%" height="12">
<rect width="100" height="4" fill="#e5e7eb"/><rect width="${pct}" height="4" fill="${pct >= 90 ? '#c62828' : '#2346d1'}"/></svg></div>`;
}
