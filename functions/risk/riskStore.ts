/**
 * The risk register, the tenant's risk library entries and the assessments in a tenant table:
 *   a risk ........................ PK=RISKS            SK=RISK#<riskId>
 *   every risk (list, snapshot) ... Query PK=RISKS (filters: status, owner, fileId)
 *   overdue risks ................. GSI dueByDate duePk=DUE#risk dueSk=<targetDate>#<riskId>
 *                                   (only while open or treating with a target date)
 *   tenant library entries ........ PK=RISK_LIBRARY     SK=ENTRY#<entryId>
 *   assessments (newest first) .... PK=RISK_ASSESSMENTS SK=ASSESSMENT#<assessmentId> (ids sort by time)
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Assessment } from '../../domain/risk/assessment';
import { builtInRiskLibrary, mergeRiskLibrary, type RiskLibrary, type RiskLibraryEntry } from '../../domain/risk/riskLibrary';
import type { Risk } from '../../domain/risk/riskRegister';
import type { TransactItem } from '../store/auditedCommit';
import { putEntityWrite } from '../store/entityStore';
import { queryAll, type TableRef } from '../inventory/inventoryStore';

export const riskKeys = {
  risk: (riskId: string) => ({ pk: 'RISKS', sk: `RISK#${riskId}` }),
  libraryEntry: (entryId: string) => ({ pk: 'RISK_LIBRARY', sk: `ENTRY#${entryId}` }),
  assessment: (assessmentId: string) => ({ pk: 'RISK_ASSESSMENTS', sk: `ASSESSMENT#${assessmentId}` }),
};
export const RISK_DUE_PARTITION = 'DUE#risk';

export interface RiskRecord {
  risk: Risk;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function riskItem(record: RiskRecord): Record<string, unknown> & { pk: string; sk: string; version: number } {
  const { risk } = record;
  // Only risks still to be treated wait on their target date; closing or accepting takes them off the due index.
  const due = (risk.status === 'open' || risk.status === 'treating') && risk.targetDate ? { duePk: RISK_DUE_PARTITION, dueSk: `${risk.targetDate}#${risk.id}` } : {};
  return { ...riskKeys.risk(risk.id), entity: 'Risk', riskId: risk.id, ...risk, version: record.version, createdAt: record.createdAt, updatedAt: record.updatedAt, ...due };
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

export async function getRiskRecord(table: TableRef, riskId: string): Promise<RiskRecord | undefined> {
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: riskKeys.risk(riskId), ConsistentRead: true }));
  return Item ? riskRecordOf(Item) : undefined;
}

export async function loadAllRisks(table: TableRef): Promise<Risk[]> {
  const items = await queryAll(table.doc, {
    TableName: table.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': 'RISKS' },
    ConsistentRead: true,
  });
  return items.map((item) => riskRecordOf(item).risk);
}

export async function loadTenantLibraryEntries(table: TableRef): Promise<Record<string, unknown>[]> {
  const items = await queryAll(table.doc, {
    TableName: table.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': 'RISK_LIBRARY' },
    ConsistentRead: true,
  });
  return items.map((item) => item.entry as Record<string, unknown>);
}

/** Built-in entries plus the tenant's; stored entries were validated on the way in. */
export async function loadRiskLibrary(table: TableRef): Promise<RiskLibrary> {
  const merged = mergeRiskLibrary(await loadTenantLibraryEntries(table));
  if (!merged.ok) {
    // Should not happen (entries are checked when added); fall back to what is valid rather than fail reads.
    return new Map<string, RiskLibraryEntry>(builtInRiskLibrary.map((e) => [e.id, e]));
  }
  return merged.library;
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

export async function getAssessmentRecord(table: TableRef, assessmentId: string): Promise<AssessmentRecord | undefined> {
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: riskKeys.assessment(assessmentId), ConsistentRead: true }));
  return Item ? assessmentRecordOf(Item) : undefined;
}

/** Every assessment, newest first (ids are time-ordered ULIDs). */
export async function loadAllAssessments(table: TableRef): Promise<AssessmentRecord[]> {
  const items = await queryAll(table.doc, {
    TableName: table.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': 'RISK_ASSESSMENTS' },
    ScanIndexForward: false,
    ConsistentRead: true,
  });
  return items.map(assessmentRecordOf);
}

/** The approved assessment this one is compared with: the latest approved one before it. */
export function previousApproved(all: readonly AssessmentRecord[], current: Assessment): Assessment | undefined {
  const before = (a: Assessment) => a.assessedOn < current.assessedOn || (a.assessedOn === current.assessedOn && a.id < current.id);
  return all
    .map((r) => r.assessment)
    .filter((a) => a.id !== current.id && a.approval && before(a))
    .sort((a, b) => (a.assessedOn === b.assessedOn ? b.id.localeCompare(a.id) : b.assessedOn.localeCompare(a.assessedOn)))[0];
}
