/**
 * The tamper check as a job (issue 5 §5): run {@link checkAuditLog}, keep the report for the
 * admin endpoint and the metric, log an error line and append an `audit.tamper-detected` event
 * to each affected workspace's own log — once per distinct set of findings, so a persisting
 * problem does not flood the log it is reporting on.
 */
import { appendAuditEvent, withWorkspace, type AuditDb } from '@brandsafe/db';
import type { AuditLogService } from './service.js';
import { checkAuditLog, type TamperReport } from './tamper.js';

const alerted = new WeakMap<AuditLogService, string>();

/** Runs one tamper check for `service` and raises the alerts; returns the report. */
export async function runTamperCheck(db: AuditDb, service: AuditLogService): Promise<TamperReport> {
  const report = await checkAuditLog(db, service.signer);
  service.lastTamperReport = report;
  const fingerprint = JSON.stringify(report.findings.map((f) => [f.kind, f.leafIndex, f.eventId, f.treeSize]));
  if (report.findings.length === 0) {
    alerted.delete(service);
    service.logger?.info({ treeSize: report.treeSize }, 'audit tamper check: log intact');
    return report;
  }
  if (alerted.get(service) === fingerprint) return report;
  alerted.set(service, fingerprint);
  const counts: Record<string, number> = {};
  for (const f of report.findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  service.logger?.error({ treeSize: report.treeSize, counts, findings: report.findings.slice(0, 20) }, 'audit tamper check: the stored log does not match what it committed to');
  const byWorkspace = new Map<string, typeof report.findings>();
  for (const f of report.findings) {
    if (f.workspaceId) byWorkspace.set(f.workspaceId, [...(byWorkspace.get(f.workspaceId) ?? []), f]);
  }
  for (const [workspaceId, findings] of byWorkspace) {
    try {
      await withWorkspace(db, workspaceId, (trx) =>
        appendAuditEvent(trx, {
          workspaceId,
          type: 'audit.tamper-detected',
          actor: 'system',
          payload: {
            checkedAt: report.checkedAt,
            treeSize: report.treeSize,
            findings: findings.slice(0, 100).map((f) => ({ kind: f.kind, leafIndex: f.leafIndex ?? null, eventId: f.eventId ?? null, detail: f.detail })),
          },
        }),
      );
    } catch (err) {
      // The workspace itself may be what was deleted; the log line above still stands.
      service.logger?.warn({ err, workspaceId }, 'could not append the tamper alert event');
    }
  }
  return report;
}
