/**
 * The declared entity model of the security maintenance plan (個人資料檔案安全維護計畫) in a
 * tenant table.
 *
 * Entities:
 *   PlanHead (the register: numbering, open/approved) .. PK=PLAN          SK=HEAD
 *   PlanVersion ......................................... PK=PLAN          SK=VERSION#<000007>
 *   PlanSettings (selected sector regulation) ........... PK=PLAN          SK=SETTINGS
 *   FrozenPlanTables (tables at approval, gzip parts) ... PK=PLAN          SK=FROZEN_TABLES#<000007>#<000>
 *   RecordCount (one per day; inventory writes too) ..... PK=RECORD_COUNT  SK=<yyyy-mm-dd>
 *
 * Access patterns:
 *   versionsNewestFirst ........ PK=PLAN          SK begins_with VERSION#   (descending)
 *   frozenTablesOf(n) .......... PK=PLAN          SK begins_with FROZEN_TABLES#<n>#  (parts in order)
 *   recordCountsUpTo(asOf) ..... PK=RECORD_COUNT  SK <= asOf                (oldest first)
 *   recordCountsNewestFirst .... PK=RECORD_COUNT  SK between from and to    (either bound optional; descending)
 *
 * Each version is its own item with the content kept as one JSON string: DynamoDB caps an item
 * at 400 KB, so the API refuses content above MAX_CONTENT_BYTES before writing. The register
 * is written in the same transaction as every change that opens or approves a version, so two
 * editors cannot open two drafts or approve twice.
 */
import type { PlanVersion } from '../../domain/plan';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { EntityKey, KeyQuery } from '../store/entityModel';

/** The plan register: which version is open (draft/submitted) and which is in force. */
export interface PlanHead {
  latestVersionNumber: number;
  openVersionNumber: number | null;
  approvedVersionNumber: number | null;
  version: number;
}

export const EMPTY_HEAD: PlanHead = { latestVersionNumber: 0, openVersionNumber: null, approvedVersionNumber: null, version: 0 };

/** A version as stored: the domain's PlanVersion with the content serialised, plus who changed it. */
export interface StoredPlanVersion extends Omit<PlanVersion, 'content'> {
  contentJson: string;
  createdBy: string;
  updatedBy: string;
  /** Optimistic-concurrency revision (the ETag), not the plan's version number. */
  version: number;
}

export interface PlanSettings {
  /** Sector regulation chosen for the plan; null falls back to the tenant profile's. */
  regulationPcode: string | null;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface RecordCountEntry {
  date: IsoDate;
  count: number;
  source: 'inventory' | 'manual';
  note?: string;
  recordedAt?: string;
  recordedBy?: string;
  /** Absent on entries the inventory wrote (they carry no revision). */
  version?: number;
}

const PLAN_PARTITION = 'PLAN';
const VERSION_PREFIX = 'VERSION#';
const RECORD_COUNT_PARTITION = 'RECORD_COUNT';
const FROZEN_TABLES_PREFIX = 'FROZEN_TABLES#';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * One part of a version's frozen tables: the rows as gzip'd JSON, cut into parts that each stay
 * well under DynamoDB's 400 KB item cap (an inventory of thousands of files still freezes).
 */
export interface StoredFrozenTablesPart {
  versionNumber: number;
  frozenAt: string;
  part: number;
  parts: number;
  gzip: Uint8Array;
  /** Written once and never changed. */
  version: number;
}

export const planKeys = {
  head: (): EntityKey => ({ pk: PLAN_PARTITION, sk: 'HEAD' }),
  version: (versionNumber: number): EntityKey => ({ pk: PLAN_PARTITION, sk: `${VERSION_PREFIX}${String(versionNumber).padStart(6, '0')}` }),
  settings: (): EntityKey => ({ pk: PLAN_PARTITION, sk: 'SETTINGS' }),
  frozenTablesPart: (versionNumber: number, part: number): EntityKey => ({ pk: PLAN_PARTITION, sk: `${FROZEN_TABLES_PREFIX}${pad(versionNumber, 6)}#${pad(part, 3)}` }),
};

export const recordCountKeys = {
  entry: (date: IsoDate): EntityKey => ({ pk: RECORD_COUNT_PARTITION, sk: date }),
};

export const planAccessPatterns = {
  /** The parts of one version's frozen tables, in order. */
  frozenTablesOf: (versionNumber: number): KeyQuery => ({ pk: PLAN_PARTITION, sk: { beginsWith: `${FROZEN_TABLES_PREFIX}${pad(versionNumber, 6)}#` } }),

  /** Every version, newest first (the version number is zero-padded, so keys sort by number). */
  versionsNewestFirst: (): KeyQuery => ({ pk: PLAN_PARTITION, sk: { beginsWith: VERSION_PREFIX }, descending: true }),

  /** The record-count history up to a day, oldest first: what the obligations are computed from. */
  recordCountsUpTo: (asOf: IsoDate): KeyQuery => ({ pk: RECORD_COUNT_PARTITION, sk: { atMost: asOf } }),

  /** The record-count history within inclusive bounds, newest first. */
  recordCountsNewestFirst: (range: { from?: IsoDate; to?: IsoDate }): KeyQuery => ({
    pk: RECORD_COUNT_PARTITION,
    ...(range.from && range.to
      ? { sk: { between: [range.from, range.to] as const } }
      : range.from
        ? { sk: { atLeast: range.from } }
        : range.to
          ? { sk: { atMost: range.to } }
          : {}),
    descending: true,
  }),
};
