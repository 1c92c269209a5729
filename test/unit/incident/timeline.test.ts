import { describe, expect, it } from 'vitest';
import { addCorrectiveAction, transitionIncidentAction } from '../../../domain/incident/correctiveActions';
import type { Incident } from '../../../domain/incident/incident';
import { recordNotice } from '../../../domain/incident/notices';
import { canCloseIncident, closeIncident, markStepDone, markStepNotApplicable, recordRegulatorNotification } from '../../../domain/incident/timeline';
import { content, incident } from './fixtures';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const na = { reason: '經調查無須處理', decidedBy: 'DPO', decidedAt: '2025-03-02T00:00:00+08:00' };

describe('recordRegulatorNotification', () => {
  const base = incident(); // discovered 2025-03-01T09:30+08:00, deadline 2025-03-04T09:30+08:00
  it('accepts a report exactly at the deadline without a reason and marks the step', () => {
    const done = unwrap(recordRegulatorNotification(base, { notifiedAt: '2025-03-04T09:30:00+08:00', authorityCode: 'MODA', channel: 'email', stage: 'initial' }));
    expect(done.timeline.regulatorNotified).toEqual({ status: 'done', at: '2025-03-04T09:30:00+08:00' });
    expect(done.regulatorNotifications[0]).toMatchObject({ withinDeadline: true, stage: 'initial' });
  });
  it('refuses a late report without a delay reason (blank counts as none)', () => {
    for (const delayReason of [undefined, '   ']) {
      const r = recordRegulatorNotification(base, { notifiedAt: '2025-03-04T09:30:00.001+08:00', authorityCode: 'MODA', channel: 'email', stage: 'initial', delayReason });
      expect(r).toMatchObject({ ok: false, error: { code: 'LATE_WITHOUT_DELAY_REASON', kind: 'invalid', details: { deadline: '2025-03-04T01:30:00.000Z' } } });
    }
  });
  it('accepts a late report with a reason and records it as late', () => {
    const done = unwrap(
      recordRegulatorNotification(base, { notifiedAt: '2025-03-05T09:00:00+08:00', authorityCode: 'MODA', channel: 'email', stage: 'initial', delayReason: '鑑識未完成' }),
    );
    expect(done.regulatorNotifications[0]).toMatchObject({ withinDeadline: false, delayReason: '鑑識未完成' });
  });
  it('does not time supplementary stages and keeps the first report time', () => {
    const first = unwrap(recordRegulatorNotification(base, { notifiedAt: '2025-03-02T09:30:00+08:00', authorityCode: 'MODA', channel: 'email', stage: 'initial' }));
    const second = unwrap(recordRegulatorNotification(first, { notifiedAt: '2025-03-10T09:30:00+08:00', authorityCode: 'MODA', channel: 'email', stage: 'initial' }));
    expect(second.regulatorNotifications.map((r) => r.stage)).toEqual(['initial', 'supplementary']);
    expect(second.timeline.regulatorNotified).toMatchObject({ at: '2025-03-02T09:30:00+08:00' });
  });
  it('refuses a report before discovery', () => {
    expect(recordRegulatorNotification(base, { notifiedAt: '2025-03-01T09:29:59+08:00', authorityCode: 'MODA', channel: 'email', stage: 'initial' })).toMatchObject({
      ok: false,
      error: { code: 'BEFORE_DISCOVERY' },
    });
  });
});

describe('markStepNotApplicable', () => {
  it('refuses ruling out the regulator report when the incident endangers operations or many subjects', () => {
    expect(markStepNotApplicable(incident(), 'regulatorNotified', na)).toMatchObject({ ok: false, error: { code: 'STEP_NOT_APPLICABLE_REFUSED' } });
    expect(markStepNotApplicable(incident({ endangersOperationsOrManySubjects: false }), 'regulatorNotified', na).ok).toBe(true);
  });
  it('refuses ruling out customer notice when customers are affected', () => {
    const withCustomers = incident({ customersAffected: [{ customerId: 'cu1', name: '甲公司' }] });
    expect(markStepNotApplicable(withCustomers, 'customersNotified', na)).toMatchObject({ ok: false, error: { code: 'STEP_NOT_APPLICABLE_REFUSED' } });
  });
  it('refuses a step already done and a decision before discovery', () => {
    const contained = unwrap(markStepDone(incident(), 'contained', { at: '2025-03-01T12:00:00+08:00' }));
    expect(markStepNotApplicable(contained, 'contained', na)).toMatchObject({ ok: false, error: { code: 'STEP_ALREADY_RECORDED' } });
    expect(markStepNotApplicable(incident(), 'rootCauseFound', { ...na, decidedAt: '2025-03-01T00:00:00+08:00' })).toMatchObject({ ok: false, error: { code: 'BEFORE_DISCOVERY' } });
  });
});

describe('markStepDone', () => {
  it('allows only the manual steps, once', () => {
    const done = unwrap(markStepDone(incident(), 'rootCauseFound', { at: '2025-03-02T00:00:00+08:00', by: 'SOC' }));
    expect(done.timeline.rootCauseFound).toEqual({ status: 'done', at: '2025-03-02T00:00:00+08:00', by: 'SOC' });
    expect(markStepDone(done, 'rootCauseFound', { at: '2025-03-03T00:00:00+08:00' })).toMatchObject({ ok: false, error: { code: 'STEP_ALREADY_RECORDED', kind: 'conflict' } });
    expect(markStepDone(incident(), 'regulatorNotified' as never, { at: '2025-03-02T00:00:00+08:00' })).toMatchObject({ ok: false, error: { code: 'STEP_NOT_MANUAL' } });
  });
});

describe('canCloseIncident / closeIncident', () => {
  function fullyHandled(i: Incident): Incident {
    let x = unwrap(markStepDone(i, 'contained', { at: '2025-03-01T10:00:00+08:00' }));
    x = unwrap(markStepDone(x, 'rootCauseFound', { at: '2025-03-01T18:00:00+08:00' }));
    x = unwrap(recordRegulatorNotification(x, { notifiedAt: '2025-03-02T09:00:00+08:00', authorityCode: 'MODA', channel: 'email', stage: 'initial' }));
    x = unwrap(
      recordNotice(x, { audience: 'dataSubjects', channel: 'email', sentAt: '2025-03-02T12:00:00+08:00', audienceSize: 12000, locale: 'zh-TW', customerIds: [], content: content() }, 'n1'),
    );
    return x;
  }

  it('lists every pending step of a fresh incident, marking the mandatory regulator report', () => {
    const { closable, blockers } = canCloseIncident(incident());
    expect(closable).toBe(false);
    expect(blockers.map((b) => [b.step, b.code])).toEqual([
      ['contained', 'STEP_PENDING'],
      ['regulatorNotified', 'STEP_MANDATORY'],
      ['subjectsNotified', 'STEP_PENDING'],
      ['rootCauseFound', 'STEP_PENDING'],
    ]);
  });
  it('closes once every step is done; customers are skipped when none are affected', () => {
    const ready = fullyHandled(incident());
    expect(canCloseIncident(ready)).toEqual({ closable: true, blockers: [] });
    const closed = unwrap(closeIncident(ready, { at: '2025-03-10T00:00:00+08:00', by: 'DPO' }));
    expect(closed.status).toBe('closed');
    expect(closed.timeline.closed).toMatchObject({ status: 'done', by: 'DPO' });
    expect(closeIncident(closed, { at: '2025-03-11T00:00:00+08:00', by: 'DPO' })).toMatchObject({ ok: false, error: { code: 'INCIDENT_CLOSED', kind: 'conflict' } });
    expect(markStepDone(closed, 'contained', { at: '2025-03-11T00:00:00+08:00' })).toMatchObject({ ok: false, error: { code: 'INCIDENT_CLOSED' } });
    expect(canCloseIncident(closed).closable).toBe(false);
  });
  it('accepts notApplicable-with-reason for a non-mandatory step', () => {
    let x = unwrap(markStepDone(incident({ endangersOperationsOrManySubjects: false }), 'contained', { at: '2025-03-01T10:00:00+08:00' }));
    x = unwrap(markStepNotApplicable(x, 'regulatorNotified', na));
    x = unwrap(markStepNotApplicable(x, 'subjectsNotified', na));
    x = unwrap(markStepNotApplicable(x, 'rootCauseFound', na));
    expect(canCloseIncident(x).closable).toBe(true);
  });
  it('refuses to close while affected customers are not all notified', () => {
    const i = fullyHandled(incident({ customersAffected: [{ customerId: 'cu1', name: '甲' }, { customerId: 'cu2', name: '乙' }] }));
    const refused = closeIncident(i, { at: '2025-03-10T00:00:00+08:00', by: 'DPO' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CANNOT_CLOSE', details: { blockers: [{ step: 'customersNotified', code: 'STEP_MANDATORY' }] } } });
    const notice = (ids: string[], sentAt: string) => ({ audience: 'customers' as const, channel: 'email' as const, sentAt, audienceSize: ids.length, locale: 'zh-TW' as const, customerIds: ids, content: content() });
    const one = unwrap(recordNotice(i, notice(['cu1'], '2025-03-02T13:00:00+08:00'), 'n2'));
    expect(one.timeline.customersNotified).toBeUndefined();
    const both = unwrap(recordNotice(one, notice(['cu2'], '2025-03-02T14:00:00+08:00'), 'n3'));
    expect(both.timeline.customersNotified).toEqual({ status: 'done', at: '2025-03-02T14:00:00+08:00' });
    expect(canCloseIncident(both).closable).toBe(true);
  });
  it('refuses to close with open corrective actions, allows it once they are done', () => {
    const ready = fullyHandled(incident());
    const withAction = unwrap(addCorrectiveAction(ready, { kind: 'corrective', title: '修補弱點', description: '', owner: 'IT', dueDate: '2025-03-31' }, 'a1', '2025-03-02T00:00:00Z', 'DPO'));
    expect(canCloseIncident(withAction).blockers.map((b) => b.code)).toEqual(['ACTIONS_OPEN']);
    const done = unwrap(transitionIncidentAction(withAction, 'a1', { to: 'done', at: '2025-03-05T00:00:00Z', by: 'IT' }));
    expect(canCloseIncident(done).closable).toBe(true);
  });
});
