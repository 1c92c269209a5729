import { describe, expect, it } from 'vitest';
import { deadlineNoticeAction, webhookEventOfChange, webhookEventTypes, webhookPayloadSchemas, webhookSourceActions } from '../../../domain/webhooks/eventCatalog';
import { webhookOutboxItem } from '../../../domain/webhooks/outbox';

const change = (action: string, after: unknown, resourceId = 'dsr_01jq3z5k8m9n0p1q2r3s4t5v6w') => ({ action, resourceType: 'dataSubjectRequest', resourceId, before: null, after });

describe('the webhook event catalogue', () => {
  it('has every type the issue lists, each with a payload schema', () => {
    for (const type of [
      'dataSubjectRequest.received', 'dataSubjectRequest.identityVerified', 'dataSubjectRequest.extended', 'dataSubjectRequest.decided', 'dataSubjectRequest.fulfilled', 'dataSubjectRequest.closed',
      'deadline.approaching', 'deadline.missed', 'incident.created', 'incident.regulatorDeadline.approaching', 'incident.regulatorDeadline.missed', 'incident.reported', 'incident.closed',
      'reviewTask.dueSoon', 'reviewTask.overdue', 'reviewTask.completed', 'planVersion.submitted', 'planVersion.approved', 'vendorCheck.overdue', 'vendorCertificate.expiring',
      'vendorQuestionnaire.submitted', 'assessment.signedOff', 'correctiveAction.overdue',
    ]) {
      expect(webhookEventTypes).toContain(type);
      expect(webhookPayloadSchemas[type as keyof typeof webhookPayloadSchemas]).toBeDefined();
    }
  });

  it('maps the audit actions the product writes to event types', () => {
    expect(webhookEventOfChange(change('dataSubjectRequest.create', { status: 'received', caseNumber: 'DSR-1150302-0007' }))).toEqual({
      type: 'dataSubjectRequest.received',
      data: { dataSubjectRequestId: 'dsr_01jq3z5k8m9n0p1q2r3s4t5v6w', caseNumber: 'DSR-1150302-0007', status: 'received' },
    });
    expect(webhookEventOfChange(change('dataSubjectRequest.decide', { status: 'decided' }))?.type).toBe('dataSubjectRequest.decided');
    expect(webhookEventOfChange({ action: 'incident.notifyRegulator', resourceType: 'incident', resourceId: 'inc_1', before: null, after: { status: 'open' } })?.type).toBe('incident.reported');
    expect(webhookEventOfChange({ action: 'plan.version.approve', resourceType: 'planVersion', resourceId: '3', before: null, after: { status: 'approved' } })).toEqual({ type: 'planVersion.approved', data: { versionNumber: '3', status: 'approved' } });
    expect(webhookEventOfChange(change('dataSubjectRequest.reveal', { revealedFields: ['name'] }))).toBeNull();
    expect(webhookEventOfChange(change('reminder.queue', {}))).toBeNull();
    expect(webhookSourceActions).toContain('complianceAssessment.signOff');
  });

  it('reads the identity check outcome from the last attempt', () => {
    const failed = webhookEventOfChange(change('dataSubjectRequest.recordIdentityVerification', { status: 'identityVerification', identityVerificationAttempts: [{ outcome: 'failed' }] }));
    expect(failed?.data.outcome).toBe('failed');
    const verified = webhookEventOfChange(change('dataSubjectRequest.recordIdentityVerification', { status: 'inProgress', identityVerificationAttempts: [{ outcome: 'failed' }, { outcome: 'verified' }] }));
    expect(verified?.data.outcome).toBe('verified');
  });

  it('never copies a data subject\'s identifiers into a payload', () => {
    const view = { status: 'received', caseNumber: 'DSR-1', requester: { name: '陳美玲', email: 'meiling.chen@example.net', phone: '0912345678' }, identifiers: { nationalId: 'A123456789' } };
    const event = webhookEventOfChange(change('dataSubjectRequest.create', view));
    const text = JSON.stringify(event);
    for (const secret of ['陳美玲', 'meiling', '0912345678', 'A123456789']) expect(text).not.toContain(secret);
  });

  it('takes deadline warnings only with a valid deadline payload', () => {
    const deadline = { dutyId: 'duty:x', taskId: 'task:x', dutyKind: 'dataSubjectRequestDecision', subject: { kind: 'dataSubjectRequest', id: 'dsr_1:copy' }, dueDate: '2026-03-16', dueAt: '2026-03-16T15:59:59.999Z', threshold: '3d' };
    expect(webhookEventOfChange({ action: deadlineNoticeAction, resourceType: 'reviewTask', resourceId: 'task:x', before: null, after: { eventType: 'deadline.approaching', deadline } })).toEqual({ type: 'deadline.approaching', data: deadline });
    expect(webhookEventOfChange({ action: deadlineNoticeAction, resourceType: 'reviewTask', resourceId: 'task:x', before: null, after: { eventType: 'deadline.approaching', deadline: { ...deadline, threshold: 'soon' } } })).toBeNull();
  });
});

describe('the outbox item', () => {
  it('is one item per commit, holding every mapped event, or none', () => {
    let n = 0;
    const next = () => `whevt_${String(++n).padStart(26, '0')}`;
    expect(webhookOutboxItem([change('dataSubjectRequest.reveal', {})], '2026-03-02T01:30:00.000Z', next)).toBeNull();
    const item = webhookOutboxItem([change('dataSubjectRequest.create', { status: 'received' }), change('duty.create', {}), change('dataSubjectRequest.close', { status: 'closed' })], '2026-03-02T01:30:00.000Z', next);
    expect(item).toMatchObject({ pk: 'WEBHOOK_OUTBOX', sk: '2026-03-02T01:30:00.000Z#whevt_00000000000000000000000001', entity: 'WebhookOutbox' });
    expect((item!.events as { type: string }[]).map((e) => e.type)).toEqual(['dataSubjectRequest.received', 'dataSubjectRequest.closed']);
  });
});
