/**
 * The risk register's, library's and assessments' reads and item mapping (keys and access
 * patterns: riskEntities.ts). Risk reads the inventory (its files and code lists); the
 * inventory never reads risk.
 */
import type { Assessment } from '../../domain/risk/assessment';
import { builtInRiskLibrary, mergeRiskLibrary, type RiskLibrary, type RiskLibraryEntry } from '../../domain/risk/riskLibrary';
import type { Risk } from '../../domain/risk/riskRegister';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { TransactItem } from '../store/auditedCommit';
import { putEntityWrite, queryItems, queryPage, requireEntity, type EntityKey, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { riskAccessPatterns, riskIndexKeys, riskKeys, type RiskListFilters } from './riskEntities';

export const riskWhat = { zhTW: '風險', en: 'risk' };
export const assessmentWhat = { zhTW: '風險評估', en: 'risk assessment' };

export interface RiskRecord {
  risk: Risk;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type RiskItem = Record<string, unknown> & EntityKey & { version: number };

export function riskItem(record: RiskRecord): RiskItem {
  const { risk } = record;
  return {
    ...riskKeys.risk(risk.id),
    entity: 'Risk',
    riskId: risk.id,
    ...risk,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...riskIndexKeys.due(risk),
  };
}

const RISK_FIELDS = ['id', 'fileIds', 'context', 'operation', 'scenario', 'libraryEntryIds', 'description', 'owner', 'status', 'acceptanceReason', 'targetDate', 'treatments', 'history'] as const;

export function riskRecordOf(item: Record<string, unknown>): RiskRecord {
  const risk: Record<string, unknown> = {};
  for (const field of RISK_FIELDS) if (item[field] !== undefined) risk[field] = item[field];
  return { risk: risk as Risk, version: item.version as number, createdAt: item.createdAt as string, updatedAt: item.updatedAt as string };
}

export function putRiskWrite(tableName: string, record: RiskRecord, expectedVersion: number | null): TransactItem {
  return putEntityWrite(tableName, riskItem(record), expectedVersion);
}

/** The risk or a 404. */
export async function requireRiskRecord(table: TableRef, riskId: string): Promise<RiskRecord> {
  return riskRecordOf(await requireEntity<Record<string, unknown>>(table, riskKeys.risk(riskId), riskWhat));
}

export async function loadAllRisks(table: TableRef): Promise<Risk[]> {
  return (await queryItems(table, riskAccessPatterns.allRisks())).map((item) => riskRecordOf(item).risk);
}

/** A page of the register; `overdue` reads the due-date index up to yesterday instead. */
export async function listRisks<T>(
  table: TableRef,
  filters: RiskListFilters & { overdue?: boolean },
  today: IsoDate,
  page: PageRequest,
  list: ListBinding,
  view: (record: RiskRecord) => T,
) {
  const pattern = filters.overdue ? riskAccessPatterns.overdueRisks(filters, today) : riskAccessPatterns.risks(filters);
  return queryPage(table, pattern, page, list, (item) => view(riskRecordOf(item)));
}

export async function loadTenantLibraryEntries(table: TableRef): Promise<Record<string, unknown>[]> {
  return (await queryItems(table, riskAccessPatterns.libraryEntries())).map((item) => item.entry as Record<string, unknown>);
}

export function putLibraryEntryWrite(tableName: string, entry: { id: string } & Record<string, unknown>): TransactItem {
  return putEntityWrite(tableName, { ...riskKeys.libraryEntry(entry.id), entity: 'RiskLibraryEntry', entry, version: 1 }, null);
}

/** Built-in entries plus the tenant's; stored entries were validated on the way in. */
export async function loadRiskLibrary(table: TableRef): Promise<RiskLibrary> {
  const merged = mergeRiskLibrary(await loadTenantLibraryEntries(table));
  if (!merged.ok) {
    // Should not happen (entries are checked when added); fall back to what is valid rather than fail reads.
    return new Map<string, RiskLibraryEntry>(builtInRiskLibrary.map((e) => [e.id, e]));
  }
  return merged.value;
}

export interface AssessmentRecord {
  assessment: Assessment;
  version: number;
  createdAt: string;
  createdBy: string;
}

export function assessmentItem(record: AssessmentRecord) {
  return {
    ...riskKeys.assessment(record.assessment.id),
    entity: 'RiskAssessment',
    assessmentId: record.assessment.id,
    assessment: record.assessment,
    approved: record.assessment.approval !== undefined,
    version: record.version,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
  };
}

export function assessmentRecordOf(item: Record<string, unknown>): AssessmentRecord {
  return { assessment: item.assessment as Assessment, version: item.version as number, createdAt: item.createdAt as string, createdBy: item.createdBy as string };
}

/** The assessment or a 404. */
export async function requireAssessmentRecord(table: TableRef, assessmentId: string): Promise<AssessmentRecord> {
  return assessmentRecordOf(await requireEntity<Record<string, unknown>>(table, riskKeys.assessment(assessmentId), assessmentWhat));
}

/** Every assessment, newest first (ids are time-ordered ULIDs). */
export async function loadAllAssessments(table: TableRef): Promise<AssessmentRecord[]> {
  return (await queryItems(table, riskAccessPatterns.assessments({ consistentRead: true }))).map(assessmentRecordOf);
}

export async function listAssessments<T>(table: TableRef, page: PageRequest, list: ListBinding, view: (record: AssessmentRecord) => T) {
  return queryPage(table, riskAccessPatterns.assessments(), page, list, (item) => view(assessmentRecordOf(item)));
}

/** The approved assessment this one is compared with: the latest approved one before it. */
export function previousApproved(all: readonly AssessmentRecord[], current: Assessment): Assessment | undefined {
  const before = (a: Assessment) => a.assessedOn < current.assessedOn || (a.assessedOn === current.assessedOn && a.id < current.id);
  return all
    .map((r) => r.assessment)
    .filter((a) => a.id !== current.id && a.approval && before(a))
    .sort((a, b) => (a.assessedOn === b.assessedOn ? b.id.localeCompare(a.id) : b.assessedOn.localeCompare(a.assessedOn)))[0];
}
