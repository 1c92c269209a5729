import { compareIsoDate } from '../../../domain/shared/isoDate';
import type { TenantCommandContext } from '../../application/commandContext';
import { AlreadyExistsError, refuse } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { applyDeadlineSchedules, chaseDeadline, noDeadlineChanges } from '../../reviews/chaseDeadline';
import type { TransactItem } from '../../store/auditedCommit';
import { putEntityWrite } from '../../store/entityModel';
import { newId } from '../../store/ids';
import { certificateDutyId, certificateExpiryDeadline, deadlineContextOf, loadVendorDeadline, oversightCheckDutyWrites } from '../vendorDeadlines';
import { vendorKeys, type CheckRecord } from '../vendorEntities';
import { toCheckView, type CreateOversightCheckInput } from '../vendorModel';
import { checkItem, findResponse, requireVendor } from '../vendorStore';
import { vendorExistsCheck } from './vendorRules';

/**
 * Records an oversight check (Rules Art. 8 ¶3): completes the vendor's open oversight task and
 * re-anchors the yearly cycle on the check; a certificate's expiry becomes a deadline.
 */
export async function recordOversightCheck(context: TenantCommandContext, vendorId: string, input: CreateOversightCheckInput) {
  const tableName = context.table.tableName;
  const vendor = await requireVendor(context.table, vendorId);
  const guards: TransactItem[] = [];
  if (input.method.kind === 'selfAssessmentQuestionnaire') {
    // The check must rest on a submitted self-assessment of THIS vendor; the write re-checks it is unchanged.
    const response = await findResponse(context.table, vendorId, input.method.responseId);
    if (!response || response.status === 'draft') {
      refuse('invalid', 'QUESTIONNAIRE_RESPONSE_NOT_USABLE', { zhTW: '須為此受託者已送出之自我檢查表', en: 'Must be a submitted self-assessment of this vendor' }, { field: 'method.responseId' });
    }
    guards.push({
      ConditionCheck: {
        TableName: tableName,
        Key: vendorKeys.response(vendorId, response.id),
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': response.version },
      },
    });
  }
  const now = context.clock().toISOString();
  const id = newId('vck');
  const record: CheckRecord = {
    id,
    tenantId: context.tenantId,
    vendorId,
    method: input.method,
    date: input.date,
    reviewer: input.reviewer,
    result: input.result,
    findings: input.findings.map((finding) => ({ id: newId('vof'), ...finding })),
    evidenceRefs: input.evidenceRefs,
    recordedBy: context.actor.actorId,
    createdAt: now,
    version: 1,
  };
  const oversightWrites = await oversightCheckDutyWrites(context, record);
  let certificateDeadline = noDeadlineChanges();
  if (input.method.kind === 'thirdPartyReport') {
    const certificate = input.method.certificate;
    const existing = await loadVendorDeadline(context.table, certificateDutyId(vendorId, certificate.standard));
    // Only a later expiry moves the deadline: recording an older certificate must not pull it back.
    if (!existing || compareIsoDate(certificate.validUntil, existing.duty.anchorDate) > 0) {
      certificateDeadline = await chaseDeadline(deadlineContextOf(context), { kind: 'set', spec: certificateExpiryDeadline(vendor, certificate) });
    }
  }
  const view = toCheckView(record);
  try {
    await commitChange(context, {
      changes: [{ action: 'vendorOversightCheck.create', resourceType: 'vendorOversightCheck', resourceId: id, before: null, after: view }, ...certificateDeadline.changes],
      writes: [putEntityWrite(tableName, checkItem(record), null), vendorExistsCheck(tableName, vendorId), ...oversightWrites, ...guards, ...certificateDeadline.writes],
      response: { status: 201, body: view },
    }, 'create');
  } catch (error) {
    // A concurrent change moved the same duty or response between our read and the write.
    if (error instanceof AlreadyExistsError) {
      refuse('conflict', 'CONCURRENT_CHANGE', { zhTW: '相關紀錄同時被變更，請重試', en: 'A related record changed at the same time; please retry' });
    }
    throw error;
  }
  await applyDeadlineSchedules(context, certificateDeadline);
  return { view, version: record.version };
}
