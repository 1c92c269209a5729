/**
 * Edges of the incident timeline (mutation testing, issue #15): what a closed incident still
 * allows, revising the facts and the clock, the exact bounds of each time check, report stages,
 * and what each close blocker says.
 */
import { describe, expect, it } from 'vitest';
import { addCorrectiveAction, transitionIncidentAction } from '../../../domain/incident/correctiveActions';
import type { Incident } from '../../../domain/incident/incident';
import {
  canCloseIncident,
  closeBlockers,
  closeIncident,
  correctiveActionMayMove,
  incidentMayChange,
  markStepDone,
  markStepNotApplicable,
  recordRegulatorNotification,
  reviseIncidentFacts,
} from '../../../domain/incident/timeline';
import { facts, incident } from './fixtures';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const DISCOVERED = '2025-03-01T09:30:00+08:00';
const na = { reason: '經調查無須處理', decidedBy: 'DPO', decidedAt: '2025-03-02T00:00:00+08:00' };
const report = { authorityCode: 'MODA', channel: 'email' as const, stage: 'initial' as const };
const closedIncident = (): Incident => ({ ...incident(), status: 'closed' });
const CLOSED = { ok: false, error: { kind: 'conflict', code: 'INCIDENT_CLOSED', message: { zhTW: '事故已結案，不得再變更', en: 'The incident is closed and cannot change' } } };

describe('a closed incident', () => {
  it('refuses every change of its facts and steps', () => {
    const closed = closedIncident();
    expect(incidentMayChange(closed)).toEqual(CLOSED);
    expect(reviseIncidentFacts(closed, facts(), new Date('2025-03-05T00:00:00Z'))).toEqual(CLOSED);
    expect(markStepDone(closed, 'contained', { at: DISCOVERED })).toEqual(CLOSED);
    expect(markStepNotApplicable(closed, 'rootCauseFound', na)).toEqual(CLOSED);
    expect(recordRegulatorNotification(closed, { ...report, notifiedAt: DISCOVERED })).toEqual(CLOSED);
    expect(canCloseIncident(closed)).toEqual({ closable: false, blockers: [] });
  });

  it('still lets a corrective action be verified, and nothing else', () => {
    const closed = closedIncident();
    expect(correctiveActionMayMove(closed, 'verified')).toEqual({ ok: true, value: closed });
    expect(correctiveActionMayMove(closed, 'done')).toEqual(CLOSED);
    const open = incident();
    expect(incidentMayChange(open)).toEqual({ ok: true, value: open });
    expect(correctiveActionMayMove(open, 'done')).toEqual({ ok: true, value: open });
  });
});

describe('reviseIncidentFacts', () => {
  const now = new Date('2025-03-02T00:00:00Z');

  it('keeps the clock when the discovery time is unchanged', () => {
    const revised = unwrap(reviseIncidentFacts(incident(), facts({ title: '新標題' }), now));
    expect(revised).toMatchObject({ clockMoved: false, remindersChanged: false, incident: { title: '新標題', id: 'i1' } });
  });

  it('compares discovery and media times as instants: another offset for the same moment changes nothing', () => {
    const sameMoment = unwrap(reviseIncidentFacts(incident(), facts({ discoveredAt: new Date(Date.parse(DISCOVERED)).toISOString() }), now));
    expect(sameMoment).toMatchObject({ clockMoved: false, remindersChanged: false });
    const reported = incident({ mediaReported: true, mediaReportedAt: '2025-03-01T12:00:00+08:00' });
    expect(unwrap(reviseIncidentFacts(reported, facts({ mediaReported: true, mediaReportedAt: '2025-03-01T04:00:00Z' }), now)).remindersChanged).toBe(false);
  });

  it('flags reminder changes when the media facts change', () => {
    expect(unwrap(reviseIncidentFacts(incident(), facts({ mediaReported: true }), now)).remindersChanged).toBe(true);
    const reported = incident({ mediaReported: true, mediaReportedAt: '2025-03-01T12:00:00+08:00' });
    const later = unwrap(reviseIncidentFacts(reported, facts({ mediaReported: true, mediaReportedAt: '2025-03-01T13:00:00+08:00' }), now));
    expect(later).toMatchObject({ clockMoved: false, remindersChanged: true });
  });

  it('moves the clock to an earlier discovery, within the clock skew but not beyond it', () => {
    const moved = unwrap(reviseIncidentFacts(incident(), facts({ discoveredAt: '2025-03-01T08:00:00+08:00', occurredAt: undefined }), now));
    expect(moved).toMatchObject({ clockMoved: true, remindersChanged: true, incident: { discoveredAt: '2025-03-01T08:00:00+08:00' } });
    // Five minutes of skew are tolerated; one millisecond more is the future.
    expect(reviseIncidentFacts(incident(), facts({ discoveredAt: '2025-03-02T00:05:00.000Z' }), now).ok).toBe(true);
    expect(reviseIncidentFacts(incident(), facts({ discoveredAt: '2025-03-02T00:05:00.001Z' }), now)).toMatchObject({
      ok: false,
      error: { kind: 'invalid', code: 'IN_THE_FUTURE', field: 'discoveredAt' },
    });
  });

  it('cannot move the clock once the authority was notified', () => {
    const notified = unwrap(recordRegulatorNotification(incident(), { ...report, notifiedAt: '2025-03-01T12:00:00+08:00' }));
    expect(reviseIncidentFacts(notified, facts({ discoveredAt: '2025-03-01T08:00:00+08:00', occurredAt: undefined }), now)).toEqual({
      ok: false,
      error: {
        kind: 'invalid',
        code: 'CLOCK_SETTLED',
        message: { zhTW: '已通報主管機關後不得變更發現時間', en: 'The discovery time cannot change after the authority was notified' },
        field: 'discoveredAt',
      },
    });
    expect(unwrap(reviseIncidentFacts(notified, facts({ summary: '補充' }), now)).incident.summary).toBe('補充');
  });
});

describe('steps', () => {
  it('accepts a step at the very moment of discovery, with its note', () => {
    const done = unwrap(markStepDone(incident(), 'contained', { at: DISCOVERED, note: '隔離主機' }));
    expect(done.timeline.contained).toEqual({ status: 'done', at: DISCOVERED, note: '隔離主機' });
    expect(markStepDone(incident(), 'contained', { at: '2025-03-01T09:29:59.999+08:00' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid', code: 'BEFORE_DISCOVERY', message: { zhTW: '時間不得早於發現事故時間', en: 'The time cannot precede the discovery' } },
    });
  });

  it('names the refusal of a step already done or not marked by hand', () => {
    const done = unwrap(markStepDone(incident(), 'contained', { at: DISCOVERED }));
    const already = { ok: false, error: { kind: 'conflict', code: 'STEP_ALREADY_RECORDED', message: { zhTW: '此步驟已完成', en: 'This step is already done' } } };
    expect(markStepDone(done, 'contained', { at: DISCOVERED })).toEqual(already);
    expect(markStepNotApplicable(done, 'contained', na)).toEqual(already);
    expect(markStepDone(incident(), 'subjectsNotified' as never, { at: DISCOVERED })).toEqual({
      ok: false,
      error: { kind: 'invalid', code: 'STEP_NOT_MANUAL', message: { zhTW: '此步驟須透過通報或通知紀錄完成', en: 'This step is completed by recording the notification' } },
    });
  });

  it('records a ruling-out with its reason, and says why a mandatory one is refused', () => {
    const ruled = unwrap(markStepNotApplicable(incident(), 'customersNotified', na));
    expect(ruled.timeline.customersNotified).toEqual({ status: 'notApplicable', reason: na.reason, decidedBy: 'DPO', decidedAt: na.decidedAt });
    expect(markStepNotApplicable(incident(), 'regulatorNotified', na)).toMatchObject({
      error: { kind: 'invalid', code: 'STEP_NOT_APPLICABLE_REFUSED', message: { zhTW: '事故危及正常營運或大量當事人權益，應於72小時內通報主管機關，不得標示為不適用', en: 'The incident endangers operations or many data subjects: reporting to the authority within 72 hours is mandatory' } },
    });
    const withCustomers = incident({ customersAffected: [{ customerId: 'cu1', name: '甲公司' }] });
    expect(markStepNotApplicable(withCustomers, 'customersNotified', na)).toMatchObject({ error: { kind: 'invalid', message: { zhTW: '有受影響之客戶，應通知客戶', en: 'Customers are affected and must be notified' } } });
    expect(markStepNotApplicable(withCustomers, 'subjectsNotified', na).ok).toBe(true);
    expect(unwrap(markStepNotApplicable(incident(), 'rootCauseFound', { ...na, decidedAt: DISCOVERED })).timeline.rootCauseFound).toMatchObject({ status: 'notApplicable' });
  });
});

describe('reports to the authority', () => {
  it('keeps a final stage, its reference and a trimmed delay reason', () => {
    const first = unwrap(recordRegulatorNotification(incident(), { ...report, stage: 'final', notifiedAt: DISCOVERED, reference: 'MODA-114-001' }));
    expect(first.regulatorNotifications[0]).toEqual({ notifiedAt: DISCOVERED, authorityCode: 'MODA', channel: 'email', stage: 'initial', withinDeadline: true, reference: 'MODA-114-001' });
    // A later report is not timed: late without a reason is fine.
    const last = unwrap(recordRegulatorNotification(first, { ...report, stage: 'final', notifiedAt: '2025-03-20T00:00:00+08:00', delayReason: '  鑑識報告  ' }));
    expect(last.regulatorNotifications[1]).toEqual({ notifiedAt: '2025-03-20T00:00:00+08:00', authorityCode: 'MODA', channel: 'email', stage: 'final', withinDeadline: false, delayReason: '鑑識報告' });
    // A blank reason on a report in time is no reason at all.
    expect(unwrap(recordRegulatorNotification(incident(), { ...report, notifiedAt: DISCOVERED, delayReason: '   ' })).regulatorNotifications[0]).not.toHaveProperty('delayReason');
    const supplementary = unwrap(recordRegulatorNotification(first, { ...report, stage: 'supplementary', notifiedAt: '2025-03-20T00:00:00+08:00' }));
    expect(supplementary.regulatorNotifications[1]!.stage).toBe('supplementary');
    expect(supplementary.timeline.regulatorNotified).toEqual({ status: 'done', at: DISCOVERED });
  });

  it('names the period and the deadline when a late first report has no reason', () => {
    expect(recordRegulatorNotification(incident(), { ...report, notifiedAt: '2025-03-05T00:00:00+08:00' })).toMatchObject({
      ok: false,
      error: { message: { zhTW: '已逾72小時通報期限（2025-03-04T01:30:00.000Z），應附遲延理由', en: 'The 72-hour deadline (2025-03-04T01:30:00.000Z) has passed; a delay reason is required' } },
    });
  });
});

describe('close blockers', () => {
  it('say which step is missing, mandatory or not', () => {
    const blockers = closeBlockers(incident({ customersAffected: [{ customerId: 'cu1', name: '甲' }] }));
    expect(blockers.map((b) => b.message)).toEqual([
      { zhTW: '尚未完成或說明不適用：事故排除（損害控制）', en: 'Not done nor ruled not applicable: containment' },
      { zhTW: '尚未完成必要步驟：通報主管機關', en: 'Mandatory step not done: report to the authority' },
      { zhTW: '尚未完成或說明不適用：通知當事人', en: 'Not done nor ruled not applicable: notice to data subjects' },
      { zhTW: '尚未完成必要步驟：通知客戶', en: 'Mandatory step not done: notice to customers' },
      { zhTW: '尚未完成或說明不適用：查明事故原因', en: 'Not done nor ruled not applicable: root cause found' },
    ]);
  });

  it('do not accept a ruling-out that is blank or of a mandatory step', () => {
    const base = incident();
    const blank: Incident = { ...base, timeline: { contained: { status: 'notApplicable', reason: '  ', decidedAt: DISCOVERED, decidedBy: 'x' } } };
    expect(closeBlockers(blank)[0]).toMatchObject({ step: 'contained', code: 'STEP_PENDING' });
    // Stored before the incident was judged to endanger operations: the report is still owed.
    const stale: Incident = { ...base, timeline: { regulatorNotified: { status: 'notApplicable', reason: '當時評估無須通報', decidedAt: DISCOVERED, decidedBy: 'x' } } };
    expect(closeBlockers(stale).find((b) => b.step === 'regulatorNotified')).toMatchObject({ code: 'STEP_MANDATORY' });
  });

  it('judge a ruling-out of the customer notice even when no customer is affected', () => {
    const base = incident();
    const ruledOut = (reason: string): Incident => ({ ...base, timeline: { customersNotified: { status: 'notApplicable', reason, decidedAt: DISCOVERED, decidedBy: 'x' } } });
    expect(closeBlockers(ruledOut('無客戶資料')).some((b) => b.step === 'customersNotified')).toBe(false);
    expect(closeBlockers(ruledOut(' ')).find((b) => b.step === 'customersNotified')).toMatchObject({ code: 'STEP_PENDING' });
  });

  it('count the corrective actions still open or in progress', () => {
    let x = incident();
    for (const id of ['a1', 'a2', 'a3']) x = unwrap(addCorrectiveAction(x, { kind: 'corrective', title: id, description: '', owner: 'IT', dueDate: '2025-03-31' }, id, '2025-03-02T00:00:00Z', 'DPO'));
    x = unwrap(transitionIncidentAction(x, 'a1', { to: 'inProgress', at: '2025-03-03T00:00:00Z', by: 'IT' }));
    x = unwrap(transitionIncidentAction(x, 'a2', { to: 'done', at: '2025-03-03T00:00:00Z', by: 'IT' }));
    expect(closeBlockers(x).at(-1)).toEqual({ step: 'correctiveActions', code: 'ACTIONS_OPEN', message: { zhTW: '尚有2項矯正預防措施未完成', en: '2 corrective action(s) not done' } });
  });

  it('are returned field by field when closing is refused, and closing before discovery is refused', () => {
    const x = unwrap(addCorrectiveAction(incident(), { kind: 'corrective', title: 't', description: '', owner: 'IT', dueDate: '2025-03-31' }, 'a1', '2025-03-02T00:00:00Z', 'DPO'));
    const refused = closeIncident(x, { at: '2025-03-10T00:00:00+08:00', by: 'DPO' });
    if (refused.ok) throw new Error('expected CANNOT_CLOSE');
    expect(refused.error).toMatchObject({ kind: 'conflict', code: 'CANNOT_CLOSE', message: { zhTW: '應變程序尚未全部完成，不得結案', en: 'The response steps are not all complete; the incident cannot close' } });
    const details = refused.error.details as { fieldErrors: { field: string }[] };
    expect(details.fieldErrors.map((f) => f.field)).toEqual(['timeline.contained', 'timeline.regulatorNotified', 'timeline.subjectsNotified', 'timeline.rootCauseFound', 'correctiveActions']);
    expect(closeIncident(incident(), { at: '2025-03-01T09:00:00+08:00', by: 'DPO' })).toMatchObject({ ok: false, error: { code: 'BEFORE_DISCOVERY' } });
  });
});
