/**
 * Starting the audit log with the server (issue 5 §2): load the key, register the service for
 * the app's database, start the integrator and the periodic tamper check.
 */
import type { AuditDb } from '@brandsafe/db';
import type { Logger } from 'pino';
import { loadAuditSettings } from './config.js';
import { AuditLogService, registerAuditLog } from './service.js';
import { runTamperCheck } from './tamper-job.js';

/** A running audit log. */
export interface RunningAuditLog {
  service: AuditLogService;
  /** Stops the integrator and the tamper check, waiting for a pass in flight. */
  stop(): Promise<void>;
}

/**
 * Starts the audit log for `db` (before or after `createApp(db)`; routes look it up per request).
 * @throws AuditConfigError on a bad key or setting (report it and exit 2, like other config).
 */
export async function startAuditLog(
  db: AuditDb,
  context: { env: Record<string, string | undefined>; dataDir: string; publicUrl: string; logger?: Logger },
): Promise<RunningAuditLog> {
  const settings = await loadAuditSettings(context.env, context);
  const service = new AuditLogService(db, settings.signer, settings.integrator, context.logger);
  registerAuditLog(db, service);
  context.logger?.info(
    { origin: settings.signer.origin, logId: settings.signer.logId, keySource: settings.keySource, keyFile: settings.keyFile },
    'audit log started',
  );
  service.integrator.start();
  let tamperTimer: NodeJS.Timeout | undefined;
  let tamperRun: Promise<unknown> = Promise.resolve();
  if (settings.tamperCheckSeconds > 0) {
    tamperTimer = setInterval(() => {
      tamperRun = runTamperCheck(db, service).catch((err: unknown) => context.logger?.error({ err }, 'audit tamper check failed'));
    }, settings.tamperCheckSeconds * 1000);
    tamperTimer.unref();
  }
  return {
    service,
    async stop() {
      if (tamperTimer) clearInterval(tamperTimer);
      await service.integrator.stop();
      await tamperRun;
    },
  };
}
