/**
 * Records a data-subject request (當事人請求) received from staff or a website integration: the
 * deadlines are computed under the tenant's period settings, the requester's identifiers are
 * sealed and masked, lookup hashes are written, and each decision deadline is set to be chased
 * — all in one audited commit.
 */
import { createDataSubjectRequest as receiveDataSubjectRequest } from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import { normalizeTaiwanIdNumber } from '../../../domain/privacy/taiwanIdNumber';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { applyDeadlineSchedules } from '../../reviews/chaseDeadline';
import { newId } from '../../store/ids';
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

export async function createDataSubjectRequest(
  context: TenantCommandContext,
  input: CreateDataSubjectRequestInput,
): Promise<{ view: DataSubjectRequestView; version: number }> {
  const now = context.clock();
  // The tenant's settings, never the caller's: a website form must not choose how its deadline is counted.
  const settings = await loadSettings(context.table, context.profile.timeZone);
  const id = newId('dsr', now.getTime());
  const request = unwrap(receiveDataSubjectRequest(
    { receivedAt: input.receivedAt, channel: input.channel, requester: input.requester, items: input.items, periodSettings: settings.periodSettings },
    { id, tenantId: context.tenantId, actor: context.actor.actorId, now: now.toISOString() },
  ));
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
  await commitChange(context, {
    changes: [{ action: 'dataSubjectRequest.create', resourceType: 'dataSubjectRequest', resourceId: id, before: null, after: view }, ...deadlines.changes],
    writes: [requestWrite(context.table.tableName, stored, null), ...lookupWrites(context.table.tableName, cipher, request, clear), ...deadlines.writes],
    response: { status: 201, body: view },
  }, 'create');
  await applyDeadlineSchedules(context, deadlines);
  return { view, version: view.version };
}
