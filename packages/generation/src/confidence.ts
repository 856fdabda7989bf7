/**
 * The confidence score of a result, in [0, 1] — see README.md "Confidence":
 *
 *   prior   = template: 0.5 + 0.5·fit          (a proven template that fits well starts near 1)
 *             claude:   0.4 + 0.4·fit          (free-form code starts lower; fit is that of the
 *                                              best template for the request, 0 if none)
 *   quality = 0.25^errors · 0.9^warnings       (info findings do not count)
 *   confidence = round(prior · quality, 3)
 */
import type { Finding } from '@brandsafe/rules';
import type { ProviderName } from './types.js';

/** Counts of error and warning findings. */
export function severityCounts(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** The formula in the module comment; `fit` is clamped to [0, 1]. */
export function confidence(provider: ProviderName, fit: number, findings: readonly Finding[]): number {
  const f = Math.min(1, Math.max(0, fit));
  const prior = provider === 'template' ? 0.5 + 0.5 * f : 0.4 + 0.4 * f;
  const { errors, warnings } = severityCounts(findings);
  return Math.round(prior * 0.25 ** errors * 0.9 ** warnings * 1000) / 1000;
}
