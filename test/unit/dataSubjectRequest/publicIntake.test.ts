import { describe, expect, it } from 'vitest';
import {
  CONFIRMATION_VALID_HOURS,
  FORM_SLUG_PATTERN,
  IDENTITY_CHECK_STARTED_BY,
  PUBLIC_REQUEST_FORM_OFF,
  RESERVED_FORM_SLUGS,
  STATUS_LINK_VALID_DAYS,
  confirm,
  confirmationExpiry,
  confirmationState,
  publicCaseStatus,
  publicRequestFormSettingsSchema,
  publicStageNames,
  publicSubmissionSchema,
  requestInputOf,
  statusLinkExpiry,
} from '../../../domain/dataSubjectRequest/publicIntake';
import { requestStatuses, type RequestStatus } from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import { apply, created, inProgress, taipei } from './fixtures';

describe('public form settings', () => {
  it('accepts slugs of 3 to 40 lower-case letters, digits and single inner hyphens', () => {
    for (const slug of ['abc', 'a-b', 'shop-2025', 'a1b2', 'x'.repeat(40)]) expect(FORM_SLUG_PATTERN.test(slug), slug).toBe(true);
    for (const slug of ['ab', 'x'.repeat(41), '-abc', 'abc-', 'a--b', 'Abc', 'ab_c', 'ab c', 'abc\n', 'ab.c']) expect(FORM_SLUG_PATTERN.test(slug), slug).toBe(false);
  });

  it('refuses a slug that names another public page, and an enabled form without a slug', () => {
    expect(RESERVED_FORM_SLUGS).toEqual(['questionnaires', 'request-confirmations', 'request-status', 'assets']);
    for (const slug of RESERVED_FORM_SLUGS) {
      const result = publicRequestFormSettingsSchema.safeParse({ enabled: true, slug });
      expect(result.success, slug).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('This slug names another public page');
    }
    const missing = publicRequestFormSettingsSchema.safeParse({ enabled: true, slug: null });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues).toEqual([expect.objectContaining({ message: 'An enabled form needs a slug', path: ['slug'] })]);
    const badSlug = publicRequestFormSettingsSchema.safeParse({ enabled: false, slug: 'A' });
    expect(badSlug.error?.issues[0]?.message).toBe('Lower-case letters, digits and hyphens, 3–40 characters');
    expect(publicRequestFormSettingsSchema.parse({ enabled: false, slug: null })).toEqual(PUBLIC_REQUEST_FORM_OFF);
    expect(publicRequestFormSettingsSchema.parse({ enabled: true, slug: 'my-shop' })).toEqual({ enabled: true, slug: 'my-shop' });
    expect(publicRequestFormSettingsSchema.safeParse({ enabled: true, slug: 'my-shop', extra: 1 }).success).toBe(false);
  });

  it('off means disabled with no slug', () => {
    expect(PUBLIC_REQUEST_FORM_OFF).toEqual({ enabled: false, slug: null });
  });
});

describe('public submission', () => {
  it('trims texts, defaults the locale to zh-TW and takes one right', () => {
    const parsed = publicSubmissionSchema.parse({ right: 'deletion', name: '  王小明 ', email: 'a@example.com', details: ' 會員資料 ' });
    expect(parsed).toEqual({ right: 'deletion', name: '王小明', email: 'a@example.com', details: '會員資料', preferredLocale: 'zh-TW' });
    for (const bad of [
      { right: 'deletion', name: '   ', email: 'a@example.com' },
      { right: 'deletion', name: 'x'.repeat(201), email: 'a@example.com' },
      { right: 'deletion', name: 'a', email: 'not-mail' },
      { right: 'deletion', name: 'a', email: 'a@example.com', details: ' ' },
      { right: 'deletion', name: 'a', email: 'a@example.com', details: 'x'.repeat(4001) },
      { right: 'everything', name: 'a', email: 'a@example.com' },
      { right: 'deletion', name: 'a', email: 'a@example.com', phone: '1' },
    ]) expect(publicSubmissionSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
    expect(publicSubmissionSchema.parse({ right: 'inquiry', name: 'x'.repeat(200), email: 'a@example.com', details: 'x'.repeat(4000), preferredLocale: 'en' }).preferredLocale).toBe('en');
  });

  it('becomes a web-form request of that one right, from the data subject, with the details only when given', () => {
    expect(requestInputOf(publicSubmissionSchema.parse({ right: 'correction', name: '王小明', email: 'a@example.com', details: '地址錯誤' }))).toEqual({
      channel: 'webForm',
      requester: { name: '王小明', email: 'a@example.com', preferredLocale: 'zh-TW', actingAs: 'dataSubject' },
      items: [{ type: 'correction', details: '地址錯誤' }],
    });
    const withoutDetails = requestInputOf(publicSubmissionSchema.parse({ right: 'inquiry', name: 'Amy', email: 'a@example.com', preferredLocale: 'en' }));
    expect(withoutDetails.items).toEqual([{ type: 'inquiry' }]);
    expect(withoutDetails.items[0]).not.toHaveProperty('details');
    expect(withoutDetails.requester.preferredLocale).toBe('en');
    expect(IDENTITY_CHECK_STARTED_BY).toBe('publicRequestForm:emailConfirmation');
  });
});

describe('one-time confirmation', () => {
  const submittedAt = '2025-03-03T02:00:00.000Z';
  const expiresAt = confirmationExpiry(submittedAt);

  it('expires 24 hours after submission; the status link 400 days after confirmation', () => {
    expect(CONFIRMATION_VALID_HOURS).toBe(24);
    expect(expiresAt).toBe('2025-03-04T02:00:00.000Z');
    expect(STATUS_LINK_VALID_DAYS).toBe(400);
    expect(statusLinkExpiry('2025-03-03T02:00:00.000Z')).toBe('2026-04-07T02:00:00.000Z');
  });

  it('is valid until the expiry instant, expired from it on, and confirmed once used', () => {
    expect(confirmationState({ expiresAt }, '2025-03-04T01:59:59.999Z')).toBe('valid');
    expect(confirmationState({ expiresAt }, '2025-03-04T02:00:00.000Z')).toBe('expired');
    expect(confirmationState({ expiresAt }, '2025-03-05T00:00:00.000Z')).toBe('expired');
    // Used is used, even when asked after the expiry.
    expect(confirmationState({ expiresAt, confirmedAt: '2025-03-03T03:00:00.000Z' }, '2025-03-09T00:00:00.000Z')).toBe('confirmed');
    expect(confirmationState({ expiresAt, confirmedAt: '2025-03-03T03:00:00.000Z' }, '2025-03-03T04:00:00.000Z')).toBe('confirmed');
  });

  it('confirms once, before expiry, and says which refusal applies', () => {
    const first = confirm({ expiresAt }, '2025-03-03T05:00:00.000Z');
    expect(first).toEqual({ ok: true, value: { expiresAt, confirmedAt: '2025-03-03T05:00:00.000Z' } });
    if (!first.ok) throw new Error('unreachable');
    const again = confirm(first.value, '2025-03-03T06:00:00.000Z');
    expect(again.ok).toBe(false);
    if (again.ok) throw new Error('unreachable');
    expect(again.error).toMatchObject({ kind: 'conflict', code: 'CONFIRMATION_USED', message: { zhTW: '此確認連結已使用過', en: 'This confirmation link was already used' } });
    const late = confirm({ expiresAt }, '2025-03-04T02:00:00.000Z');
    if (late.ok) throw new Error('expected expiry');
    expect(late.error).toMatchObject({ kind: 'conflict', code: 'CONFIRMATION_EXPIRED' });
    expect(late.error.message.zhTW).toBe('此確認連結已逾 24 小時而失效，請重新填寫表單');
    expect(late.error.message.en).toBe('This confirmation link expired after 24 hours; please fill in the form again');
  });
});

describe('publicCaseStatus', () => {
  it('maps every internal status to a stage a requester understands, with its name', () => {
    const expected: Record<RequestStatus, string> = {
      received: 'received',
      identityVerification: 'identityCheck',
      inProgress: 'inProgress',
      decided: 'decided',
      fulfilled: 'completed',
      closed: 'completed',
      withdrawn: 'withdrawn',
    };
    const request = created(['inquiry']);
    for (const status of requestStatuses) {
      const view = publicCaseStatus({ ...request, status });
      expect(view.stage, status).toBe(expected[status]);
      expect(view.stageName).toEqual(publicStageNames[view.stage]);
    }
    expect(publicStageNames).toEqual({
      received: { zhTW: '已受理', en: 'Received' },
      identityCheck: { zhTW: '身分確認中', en: 'Checking your identity' },
      inProgress: { zhTW: '處理中', en: 'Being handled' },
      decided: { zhTW: '已作成決定', en: 'Decided' },
      completed: { zhTW: '已完成', en: 'Completed' },
      withdrawn: { zhTW: '已撤回', en: 'Withdrawn' },
    });
  });

  it('shows the dates in force per right, and nothing about who handles it', () => {
    let request = inProgress(['inquiry', 'marketingOptOut']);
    request = apply(request, { type: 'extendDeadline', actor: 'dpo', itemTypes: ['inquiry'], extensionDays: 15, reason: 'r', notifiedAt: taipei('2025-03-10'), notificationChannel: 'email' }, taipei('2025-03-10'));
    const view = publicCaseStatus(request);
    expect(view).toEqual({
      caseNumber: 'DSR-1140303-0001',
      stage: 'inProgress',
      stageName: { zhTW: '處理中', en: 'Being handled' },
      receivedAt: request.receivedAt,
      items: [
        { right: 'inquiry', decisionDueDate: '2025-04-02', decisionDueAt: '2025-04-02T15:59:59.999Z', immediate: false, extended: true, decided: false },
        { right: 'marketingOptOut', decisionDueDate: '2025-03-03', decisionDueAt: request.receivedAt, immediate: true, extended: false, decided: true },
      ],
    });
    expect(JSON.stringify(view)).not.toContain('clerk');
  });

  it('gives an empty case number for requests stored before case numbers', () => {
    const { caseNumber: _omitted, ...request } = created(['inquiry']);
    expect(publicCaseStatus(request).caseNumber).toBe('');
  });
});
