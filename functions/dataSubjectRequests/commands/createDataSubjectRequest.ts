/**
 * Records a data-subject request (當事人請求) received from staff or a website integration: the
 * deadlines are computed under the tenant's period settings, the requester's identifiers are
 * sealed and masked, lookup hashes are written, the next case number of the receipt day is
 * taken, and each duty is set to be chased — all in one audited commit.
 *
 * The case number is unique per tenant: it is claimed from the day's counter with one atomic ADD
 * before the commit, so requests received at once never collide on a hot conditional item (the
 * write-throughput bench at 16 and 32 writers). A number whose request then fails to commit is
 * skipped: numbers are unique and increasing, not gap-free.
 */
import { formatCaseNumber } from '../../../domain/dataSubjectRequest/caseNumber';
import { applyDataSubjectRequestEvent, createDataSubjectRequest as receiveDataSubjectRequest, type DataSubjectRequestEventInput } from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import { zonedDateOf } from '../../../domain/shared/isoDate';
import { normalizeTaiwanIdNumber } from '../../../domain/privacy/taiwanIdNumber';
import { mutationScopeOf, type TenantCommandContext } from '../../application/commandContext';
import { AlreadyExistsError, unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditedChange, TransactItem } from '../../store/auditedCommit';
import { applyDeadlineSchedules } from '../../reviews/chaseDeadline';
import { claimNextSequence } from '../../store/entityModel';
import { newId } from '../../store/ids';
import type { TableRef } from '../../store/tableRef';
import { dataSubjectRequestKeys } from '../dataSubjectRequestEntities';
import { decisionDeadlineOwner, planDecisionDeadlines } from '../dataSubjectRequestDeadlines';
import { maskRequester, type CreateDataSubjectRequestInput, type DataSubjectRequestView, type RequesterClear } from '../dataSubjectRequestModel';
import {
  loadSettings,
  lookupWrites,
  requestWrite,
  sealItemDetails,
  sealRequester,
  storedRequestView,
  type StoredDataSubjectRequest,
} from '../dataSubjectRequestStore';

/** The next case number of a receipt day (an atomic counter: concurrent intakes never collide on it). */
async function nextCaseNumber(table: TableRef, receiptDate: string): Promise<string> {
  const sequence = await claimNextSequence(table, dataSubjectRequestKeys.caseNumberCounter(receiptDate), 'DataSubjectRequestCaseNumberCounter');
  return formatCaseNumber(receiptDate, sequence);
}

/**
 * What an intake channel adds to the same commit (the public request form: the confirmation link
 * is spent and the identity check starts atomically with the receipt).
 */
export interface IntakeAdditions {
  /** Events applied right after receipt, at the receipt time. */
  events?: DataSubjectRequestEventInput[];
  /** Given the new request, further writes and audit changes for the same transaction. */
  related?: (request: { id: string; caseNumber: string; receivedAt: string }) => { writes: TransactItem[]; changes: AuditedChange[] };
  /** The client that commits, when a related write is in the control plane. */
  commitDoc?: DynamoDBDocumentClient;
  /** When a related write's condition failed: throws the failure that explains it (e.g. a link already used). */
  explainConflict?: () => Promise<void>;
}

export async function createDataSubjectRequest(
  context: TenantCommandContext,
  input: CreateDataSubjectRequestInput,
  additions: IntakeAdditions = {},
): Promise<{ view: DataSubjectRequestView; version: number }> {
  try {
    return await createOnce(context, input, additions);
  } catch (error) {
    // A fresh id and a claimed case number cannot collide: a failed condition is a related record's.
    if (error instanceof AlreadyExistsError) await additions.explainConflict?.();
    throw error;
  }
}

async function createOnce(context: TenantCommandContext, input: CreateDataSubjectRequestInput, additions: IntakeAdditions): Promise<{ view: DataSubjectRequestView; version: number }> {
  const now = context.clock();
  // The tenant's settings, never the caller's: a website form must not choose how its deadline is counted.
  const settings = await loadSettings(context.table, context.profile.timeZone);
  const id = newId('dsr', now.getTime());
  const receiptDate = zonedDateOf(input.receivedAt ?? now, settings.periodSettings.timeZone);
  const caseNumber = await nextCaseNumber(context.table, receiptDate);
  const received = unwrap(receiveDataSubjectRequest(
    { receivedAt: input.receivedAt, channel: input.channel, requester: input.requester, items: input.items, periodSettings: settings.periodSettings },
    { id, caseNumber, tenantId: context.tenantId, actor: context.actor.actorId, now: now.toISOString(), marketingStopTargets: settings.marketingStopTargets },
  ));
  const request = (additions.events ?? []).reduce((current, event) => unwrap(applyDataSubjectRequestEvent(current, event, now.toISOString(), { writtenNoticeChannels: settings.writtenNoticeChannels })), received);
  const clear: RequesterClear = {
    ...request.requester,
    ...(input.identifiers?.nationalId ? { nationalId: normalizeTaiwanIdNumber(input.identifiers.nationalId) } : {}),
    ...(input.identifiers?.otherIdentifiers.length ? { otherIdentifiers: input.identifiers.otherIdentifiers } : {}),
  };
  const cipher = await context.fieldCipher();
  const sealedRequest = sealItemDetails(cipher, request);
  const stored: StoredDataSubjectRequest = {
    request: sealedRequest,
    requesterSealed: sealRequester(cipher, id, clear),
    requesterMasked: maskRequester(clear),
    assignee: input.assignee ?? null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const deadlines = await planDecisionDeadlines(
    { table: context.table, tenantId: context.tenantId, actorId: context.actor.actorId, now },
    null,
    sealedRequest,
    decisionDeadlineOwner(stored),
  );
  const view = storedRequestView(stored, now);
  const related = additions.related?.({ id, caseNumber, receivedAt: request.receivedAt }) ?? { writes: [], changes: [] };
  await commitChange(additions.commitDoc ? { ...mutationScopeOf(context), doc: additions.commitDoc } : context, {
    changes: [{ action: 'dataSubjectRequest.create', resourceType: 'dataSubjectRequest', resourceId: id, before: null, after: view }, ...deadlines.changes, ...related.changes],
    writes: [requestWrite(context.table.tableName, stored, null), ...lookupWrites(context.table.tableName, cipher, request, clear), ...deadlines.writes, ...related.writes],
    response: { status: 201, body: view },
  }, 'create');
  await applyDeadlineSchedules(context, deadlines);
  return { view, version: view.version };
}
