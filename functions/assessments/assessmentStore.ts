/**
 * Compliance assessments in a tenant table: item ↔ record mapping and the reads (keys and access
 * patterns: assessmentEntities.ts).
 */
import type { Assessment } from '../../domain/assessment';
import type { CorrectiveActionCore } from '../../domain/correctiveAction';
import { refuse } from '../application/failures';
import type { TransactItem } from '../store/auditedCommit';
import { EntityNotFoundError, putEntityWrite, queryAll, queryItems, queryPage, withoutKeys, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { assessmentAccess, assessmentIndexKeys, assessmentKeys, assessmentPartItem } from './assessmentEntities';

export const ASSESSMENT_WHAT = { zhTW: '此評估', en: 'assessment' };
export const FINDING_ACTION_WHAT = { zhTW: '此矯正預防措施', en: 'corrective action' };

/** The domain assessment with who created it, when, and its version (the ETag). */
export interface StoredAssessment extends Assessment {
  title: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** A corrective action of one finding (the item it answers for). */
export interface FindingCorrectiveAction extends CorrectiveActionCore {
  assessmentId: string;
  itemNumber: string;
  version: number;
}

export interface LoadedAssessment {
  assessment: StoredAssessment;
  actions: FindingCorrectiveAction[];
}

/** DynamoDB's item limit is 400 KB; leave room for the keys and the audit copy's own limit. */
const MAX_ASSESSMENT_BYTES = 350_000;

/** The storage item; refuses (422) an assessment whose answers would not fit one item. */
export function assessmentItem(assessment: StoredAssessment): Record<string, unknown> & { pk: string; sk: string; version: number } {
  const item = { ...assessmentKeys.assessment(assessment.assessmentId), entity: 'ComplianceAssessment', ...assessment, ...assessmentIndexKeys(assessment) };
  if (Buffer.byteLength(JSON.stringify(item), 'utf8') > MAX_ASSESSMENT_BYTES) {
    refuse('forbiddenByRule', 'ASSESSMENT_TOO_LARGE', {
      zhTW: '評估紀錄過大，請縮短備註或佐證參照。',
      en: 'The assessment record is too large; shorten notes or evidence references.',
    });
  }
  return item;
}

export function assessmentWrite(tableName: string, assessment: StoredAssessment, expected: number | null): TransactItem {
  return putEntityWrite(tableName, assessmentItem(assessment), expected);
}

export function findingActionWrite(tableName: string, action: FindingCorrectiveAction, expected: number | null): TransactItem {
  return putEntityWrite(tableName, { ...assessmentKeys.action(action.assessmentId, action.id), entity: 'FindingCorrectiveAction', ...action }, expected);
}

export function toStoredAssessment(item: Record<string, unknown>): StoredAssessment {
  return withoutKeys(item) as unknown as StoredAssessment;
}

function toFindingAction(item: Record<string, unknown>): FindingCorrectiveAction {
  return withoutKeys(item) as unknown as FindingCorrectiveAction;
}

/** The assessment with its actions (one consistent Query), or EntityNotFoundError (404). */
export async function requireAssessment(table: TableRef, assessmentId: string): Promise<LoadedAssessment> {
  const items = await queryItems(table, assessmentAccess.aggregate(assessmentId));
  const head = items.find((item) => assessmentPartItem.isAssessment(item.sk));
  if (!head) throw new EntityNotFoundError(ASSESSMENT_WHAT);
  // Sort keys carry ULIDs, so Query order is creation order.
  return { assessment: toStoredAssessment(head), actions: items.filter((item) => assessmentPartItem.isAction(item.sk)).map(toFindingAction) };
}

export function requireFindingAction(loaded: LoadedAssessment, actionId: string): FindingCorrectiveAction {
  const action = loaded.actions.find((candidate) => candidate.id === actionId);
  if (!action) throw new EntityNotFoundError(FINDING_ACTION_WHAT);
  return action;
}

/** The register newest first, or one catalog's assessments. */
export async function listAssessments<T>(table: TableRef, filter: { catalogId?: string }, page: PageRequest, list: ListBinding, map: (assessment: StoredAssessment) => T) {
  const query = filter.catalogId ? assessmentAccess.ofCatalog(filter.catalogId) : assessmentAccess.newestFirst();
  return queryPage(table, query, page, list, (item) => map(toStoredAssessment(item)));
}

/** Bounds the reads that scan a register: a tenant runs a handful of assessments a year. */
const REGISTER_MAX_ITEMS = 2_000;

export async function assessmentsOfCatalog(table: TableRef, catalogId: string): Promise<StoredAssessment[]> {
  return (await queryAll(table, assessmentAccess.ofCatalog(catalogId), { max: REGISTER_MAX_ITEMS })).items.map(toStoredAssessment);
}

export async function allAssessments(table: TableRef): Promise<StoredAssessment[]> {
  return (await queryAll(table, assessmentAccess.newestFirst(), { max: REGISTER_MAX_ITEMS })).items.map(toStoredAssessment);
}
