/**
 * Shows an owner or officer the requester's identifiers (and the items' sealed free text) in
 * clear. The reveal is an audited event, committed before anything is decrypted for the
 * response: if the audit write fails, nothing is shown. Who may reveal is checked by the route
 * (an access rule, answered 403).
 */
import type { TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import { openItemDetails, unsealRequester, type RevealedRequester, type StoredDataSubjectRequest } from '../dataSubjectRequestStore';

/** Not identifiers: the language of notices and whether an agent acts. */
const NOT_IDENTIFIERS = ['preferredLocale', 'actingAs'];

/** `purpose` says why (e.g. `view`, `notice:decision`) and goes on the audit trail. */
export async function revealRequester(context: TenantCommandContext, stored: StoredDataSubjectRequest, purpose: string): Promise<RevealedRequester> {
  const cipher = await context.fieldCipher();
  const requestId = stored.request.id;
  const requester = unsealRequester(cipher, requestId, stored.requesterSealed);
  const revealedFields = Object.keys(requester).filter((field) => !NOT_IDENTIFIERS.includes(field));
  await commitChange(context, {
    changes: [{ action: 'dataSubjectRequest.reveal', resourceType: 'dataSubjectRequest', resourceId: requestId, before: null, after: { revealedFields, purpose } }],
    writes: [],
  });
  return { requester, openDetails: (type, sealed) => openItemDetails(cipher, requestId, type, sealed) };
}

/**
 * The requester's own name for a letter to them (the letter is for the requester, so it is not
 * masked). Only the name is unsealed, and the reading is audited like any reveal.
 */
export async function requesterNameForLetter(context: TenantCommandContext, stored: StoredDataSubjectRequest, letterKind: string): Promise<string> {
  const cipher = await context.fieldCipher();
  const requestId = stored.request.id;
  const { name } = unsealRequester(cipher, requestId, { preferredLocale: stored.requesterSealed.preferredLocale, actingAs: stored.requesterSealed.actingAs, ...(stored.requesterSealed.name ? { name: stored.requesterSealed.name } : {}) });
  await commitChange(context, {
    changes: [{ action: 'dataSubjectRequest.reveal', resourceType: 'dataSubjectRequest', resourceId: requestId, before: null, after: { revealedFields: ['name'], purpose: `letter:${letterKind}` } }],
    writes: [],
  });
  return name;
}
