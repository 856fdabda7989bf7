/**
 * The migrations, listed explicitly in order (kysely's guidance: no directory scanning, so a
 * bundle or a moved file cannot silently change the set). Names sort in apply order.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-identity.js';
import * as m0002 from './0002-brands.js';
import * as m0003 from './0003-generations.js';
import * as m0004 from './0004-audit-outbox.js';
import * as m0005 from './0005-isolation.js';
import * as m0006 from './0006-review-details.js';
import * as m0007 from './0007-audit-log.js';
import * as m0008 from './0008-email-verification.js';
import * as m0009 from './0009-billing.js';

export const migrations: Record<string, Migration> = {
  '0001-identity': m0001,
  '0002-brands': m0002,
  '0003-generations': m0003,
  '0004-audit-outbox': m0004,
  '0005-isolation': m0005,
  '0006-review-details': m0006,
  '0007-audit-log': m0007,
  '0008-email-verification': m0008,
  '0009-billing': m0009,
};
