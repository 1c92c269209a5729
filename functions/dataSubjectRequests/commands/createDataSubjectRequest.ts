/**
 * Records a data-subject request (當事人請求) received from staff or a website integration: the
 * deadlines are computed under the tenant's period settings, the requester's identifiers are
 * sealed and masked, lookup hashes are written, the next case number of the receipt day is
 * taken, and each duty is set to be chased — all in one audited commit.
 *
 * The case number is unique per tenant: the day's counter is written with a condition on the
 * version read, in the same transaction, so two requests received at once cannot take the same
 * number; the one that loses the race reads the counter again and retries.
 */
import { formatCaseNumber } from '../../../domain/dataSubjectRequest/caseNumber';
import { applyDataSubjectRequestEvent, createDataSubjectRequest as receiveDataSubjectRequest, type DataSubjectRequestEventInput } from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import { zonedDateOf } from '../../../domain/shared/isoDate';
import { normalizeTaiwanIdNumber } from '../../../domain/privacy/taiwanIdNumber';
import { mutationScopeOf, type TenantCommandContext } from '../../application/commandContext';
import { AlreadyExistsError, unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ChainContentionError, type AuditedChange, type TransactItem } from '../../store/auditedCommit';
import { applyDeadlineSchedules } from '../../reviews/chaseDeadline';
import { getEntity, putEntityWrite } from '../../store/entityModel';
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

/** Attempts at taking a case number when other requests of the same day commit first. */
const CASE_NUMBER_ATTEMPTS = 12;
/** Full jitter between attempts (AWS backoff guidance): concurrent creates on one day spread out instead of colliding again. */
const caseNumberBackoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 10 * 2 ** attempt)));

type CaseNumberCounter = { pk: string; sk: string; entity: string; lastSequence: number; version: number };

/** The next case number of a receipt day, and the conditional counter write that claims it. */
async function nextCaseNumber(table: TableRef, receiptDate: string) {
  const key = dataSubjectRequestKeys.caseNumberCounter(receiptDate);
  const current = await getEntity<CaseNumberCounter>(table, key);
  const sequence = (current?.lastSequence ?? 0) + 1;
  const counter: CaseNumberCounter = { ...key, entity: 'DataSubjectRequestCaseNumberCounter', lastSequence: sequence, version: (current?.version ?? 0) + 1 };
  return { caseNumber: formatCaseNumber(receiptDate, sequence), write: putEntityWrite(table.tableName, counter, current ? current.version : null) };
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
  /** Before another attempt after a lost race: throws when a related record settled it (e.g. a link already used). */
  beforeRetry?: () => Promise<void>;
}

export async function createDataSubjectRequest(
  context: TenantCommandContext,
  input: CreateDataSubjectRequestInput,
  additions: IntakeAdditions = {},
): Promise<{ view: DataSubjectRequestView; version: number }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await createOnce(context, input, additions);
    } catch (error) {
      // Another request of the same day took the number first (a fresh id cannot collide).
      if (!(error instanceof AlreadyExistsError)) throw error;
      // A lost race on the day's counter is contention, not a conflict the caller made: 503 + Retry-After.
      if (attempt >= CASE_NUMBER_ATTEMPTS) throw new ChainContentionError(attempt);
      await additions.beforeRetry?.();
      await caseNumberBackoff(attempt);
    }
  }
}

async function createOnce(context: TenantCommandContext, input: CreateDataSubjectRequestInput, additions: IntakeAdditions): Promise<{ view: DataSubjectRequestView; version: number }> {
  const now = context.clock();
  // The tenant's settings, never the caller's: a website form must not choose how its deadline is counted.
  const settings = await loadSettings(context.table, context.profile.timeZone);
  const id = newId('dsr', now.getTime());
  const receiptDate = zonedDateOf(input.receivedAt ?? now, settings.periodSettings.timeZone);
  const { caseNumber, write: counterWrite } = await nextCaseNumber(context.table, receiptDate);
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
    writes: [requestWrite(context.table.tableName, stored, null), counterWrite, ...lookupWrites(context.table.tableName, cipher, request, clear), ...deadlines.writes, ...related.writes],
    response: { status: 201, body: view },
  }, 'create');
  await applyDeadlineSchedules(context, deadlines);
  return { view, version: view.version };
}
