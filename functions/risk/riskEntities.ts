/**
 * The declared entity model of the risk register, the tenant's risk-library entries and the
 * assessments in a tenant table. Access patterns:
 *   a risk ........................ PK=RISKS            SK=RISK#<riskId>
 *   every risk (list, snapshot) ... Query PK=RISKS (filters: status, owner, fileId)
 *   overdue risks ................. GSI dueByDate duePk=DUE#risk dueSk=<targetDate>#<riskId> < today
 *                                   (only while open or treating with a target date)
 *   tenant library entries ........ PK=RISK_LIBRARY     SK=ENTRY#<entryId>
 *   assessments (newest first) .... PK=RISK_ASSESSMENTS SK=ASSESSMENT#<assessmentId> (ids sort by time)
 */
import type { Risk } from '../../domain/risk/riskRegister';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { KeyQuery } from '../store/entityModel';
import { tenantTableIndexes } from '../store/tableDesign';

const RISK_PARTITION = 'RISKS';
const LIBRARY_PARTITION = 'RISK_LIBRARY';
const ASSESSMENT_PARTITION = 'RISK_ASSESSMENTS';
const RISK_DUE_PARTITION = 'DUE#risk';

export const riskKeys = {
  risk: (riskId: string) => ({ pk: RISK_PARTITION, sk: `RISK#${riskId}` }),
  libraryEntry: (entryId: string) => ({ pk: LIBRARY_PARTITION, sk: `ENTRY#${entryId}` }),
  assessment: (assessmentId: string) => ({ pk: ASSESSMENT_PARTITION, sk: `ASSESSMENT#${assessmentId}` }),
};

export const riskIndexKeys = {
  /** Only risks still to be treated wait on their target date; closing or accepting takes them off the due index. */
  due: (risk: Risk): { duePk: string; dueSk: string } | Record<string, never> =>
    (risk.status === 'open' || risk.status === 'treating') && risk.targetDate ? { duePk: RISK_DUE_PARTITION, dueSk: `${risk.targetDate}#${risk.id}` } : {},
};

export interface RiskListFilters {
  status?: string;
  owner?: string;
  fileId?: string;
}

function riskFilter(filters: RiskListFilters): Pick<KeyQuery, 'filter'> {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filters.status) {
    conditions.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = filters.status;
  }
  if (filters.owner) {
    conditions.push('#owner = :owner');
    names['#owner'] = 'owner';
    values[':owner'] = filters.owner;
  }
  if (filters.fileId) {
    conditions.push('contains(#fileIds, :fileId)');
    names['#fileIds'] = 'fileIds';
    values[':fileId'] = filters.fileId;
  }
  return conditions.length > 0 ? { filter: { expression: conditions.join(' AND '), names, values } } : {};
}

export const riskAccessPatterns = {
  /** Every risk, strongly consistent (assessment snapshots). */
  allRisks: (): KeyQuery => ({ pk: RISK_PARTITION, consistentRead: true }),
  /** The register in id order, narrowed by the filters. */
  risks: (filters: RiskListFilters): KeyQuery => ({ pk: RISK_PARTITION, ...riskFilter(filters) }),
  /** Open or treating risks whose target date is before `today`, by target date. */
  overdueRisks: (filters: RiskListFilters, today: IsoDate): KeyQuery => ({
    index: tenantTableIndexes.dueByDate,
    pk: RISK_DUE_PARTITION,
    sk: { lessThan: today },
    ...riskFilter(filters),
  }),
  libraryEntries: (): KeyQuery => ({ pk: LIBRARY_PARTITION, consistentRead: true }),
  /** Newest first (ids are time-ordered). */
  assessments: (options: { consistentRead?: boolean } = {}): KeyQuery => ({ pk: ASSESSMENT_PARTITION, descending: true, ...(options.consistentRead ? { consistentRead: true } : {}) }),
};
