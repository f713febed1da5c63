/**
 * Every schema step, oldest first. Append only: the position in this list is
 * checked against each step's `version` when the database opens.
 */
import { initialMigration } from './0001-initial'
import { settingsMigration } from './0002-settings'
import { redFlagHistoryMigration } from './0003-red-flag-history'
import { unfinishedByConcernMigration } from './0004-unfinished-by-concern'
import { auditTrailMigration } from './0005-audit-trail'
import { staffMigration } from './0006-staff'
import { intakeDigestsMigration } from './0007-intake-digests'
import { triageMigration } from './0008-triage'
import { searchMigration } from './0009-search'
import { queueIndexMigration } from './0010-queue-index'
import { amendmentsAndFollowUpsMigration } from './0011-amendments-and-follow-ups'
import type { Migration } from './migration'

export type { Migration } from './migration'

export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  settingsMigration,
  redFlagHistoryMigration,
  unfinishedByConcernMigration,
  auditTrailMigration,
  staffMigration,
  intakeDigestsMigration,
  triageMigration,
  searchMigration,
  queueIndexMigration,
  amendmentsAndFollowUpsMigration
]
