/**
 * How a public request-form call reaches a tenant without a credential: the form slug or a link
 * secret is looked up in the control plane, and from there the call gets a client for that
 * tenant's table only, under a pseudonymous actor. Unknown, disabled and suspended all answer the
 * same 404; a spent or expired link answers 410 so the person is told plainly.
 *
 * Submissions are also counted per client address and per e-mail address (rate-limiter-flexible,
 * in memory like http/authThrottle.ts; in AWS the WAF rate rule per address bounds the total), so
 * the form cannot be used to flood a person's inbox or the company's register.
 */
import { createHash } from 'node:crypto';
import { consumeOrRejection, RateLimiterMemory } from '../http/rateLimiterLibrary';
import { normalizeEmailForHashing } from '../../domain/privacy/masking';
import type { TenantCommandContext } from '../application/commandContext';
import { createFieldCipher, type FieldCipher } from '../crypto/fieldEncryption';
import type { ApiContext } from '../http/context';
import { ApiProblem } from '../http/problem';
import type { TenantRecord } from '../store/controlPlaneRecords';
import type { TableRef } from '../store/tableRef';
import { findActiveTenant, findFormTenant, findLink, findSubmission, hashLinkSecret, isLinkSecret, sameHash, type LinkPurpose, type SubmissionRecord } from './publicIntakeStore';
import { loadSettings } from './dataSubjectRequestStore';

export interface PublicTenant {
  tenant: TenantRecord;
  table: TableRef;
}

const unknownForm = () => new ApiProblem('notFound', { code: 'REQUEST_FORM_UNKNOWN', detail: { zhTW: '查無此請求表單', en: 'There is no such request form' } });
const unknownLink = () => new ApiProblem('notFound', { code: 'REQUEST_LINK_UNKNOWN', detail: { zhTW: '此連結無效', en: 'This link is not valid' } });

const linkGone = (code: string, zhTW: string, en: string) => new ApiProblem('gone', { code, detail: { zhTW, en } });

/** 410: the link existed and is spent or expired. Only its holder learns that, and nothing more. */
export function confirmationGone(state: 'confirmed' | 'expired'): ApiProblem {
  return state === 'confirmed'
    ? linkGone('REQUEST_CONFIRMATION_USED', '此確認連結已使用過；案件進度請見受理通知信中之連結', 'This confirmation link was already used; see the link in the receipt e-mail for the status')
    : linkGone('REQUEST_CONFIRMATION_EXPIRED', '此確認連結已失效，請重新填寫表單', 'This confirmation link expired; please fill in the form again');
}

export const statusLinkGone = () => linkGone('REQUEST_STATUS_LINK_EXPIRED', '此查詢連結已失效，請洽本公司', 'This status link has expired; please contact the company');

async function tenantTable(c: ApiContext, tenant: TenantRecord): Promise<TableRef> {
  return { doc: await c.get('deps').tenantDocumentClient(tenant.tenantId), tableName: tenant.tableName };
}

/** The tenant whose enabled form has this slug, or 404 (unknown, switched off, tenant not active). */
export async function resolveForm(c: ApiContext, slug: string): Promise<PublicTenant> {
  const deps = c.get('deps');
  const index = await findFormTenant(deps.controlPlane, slug);
  if (!index) throw unknownForm();
  const tenant = await findActiveTenant(deps.controlPlane, index.tenantId);
  if (!tenant) throw unknownForm();
  const table = await tenantTable(c, tenant);
  // The tenant's own settings decide, not the index row: a form switched off answers nothing.
  const { publicRequestForm } = await loadSettings(table, tenant.timeZone);
  if (!publicRequestForm.enabled || publicRequestForm.slug !== slug) throw unknownForm();
  return { tenant, table };
}

export interface ResolvedLink extends PublicTenant {
  hash: string;
  submission: SubmissionRecord;
}

/** The submission a link secret opens, or 404. Whether it is still usable is the caller's (domain) decision. */
export async function resolveLink(c: ApiContext, purpose: LinkPurpose, secret: string): Promise<ResolvedLink> {
  if (!isLinkSecret(purpose, secret)) throw unknownLink();
  const deps = c.get('deps');
  const hash = hashLinkSecret(secret);
  const index = await findLink(deps.controlPlane, hash);
  if (!index || index.purpose !== purpose) throw unknownLink();
  const tenant = await findActiveTenant(deps.controlPlane, index.tenantId);
  if (!tenant) throw unknownLink();
  const table = await tenantTable(c, tenant);
  const submission = await findSubmission(table, index.submissionId);
  // Defence in depth: the submission must name this very secret, not merely be pointed at by the index.
  const named = purpose === 'confirmation' ? submission?.confirmationHash : submission?.statusHash;
  if (!submission || !sameHash(named, hash)) throw unknownLink();
  return { tenant, table, hash, submission };
}

/**
 * The person acts in the tenant's audit chain under a pseudonym (a prefix of the secret's hash or
 * of the submission id); the tenant's field key seals and opens their contact data.
 */
export function publicCommandContext(c: ApiContext, target: PublicTenant, actorId: string): TenantCommandContext {
  const deps = c.get('deps');
  let cipher: Promise<FieldCipher> | undefined;
  return {
    table: target.table,
    tenantId: target.tenant.tenantId,
    profile: target.tenant,
    actor: { actorId, role: 'dataSubject' },
    requestId: c.get('requestId'),
    clock: deps.clock,
    // The idempotency record of a public call lives in the control plane (http/idempotency.ts), not in the tenant commit.
    idempotency: undefined,
    fieldCipher() {
      cipher ??= deps.dataKeys.unwrapTenantDataKey(target.tenant.tenantId, target.tenant.wrappedDataKey).then((key) => createFieldCipher(target.tenant.tenantId, key));
      return cipher;
    },
    scheduler: deps.deadlineScheduler,
    logger: deps.logger,
  };
}

// ---------------------------------------------------------------------------------------------
// Submission budgets

export interface SubmissionLimits {
  perAddress: number;
  perEmail: number;
  windowSeconds: number;
}

/** A household or an office shares an address; one person rarely needs more than a few tries an hour. */
export const DEFAULT_SUBMISSION_LIMITS: SubmissionLimits = { perAddress: 10, perEmail: 3, windowSeconds: 3600 };

interface SubmissionThrottle {
  consume(address: string, email: string): Promise<void>;
}

const throttles = new WeakMap<object, SubmissionThrottle>();

function createSubmissionThrottle(limits: SubmissionLimits): SubmissionThrottle {
  const byAddress = new RateLimiterMemory({ keyPrefix: 'dsr-form-address', points: limits.perAddress, duration: limits.windowSeconds });
  const byEmail = new RateLimiterMemory({ keyPrefix: 'dsr-form-email', points: limits.perEmail, duration: limits.windowSeconds });
  return {
    async consume(address, email) {
      // The e-mail is counted by a hash: the limiter holds no one's address in clear.
      const emailKey = createHash('sha256').update(normalizeEmailForHashing(email) ?? email.toLowerCase()).digest('hex');
      const rejected = (await consumeOrRejection(byAddress, address)) ?? (await consumeOrRejection(byEmail, emailKey));
      if (rejected) {
        throw new ApiProblem('tooManyRequests', {
          code: 'tooManyRequestSubmissions',
          retryAfterSeconds: Math.max(1, Math.ceil(rejected.msBeforeNext / 1000)),
          detail: { zhTW: '送出次數過多，請稍後再試', en: 'Too many submissions; please try again later' },
        });
      }
    },
  };
}

/** One budget per app (per deps object), so separate test apps do not share counters. */
export function submissionThrottleOf(deps: object, limits: SubmissionLimits = DEFAULT_SUBMISSION_LIMITS): SubmissionThrottle {
  let throttle = throttles.get(deps);
  if (!throttle) {
    throttle = createSubmissionThrottle(limits);
    throttles.set(deps, throttle);
  }
  return throttle;
}
