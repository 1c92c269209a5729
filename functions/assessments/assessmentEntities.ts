/**
 * The declared entity model of compliance assessments (self-checks, internal and third-party
 * audits run on one catalog) and the corrective actions of their findings, in a tenant table.
 *
 * Entities:
 *   ComplianceAssessment ............ PK=COMPLIANCE_ASSESSMENT#<id>  SK=ASSESSMENT   (answers inside)
 *   FindingCorrectiveAction ......... PK=COMPLIANCE_ASSESSMENT#<id>  SK=ACTION#<actionId>
 *
 * Access patterns:
 *   an assessment with its actions ....... PK=COMPLIANCE_ASSESSMENT#<id>  (one consistent Query)
 *   actions of an assessment ............. PK=COMPLIANCE_ASSESSMENT#<id>  SK begins_with ACTION#
 *   the register, newest first ........... byResource      gsi1pk=COMPLIANCE_ASSESSMENTS             gsi1sk=<createdAt>#<id>
 *   one catalog's assessments, newest first byOwnerOrActor gsi2pk=COMPLIANCE_ASSESSMENTS#<catalogId> gsi2sk=<createdAt>#<id>
 *     (feeds comparison, "audited this year" and the last sign-off that anchors the next one)
 *
 * Answers live in the assessment item: sign-off and reopen treat the answers as one record, and
 * a whole catalog (≤ 478 items) of ordinary answers stays far below 400 KB; the store refuses a
 * write that would not (assessmentStore.ts). Actions are separate items with their own versions,
 * like an incident's, so they can be moved after the assessment is signed off and locked.
 */
import type { EntityKey, KeyQuery } from '../store/entityModel';
import { tenantTableIndexes } from '../store/tableDesign';

const HEAD_SK = 'ASSESSMENT';
const ACTION_PREFIX = 'ACTION#';
const REGISTER = 'COMPLIANCE_ASSESSMENTS';

export const assessmentKeys = {
  assessment: (assessmentId: string): EntityKey => ({ pk: `COMPLIANCE_ASSESSMENT#${assessmentId}`, sk: HEAD_SK }),
  action: (assessmentId: string, actionId: string): EntityKey => ({ pk: `COMPLIANCE_ASSESSMENT#${assessmentId}`, sk: `${ACTION_PREFIX}${actionId}` }),
};

export const assessmentPartItem = {
  isAssessment: (sk: unknown) => sk === HEAD_SK,
  isAction: (sk: unknown) => String(sk).startsWith(ACTION_PREFIX),
};

/** The register and the catalog list, both in creation order. */
export function assessmentIndexKeys(assessment: { assessmentId: string; catalogId: string; createdAt: string }): Record<string, string> {
  const order = `${assessment.createdAt}#${assessment.assessmentId}`;
  return { gsi1pk: REGISTER, gsi1sk: order, gsi2pk: `${REGISTER}#${assessment.catalogId}`, gsi2sk: order };
}

export const assessmentAccess = {
  /** The assessment item with its actions, read consistently. */
  aggregate: (assessmentId: string): KeyQuery => ({ pk: assessmentKeys.assessment(assessmentId).pk, consistentRead: true }),
  actionsOf: (assessmentId: string): KeyQuery => ({ pk: assessmentKeys.assessment(assessmentId).pk, sk: { beginsWith: ACTION_PREFIX }, consistentRead: true }),
  newestFirst: (): KeyQuery => ({ index: tenantTableIndexes.byResource, pk: REGISTER, descending: true }),
  ofCatalog: (catalogId: string): KeyQuery => ({ index: tenantTableIndexes.byOwnerOrActor, pk: `${REGISTER}#${catalogId}`, descending: true }),
};
