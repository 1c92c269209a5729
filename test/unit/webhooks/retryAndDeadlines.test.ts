import { describe, expect, it } from 'vitest';
import { deadlineWarningAt, dueInstantOf } from '../../../domain/webhooks/deadlineWarnings';
import { nextAttemptAt, retryCeilingsMs, retryDelayMs, RETRY_CAP_MS, RETRY_WINDOW_MS } from '../../../domain/webhooks/retrySchedule';
import { receives, rotateSecret, signingSecrets, canRegisterAnother, MAX_ENDPOINTS_PER_TENANT } from '../../../domain/webhooks/endpoint';

describe('retry schedule', () => {
  it('backs off exponentially with full jitter under a cap', () => {
    expect(retryDelayMs(1, 0.999)).toBeLessThanOrEqual(30_000);
    expect(retryDelayMs(2, 0.999)).toBeGreaterThan(30_000);
    expect(retryDelayMs(2, 0.999)).toBeLessThanOrEqual(60_000);
    expect(retryDelayMs(30, 0.999)).toBeLessThanOrEqual(RETRY_CAP_MS);
    expect(retryDelayMs(5, 0)).toBe(5_000);
    const jittered = new Set([0.1, 0.5, 0.9].map((r) => retryDelayMs(6, r)));
    expect(jittered.size).toBe(3);
  });

  it('spans about three days, then gives up', () => {
    const ceilings = retryCeilingsMs();
    const total = ceilings.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    expect(total).toBeGreaterThan(RETRY_WINDOW_MS - RETRY_CAP_MS);
    const first = '2026-03-02T00:00:00.000Z';
    expect(nextAttemptAt(first, first, 1, 0.5)).toBe('2026-03-02T00:00:15.000Z');
    expect(nextAttemptAt(first, '2026-03-04T23:59:00.000Z', 20, 0.999)).toBeNull();
    expect(nextAttemptAt(first, '2026-03-04T20:00:00.000Z', 20, 0.1)).not.toBeNull();
  });
});

describe('deadline warnings', () => {
  const due = new Date('2026-03-16T16:00:00.000Z');
  const at = (iso: string) => new Date(iso);

  it('warns a DSR deadline 3 days and 1 day ahead, then as missed', () => {
    expect(deadlineWarningAt('dataSubjectRequestDecision', due, at('2026-03-12T00:00:00Z'))).toBeNull();
    expect(deadlineWarningAt('dataSubjectRequestDecision', due, at('2026-03-13T17:00:00Z'))).toEqual({ type: 'deadline.approaching', threshold: '3d' });
    expect(deadlineWarningAt('dataSubjectRequestDecision', due, at('2026-03-15T17:00:00Z'))).toEqual({ type: 'deadline.approaching', threshold: '1d' });
    expect(deadlineWarningAt('dataSubjectRequestDecision', due, due)).toEqual({ type: 'deadline.missed', threshold: 'missed' });
  });

  it('warns the incident report 24 h and 6 h ahead', () => {
    expect(deadlineWarningAt('incidentAuthorityNotification', due, at('2026-03-15T15:00:00Z'))).toBeNull();
    expect(deadlineWarningAt('incidentAuthorityNotification', due, at('2026-03-15T16:00:00Z'))).toEqual({ type: 'incident.regulatorDeadline.approaching', threshold: '24h' });
    expect(deadlineWarningAt('incidentAuthorityNotification', due, at('2026-03-16T10:00:00Z'))).toEqual({ type: 'incident.regulatorDeadline.approaching', threshold: '6h' });
    expect(deadlineWarningAt('incidentAuthorityNotification', due, at('2026-03-16T16:00:01Z'))?.type).toBe('incident.regulatorDeadline.missed');
  });

  it('names overdue vendor checks, corrective actions and reviews', () => {
    const late = at('2026-03-20T00:00:00Z');
    expect(deadlineWarningAt('vendorOversight', due, late)).toEqual({ type: 'vendorCheck.overdue', threshold: 'overdue' });
    expect(deadlineWarningAt('correctiveAction', due, late)).toEqual({ type: 'correctiveAction.overdue', threshold: 'overdue' });
    expect(deadlineWarningAt('malwareScan', due, late)).toEqual({ type: 'reviewTask.overdue', threshold: 'overdue' });
    expect(deadlineWarningAt('malwareScan', due, at('2026-03-10T00:00:00Z'))).toEqual({ type: 'reviewTask.dueSoon', threshold: '7d' });
    expect(deadlineWarningAt('vendorCertificateExpiry', due, at('2026-03-01T00:00:00Z'))).toEqual({ type: 'vendorCertificate.expiring', threshold: '30d' });
    expect(deadlineWarningAt('vendorCertificateExpiry', due, late)).toBeNull();
  });

  it('takes a date-only task as due at the end of its day in the tenant\'s zone', () => {
    expect(dueInstantOf('2026-03-16', null, 'Asia/Taipei').toISOString()).toBe('2026-03-16T16:00:00.000Z');
    expect(dueInstantOf('2026-03-16', '2026-03-16T08:00:00.000Z', 'Asia/Taipei').toISOString()).toBe('2026-03-16T08:00:00.000Z');
  });
});

describe('endpoint rules', () => {
  it('fans out by subscription, never a test event, never to a disabled endpoint', () => {
    expect(receives({ eventTypes: ['*'], enabled: true }, 'deadline.missed')).toBe(true);
    expect(receives({ eventTypes: ['deadline.missed'], enabled: true }, 'deadline.approaching')).toBe(false);
    expect(receives({ eventTypes: ['*'], enabled: false }, 'deadline.missed')).toBe(false);
    expect(receives({ eventTypes: ['*'], enabled: true }, 'webhook.test')).toBe(false);
  });

  it('signs with both secrets during a rotation\'s overlap only', () => {
    const now = new Date('2026-03-02T00:00:00Z');
    const rotated = rotateSecret({ current: 'old', previous: null }, 'new', now, 24);
    expect(signingSecrets(rotated, new Date('2026-03-02T23:00:00Z'))).toEqual(['new', 'old']);
    expect(signingSecrets(rotated, new Date('2026-03-03T00:00:01Z'))).toEqual(['new']);
    expect(signingSecrets(rotateSecret({ current: 'old', previous: null }, 'new', now, 0), now)).toEqual(['new']);
  });

  it('limits the endpoints of a tenant', () => {
    expect(canRegisterAnother(MAX_ENDPOINTS_PER_TENANT - 1).ok).toBe(true);
    expect(canRegisterAnother(MAX_ENDPOINTS_PER_TENANT).ok).toBe(false);
  });
});
