/**
 * Prometheus metrics of the audit log (issue 5 §5), on the app's registry: the findings of the
 * latest tamper check by kind (alert on any value > 0) and when it ran.
 */
import type { AuditDb } from '@brandsafe/db';
import { Gauge, type Registry } from 'prom-client';
import { auditLogFor } from './service.js';
import { TAMPER_KINDS } from './tamper.js';

/** Registers the audit gauges; they read the service registered for `db` at scrape time. */
export function registerAuditMetrics(registry: Registry, db: AuditDb): void {
  new Gauge({
    name: 'brandsafe_audit_tamper_findings',
    help: 'Findings of the latest audit log tamper check, by kind (0 = intact)',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      const report = auditLogFor(db)?.lastTamperReport;
      for (const kind of TAMPER_KINDS) this.set({ kind }, report ? report.findings.filter((f) => f.kind === kind).length : 0);
    },
  });
  new Gauge({
    name: 'brandsafe_audit_tamper_check_timestamp_seconds',
    help: 'When the latest audit log tamper check ran (POSIX seconds; 0 = never)',
    registers: [registry],
    collect() {
      const report = auditLogFor(db)?.lastTamperReport;
      this.set(report ? Date.parse(report.checkedAt) / 1000 : 0);
    },
  });
}
