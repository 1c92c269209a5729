/**
 * The vendor's self-assessment link: a bearer secret that opens ONE questionnaire response of
 * ONE tenant, with no account and no tenant id in the request.
 *
 * - The secret is 256 random bits; only its SHA-256 is stored (questionnaireTokens.ts).
 * - The control-plane row `QTOKEN#<sha256>` maps the hash to tenant + response; nothing else of the
 *   tenant is reachable from it. Every read and write after that goes through the tenant's own
 *   scoped client and touches only that one response item.
 * - Whether the link still works (expired, submitted, revoked) is decided from the token state on
 *   the response item in the tenant's table — the same item the submission locks, in the same
 *   transaction — so a submitted link cannot be replayed even if the index row lingers.
 * - Unknown, malformed, foreign-tenant and mismatched tokens all answer the same 404.
 */
import { timingSafeEqual } from 'node:crypto';
import { questionnaireTokenStatus, type QuestionnaireTokenStatus } from '../../domain/vendor/questionnaire';
import type { TenantCommandContext } from '../application/commandContext';
import type { ApiContext } from '../http/context';
import { ApiProblem } from '../http/problem';
import type { TenantRecord } from '../store/controlPlaneRecords';
import { getEntity } from '../store/entityModel';
import { tenantKeys } from '../store/tableDesign';
import type { TableRef } from '../store/tableRef';
import type { OpenedLink } from './commands/saveQuestionnaireAnswers';
import { hashToken, TOKEN_PATTERN } from './questionnaireTokens';
import { vendorKeys, type ResponseRecord, type TokenIndexRecord } from './vendorEntities';
import { TOKEN_ID_PREFIX_LENGTH } from './vendorModel';
import { findResponse } from './vendorStore';

export interface ResolvedLink {
  tenantId: string;
  table: TableRef;
  tenant: TenantRecord;
  tokenHash: string;
  record: ResponseRecord;
  status: QuestionnaireTokenStatus;
}

const unknownLink = () =>
  new ApiProblem('notFound', { code: 'QUESTIONNAIRE_LINK_UNKNOWN', detail: { zhTW: '此檢查表連結無效', en: 'This questionnaire link is not valid' } });

const goneReasons: Record<Exclude<QuestionnaireTokenStatus, 'valid'>, { zhTW: string; en: string }> = {
  expired: { zhTW: '此檢查表連結已過期，請洽委託機關重新寄送', en: 'This questionnaire link has expired; ask the organisation for a new one' },
  submitted: { zhTW: '此檢查表已送出，連結已失效', en: 'This questionnaire was submitted; the link no longer works' },
  revoked: { zhTW: '此檢查表連結已被撤銷', en: 'This questionnaire link was revoked' },
};

/** 410 Gone: the link existed and is spent. Only its holder learns that, and nothing more. */
export function goneLink(status: Exclude<QuestionnaireTokenStatus, 'valid'>): ApiProblem {
  return new ApiProblem('gone', { code: `QUESTIONNAIRE_LINK_${status.toUpperCase()}`, detail: goneReasons[status] });
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * Finds the one response a token opens, or throws 404 (unknown) / 410 (expired, submitted,
 * revoked). The caller gets a client for that tenant's table and the one response item — never a
 * tenant id it could act on otherwise.
 */
export async function resolveLink(c: ApiContext, rawToken: string): Promise<ResolvedLink> {
  if (!TOKEN_PATTERN.test(rawToken)) throw unknownLink();
  const deps = c.get('deps');
  const tokenHash = hashToken(rawToken);
  const index = await getEntity<TokenIndexRecord>(deps.controlPlane, vendorKeys.tokenIndex(tokenHash));
  if (!index) throw unknownLink();
  const { tenantId, vendorId, responseId } = index;
  const now = deps.clock().toISOString();
  const tenant = await getEntity<TenantRecord>(deps.controlPlane, tenantKeys.tenant(tenantId));
  // A suspended or offboarded tenant's links stop working; the vendor learns no more than "invalid".
  if (!tenant || tenant.status !== 'active') throw unknownLink();
  const table: TableRef = { doc: await deps.tenantDocumentClient(tenantId), tableName: tenant.tableName };
  const record = await findResponse(table, vendorId, responseId);
  if (!record) throw unknownLink();
  // Defence in depth: the response must name this very token, not merely be pointed at by the index.
  if (!sameHash(record.token.tokenId, tokenHash)) throw unknownLink();
  const status = questionnaireTokenStatus(record.token, now);
  if (status !== 'valid') throw goneLink(status);
  return { tenantId, table, tenant, tokenHash, record, status };
}

/** The response a resolved link opens, as the public commands take it. */
export function openedLink(link: ResolvedLink): OpenedLink {
  return { vendorId: link.record.vendorId, responseId: link.record.id, requestedBy: link.tenant.companyName };
}

/**
 * The vendor acts in the tenant's audit chain under a pseudonymous actor: a prefix of the token's
 * hash. Public requests keep their Idempotency-Key record where the middleware looks for it (the
 * control plane, since no credential names a tenant); the tenant commit does not store it.
 */
export function linkCommandContext(c: ApiContext, link: ResolvedLink): TenantCommandContext {
  const deps = c.get('deps');
  return {
    table: link.table,
    tenantId: link.tenantId,
    profile: link.tenant,
    actor: { actorId: `vendorToken:${link.tokenHash.slice(0, TOKEN_ID_PREFIX_LENGTH)}`, role: 'vendor' },
    requestId: c.get('requestId'),
    clock: deps.clock,
    idempotency: undefined,
    // A vendor's answers hold no encrypted fields; nothing on this path may ask for the tenant's key.
    fieldCipher: () => Promise.reject(new Error('no field cipher on a questionnaire link')),
    scheduler: deps.deadlineScheduler,
    logger: deps.logger,
  };
}
