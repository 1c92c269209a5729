/**
 * The public request form (當事人權利行使線上表單): a person with no account picks one right
 * (PDPA Art. 3, or the Art. 20 ¶2 marketing objection), gives contact details and confirms by a
 * one-time link sent to that e-mail address. Only the confirmation creates the request, so the
 * receipt time is the confirmation time; the confirmation shows the address is the requester's,
 * which is the START of the identity check — never identity verified (Enforcement Rules Art. 19
 * leaves how identity is checked to the company).
 *
 * Pure rules: the form's settings, the submission, the one-time confirmation and what a status
 * link may show. No I/O.
 */
import { z } from 'zod';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { LocalizedText } from '../shared/localizedText';
import { currentDeadline, type DataSubjectRequest, type RequestStatus } from './dataSubjectRequest';
import { requestTypes, type RequestType } from './requestTypes';

/** A slug is part of a public URL: lower-case letters, digits and single hyphens, 3–40 characters. */
export const FORM_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$/;

/** Path segments the other public pages use under /p (functions/console/public/). */
export const RESERVED_FORM_SLUGS: readonly string[] = ['questionnaires', 'request-confirmations', 'request-status', 'assets'];

export const publicRequestFormSettingsSchema = z
  .object({
    enabled: z.boolean().describe('Whether the public request form answers at all'),
    slug: z
      .string()
      .regex(FORM_SLUG_PATTERN, { message: 'Lower-case letters, digits and hyphens, 3–40 characters' })
      .refine((slug) => !RESERVED_FORM_SLUGS.includes(slug), { message: 'This slug names another public page' })
      .nullable()
      .describe('The form\'s address: /p/<slug>/request; unique across the platform'),
  })
  .strict()
  .refine((form) => !form.enabled || form.slug !== null, { message: 'An enabled form needs a slug', path: ['slug'] })
  .describe('The public data-subject request form');
export type PublicRequestFormSettings = z.output<typeof publicRequestFormSettingsSchema>;

export const PUBLIC_REQUEST_FORM_OFF: PublicRequestFormSettings = { enabled: false, slug: null };

/** What a person gives on the form. One right per submission keeps the statutory date unambiguous. */
export const publicSubmissionSchema = z
  .object({
    right: z.enum(requestTypes).describe('The right exercised'),
    name: z.string().trim().min(1).max(200).describe('Name of the person asking'),
    email: z.email().max(320).describe('Where the one-time confirmation link is sent; the only contact the form takes'),
    details: z.string().trim().min(1).max(4000).optional().describe('What the request is about, e.g. the data to correct'),
    preferredLocale: z.enum(['zh-TW', 'en']).default('zh-TW').describe('Language of the e-mails and notices'),
  })
  .strict();
export type PublicSubmission = z.output<typeof publicSubmissionSchema>;

/** The confirmation link works for 24 hours: long enough to find the mail, short enough to be a fresh proof. */
export const CONFIRMATION_VALID_HOURS = 24;
/** The status link outlives any decision period with extensions (30 + 30 days) with room to spare. */
export const STATUS_LINK_VALID_DAYS = 400;

export type ConfirmationState = 'valid' | 'expired' | 'confirmed';

export interface PendingConfirmation {
  expiresAt: string;
  confirmedAt?: string;
}

export function confirmationState(pending: PendingConfirmation, now: string): ConfirmationState {
  if (pending.confirmedAt !== undefined) return 'confirmed';
  return Date.parse(now) >= Date.parse(pending.expiresAt) ? 'expired' : 'valid';
}

export function confirmationExpiry(submittedAt: string): string {
  return new Date(Date.parse(submittedAt) + CONFIRMATION_VALID_HOURS * 3_600_000).toISOString();
}

export function statusLinkExpiry(confirmedAt: string): string {
  return new Date(Date.parse(confirmedAt) + STATUS_LINK_VALID_DAYS * 86_400_000).toISOString();
}

/** The one-time link may be used once, before it expires; the answer says which, so the page can too. */
export function confirm(pending: PendingConfirmation, now: string): Outcome<PendingConfirmation & { confirmedAt: string }, 'CONFIRMATION_USED' | 'CONFIRMATION_EXPIRED'> {
  const state = confirmationState(pending, now);
  if (state === 'confirmed') return fail('conflict', 'CONFIRMATION_USED', { zhTW: '此確認連結已使用過', en: 'This confirmation link was already used' });
  if (state === 'expired') return fail('conflict', 'CONFIRMATION_EXPIRED', { zhTW: `此確認連結已逾 ${CONFIRMATION_VALID_HOURS} 小時而失效，請重新填寫表單`, en: `This confirmation link expired after ${CONFIRMATION_VALID_HOURS} hours; please fill in the form again` });
  return ok({ ...pending, confirmedAt: now });
}

/** The request the confirmation creates: received through the web form, the right and its details as given. */
export function requestInputOf(submission: PublicSubmission) {
  return {
    channel: 'webForm' as const,
    requester: { name: submission.name, email: submission.email, preferredLocale: submission.preferredLocale, actingAs: 'dataSubject' as const },
    items: [{ type: submission.right, ...(submission.details ? { details: submission.details } : {}) }],
  };
}

/** The event that records the confirmation: the identity check has started; nothing is verified yet. */
export const IDENTITY_CHECK_STARTED_BY = 'publicRequestForm:emailConfirmation';

// ---------------------------------------------------------------------------------------------
// What the requester may see of their own case

/** Public stages: fewer than the internal statuses, in words a requester understands. */
export type PublicStage = 'received' | 'identityCheck' | 'inProgress' | 'decided' | 'completed' | 'withdrawn';

const stageOfStatus: Record<RequestStatus, PublicStage> = {
  received: 'received',
  identityVerification: 'identityCheck',
  inProgress: 'inProgress',
  decided: 'decided',
  fulfilled: 'completed',
  closed: 'completed',
  withdrawn: 'withdrawn',
};

export const publicStageNames: Record<PublicStage, LocalizedText> = {
  received: { zhTW: '已受理', en: 'Received' },
  identityCheck: { zhTW: '身分確認中', en: 'Checking your identity' },
  inProgress: { zhTW: '處理中', en: 'Being handled' },
  decided: { zhTW: '已作成決定', en: 'Decided' },
  completed: { zhTW: '已完成', en: 'Completed' },
  withdrawn: { zhTW: '已撤回', en: 'Withdrawn' },
};

export interface PublicCaseStatus {
  caseNumber: string;
  stage: PublicStage;
  stageName: LocalizedText;
  receivedAt: string;
  items: { right: RequestType; decisionDueDate: string; decisionDueAt: string; immediate: boolean; extended: boolean; decided: boolean }[];
}

/**
 * The status a requester's link shows: the stage and the dates the company must keep — never
 * who handles it, the grounds, the history or anything about other requests.
 */
export function publicCaseStatus(request: Pick<DataSubjectRequest, 'caseNumber' | 'status' | 'receivedAt' | 'items'>): PublicCaseStatus {
  const stage = stageOfStatus[request.status];
  return {
    caseNumber: request.caseNumber ?? '',
    stage,
    stageName: publicStageNames[stage],
    receivedAt: request.receivedAt,
    items: request.items.map((item) => {
      const deadline = currentDeadline(item);
      return { right: item.type, decisionDueDate: deadline.lastDay, decisionDueAt: deadline.dueAt, immediate: deadline.kind === 'immediate', extended: item.extensions.length > 0, decided: item.decision !== undefined };
    }),
  };
}
