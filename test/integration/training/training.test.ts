/**
 * Training (認知宣導及教育訓練, seed 000 §10; issue #17) on DynamoDB Local: sessions recorded for
 * all staff, the privacy team and IT staff with team-directory and named attendees, validation
 * problems, If-Match, per-person history, who missed this year's training, the assessment
 * warning for "training done" with no session this year; and sessions meeting the approved
 * plan's training duties (training, leadershipTraining, itStaffTraining): the open task of the
 * period done in the session's commit, the next one opened at the plan's frequency, no reminder
 * for it from the sweep, and no separate yearly training duty.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '../../../domain/plan';
import { runReviewSweep } from '../../../functions/reviews/sweep';
import examplePlan from '../../fixtures/plan/examplePlan.json';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let now = new Date('2026-03-10T02:00:00Z');
let owner: string;
const enc = encodeURIComponent;

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  const tenant = await api.onboardTenant();
  owner = tenant.ownerKey;
  const directory = await api.call('PUT', '/v1/team-directory', {
    key: owner,
    headers: { 'if-match': '"0"' },
    body: {
      members: {
        privacyOfficer: [{ name: '林小美', email: 'dpo@example.com' }],
        securityLead: [{ name: '阿福', email: 'it@example.com' }],
        salesLead: [{ name: '出木杉', email: 'sales@example.com' }],
      },
    },
  });
  if (directory.status !== 200) throw new Error(`directory: ${directory.status} ${JSON.stringify(directory.body)}`);
}, 60_000);

const session = (overrides: Record<string, unknown>) => ({
  title: '115年度個資保護教育訓練',
  audience: 'allStaff',
  heldOn: '2026-03-05',
  topics: ['law', 'responsibilities'],
  trainer: '林小美',
  durationMinutes: 120,
  attendees: [{ name: '大雄' }],
  evidenceKinds: ['attendanceSheet'],
  ...overrides,
});
const record = (body: Record<string, unknown>, key = owner) => api.call('POST', '/v1/training/sessions', { key, body });

describe('training', () => {
  it('answers the code lists with zh-TW and English labels', async () => {
    const codes = await api.call('GET', '/v1/training/codes', { key: owner });
    expect(codes.status).toBe(200);
    expect(codes.body.audiences.map((a: { code: string }) => a.code)).toEqual(['allStaff', 'privacyTeam', 'itStaff']);
    expect(codes.body.topics.filter((t: { statutoryForAllStaff: boolean }) => t.statutoryForAllStaff).map((t: { code: string }) => t.code)).toEqual(['law', 'responsibilities', 'planRequirements']);
    expect(codes.body.topics[0].label).toEqual({ zhTW: '個人資料保護相關法令之規定', en: expect.any(String) });
  });

  it('records sessions, keeps histories, lists who missed the year\'s training', async () => {
    now = new Date('2026-03-10T02:00:00Z');
    // An assessment answered "training done" with no session this year warns.
    const catalog = await api.call('GET', `/v1/assessment-catalogs/${enc('regulation:K0010162')}`, { key: owner });
    expect(catalog.status).toBe(200);
    const items = catalog.body.goals.flatMap((g: any) => g.managementItems.flatMap((m: any) => m.requirements.flatMap((r: any) => r.checkItems)));
    const trainingItem = items.find((i: { question: string }) => /教育訓練/.test(i.question));
    expect(trainingItem).toBeDefined();
    const assessment = await api.call('POST', '/v1/assessments', { key: owner, body: { catalogId: 'regulation:K0010162', kind: 'selfCheck' } });
    const assessmentId: string = assessment.body.id;
    const answered = await api.call('PUT', `/v1/assessments/${assessmentId}/items/${trainingItem.number}`, { key: owner, headers: { 'if-match': assessment.headers.get('etag')! }, body: { result: 'compliant', evidenceRefs: ['HR-TRN-2026'] } });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const trainingWarnings = async () => {
      const warnings = await api.call('GET', `/v1/assessments/${assessmentId}/warnings`, { key: owner });
      expect(warnings.status).toBe(200);
      return { facts: warnings.body.facts, contradictions: warnings.body.items.filter((w: { code: string; itemNumber: string }) => w.code === 'CONTRADICTS_RECORD' && w.itemNumber === trainingItem.number) };
    };
    const before = await trainingWarnings();
    expect(before.facts.trainingHeldThisYear).toBe(false);
    expect(before.contradictions).toEqual([expect.objectContaining({ fact: 'trainingHeldThisYear', message: { zhTW: '答為符合，但本年度無教育訓練紀錄。', en: expect.any(String) } })]);

    // The roster comes from the team directory; nobody is trained yet.
    const empty = await api.call('GET', '/v1/training/compliance', { key: owner });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ year: 2026, covered: false, sessionsByAudience: { allStaff: 0, privacyTeam: 0, itStaff: 0 } });
    const ids = Object.fromEntries(empty.body.people.map((p: { name: string; personId: string }) => [p.name, p.personId]));
    expect(Object.keys(ids).sort()).toEqual(['出木杉', '林小美', '阿福'].sort());
    expect(empty.body.missed).toHaveLength(3);
    expect(empty.body.people.find((p: { name: string }) => p.name === '阿福').requiredAudiences).toEqual(['allStaff', 'privacyTeam', 'itStaff']);
    expect(JSON.stringify(empty.body)).not.toContain('@example.com');

    // Validation: per-field problems in zh-TW and English.
    const problems: [Record<string, unknown>, number, string][] = [
      [session({ durationMinutes: 0 }), 400, 'durationMinutes'],
      [session({ heldOn: '2026-03-11' }), 400, 'heldOn'],
      [session({ heldOn: '2026-13-01' }), 400, 'heldOn'],
      [session({ topics: ['law', 'other'] }), 400, 'otherTopic'],
      [session({ topics: ['law', 'cooking'] }), 400, 'topics[1]'],
      [session({ audience: 'everyone' }), 400, 'audience'],
      [session({ evidenceKinds: [] }), 400, 'evidenceKinds'],
      [session({ attendees: [{ personId: 'tdp_000000000000000000000000' }] }), 400, 'attendees[0].personId'],
      [session({ attendees: [{ name: '大雄' }, { name: ' 大雄' }] }), 400, 'attendees[1]'],
      [session({ trainer: undefined }), 400, 'trainer'],
    ];
    for (const [body, status, field] of problems) {
      const r = await record(body);
      expect(r.status, `${field}: ${JSON.stringify(r.body)}`).toBe(status);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      const error = r.body.errors.find((e: { field: string }) => e.field === field);
      expect(error, `${field}: ${JSON.stringify(r.body.errors)}`).toBeDefined();
      expect(error.reasonZhTW.length).toBeGreaterThan(0);
      expect(error.reasonEn.length).toBeGreaterThan(0);
    }
    expect((await api.call('GET', '/v1/training/sessions', { key: owner })).body.items).toEqual([]);

    // The all-staff session: two directory people and one named attendee.
    const allStaff = await record(session({ attendees: [{ personId: ids['林小美'] }, { personId: ids['阿福'] }, { name: '大雄' }], evidenceKinds: ['attendanceSheet', 'assessment'], evidenceRefs: ['HR-TRN-2026-01'] }));
    expect(allStaff.status, JSON.stringify(allStaff.body)).toBe(201);
    expect(allStaff.body).toMatchObject({ audience: { code: 'allStaff' }, status: 'held', version: 1, topics: [{ code: 'law' }, { code: 'responsibilities' }] });
    expect(allStaff.body.attendees.map((a: { name: string; source: string }) => [a.name, a.source])).toEqual([['林小美', 'teamDirectory'], ['阿福', 'teamDirectory'], ['大雄', 'named']]);
    const allStaffId: string = allStaff.body.id;
    const namedId: string = allStaff.body.attendees[2].personId;
    // Held before the default duties' first period (onboarded 2026-03-10: after 2026-03-10 up to
    // 2027-03-10), it meets no task; the session says so, and the task stays open.
    expect(allStaff.body.planDuties).toEqual({
      checkedOn: '2026-03-10',
      duties: [expect.objectContaining({ dutyKind: 'staffTraining', outcome: 'noTask', taskId: null, message: { zhTW: expect.stringContaining('不在'), en: expect.stringContaining('no task') } })],
    });
    const staffTasks = await api.call('GET', '/v1/review-tasks?kind=staffTraining&limit=100', { key: owner });
    expect(staffTasks.body.items.map((t: { dueDate: string; status: string }) => [t.dueDate, t.status])).toEqual([['2027-03-10', 'open']]);
    // No separate yearly training duty any more: the plan's (here the default) duties are the only ones.
    expect((await api.call('GET', '/v1/duties?kind=yearlyTraining', { key: owner })).body.items).toEqual([]);

    // With a session this year, the assessment no longer contradicts the records.
    const after = await trainingWarnings();
    expect(after.facts.trainingHeldThisYear).toBe(true);
    expect(after.contradictions).toEqual([]);

    // Corrections need If-Match.
    expect((await api.call('PATCH', `/v1/training/sessions/${allStaffId}`, { key: owner, body: { durationMinutes: 90 } })).status).toBe(428);
    expect((await api.call('PATCH', `/v1/training/sessions/${allStaffId}`, { key: owner, headers: { 'if-match': '"7"' }, body: { durationMinutes: 90 } })).status).toBe(412);
    const badPatch = await api.call('PATCH', `/v1/training/sessions/${allStaffId}`, { key: owner, headers: { 'if-match': '"1"' }, body: { durationMinutes: -5 } });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.errors[0].field).toBe('durationMinutes');
    const corrected = await api.call('PATCH', `/v1/training/sessions/${allStaffId}`, { key: owner, headers: { 'if-match': allStaff.headers.get('etag')! }, body: { topics: ['law', 'responsibilities', 'planRequirements'], durationMinutes: 90 } });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.headers.get('etag')).toBe('"2"');
    expect(corrected.body).toMatchObject({ durationMinutes: 90, version: 2, attendees: allStaff.body.attendees });

    // The privacy-team session.
    const privacyTeam = await record(session({ audience: 'privacyTeam', heldOn: '2026-03-06', topics: ['planRequirements'], durationMinutes: 60, attendees: [{ personId: ids['林小美'] }, { personId: ids['阿福'] }], evidenceKinds: ['meetingMinutes'] }));
    expect(privacyTeam.status, JSON.stringify(privacyTeam.body)).toBe(201);

    // The IT staff session completes the calendar year's training.
    const itStaff = await record(session({ audience: 'itStaff', heldOn: '2026-03-09', topics: ['awareness', 'socialEngineering'], durationMinutes: 180, attendees: [{ personId: ids['阿福'] }], evidenceKinds: ['assessment'] }));
    expect(itStaff.status, JSON.stringify(itStaff.body)).toBe(201);

    // Who missed: only the sales lead, who needs the all-staff training.
    const compliance = await api.call('GET', '/v1/training/compliance?year=2026', { key: owner });
    expect(compliance.body).toMatchObject({ covered: true, missingAudiences: [], missingStatutoryTopics: [], sessionsByAudience: { allStaff: 1, privacyTeam: 1, itStaff: 1 } });
    expect(compliance.body.missed.map((p: { name: string; missingAudiences: string[] }) => [p.name, p.missingAudiences])).toEqual([['出木杉', ['allStaff']]]);
    expect(compliance.body.people.find((p: { name: string }) => p.name === '大雄')).toMatchObject({ inTeamDirectory: false, missingAudiences: [] });
    const lastYear = await api.call('GET', '/v1/training/compliance?year=2025', { key: owner });
    expect(lastYear.body).toMatchObject({ covered: false, year: 2025 });
    expect(lastYear.body.missed).toHaveLength(3);

    // Per-person history is one Query on the person's partition.
    const history = await api.call('GET', `/v1/training/people/${ids['阿福']}/history`, { key: owner });
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    expect(history.body.items.map((i: { audience: string; heldOn: string }) => [i.audience, i.heldOn])).toEqual([['itStaff', '2026-03-09'], ['privacyTeam', '2026-03-06'], ['allStaff', '2026-03-05']]);
    expect(history.body.totalMinutes).toBe(180 + 60 + 90);
    expect(history.body.person).toMatchObject({ name: '阿福', inTeamDirectory: true, roles: ['securityLead'], missingAudiences: [] });
    const named = await api.call('GET', `/v1/training/people/${namedId}/history`, { key: owner });
    expect(named.body).toMatchObject({ person: { name: '大雄', inTeamDirectory: false, requiredAudiences: ['allStaff'] }, items: [{ trainingSessionId: allStaffId, durationMinutes: 90 }] });
    const untrained = await api.call('GET', `/v1/training/people/${ids['出木杉']}/history`, { key: owner });
    expect(untrained.body).toMatchObject({ items: [], person: { missingAudiences: ['allStaff'] } });
    expect((await api.call('GET', '/v1/training/people/nmp_000000000000000000000000/history', { key: owner })).status).toBe(404);
    expect((await api.call('GET', '/v1/training/people/someone/history', { key: owner })).status).toBe(400);

    // Cancelling (audited) takes the session out of every history; a cancelled session stays as it was.
    const cancelled = await api.call('POST', `/v1/training/sessions/${privacyTeam.body.id}/cancel`, { key: owner, body: { reason: '重複登錄' } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellation: { reason: '重複登錄' } });
    expect((await api.call('PATCH', `/v1/training/sessions/${privacyTeam.body.id}`, { key: owner, headers: { 'if-match': cancelled.headers.get('etag')! }, body: { durationMinutes: 30 } })).status).toBe(409);
    expect((await api.call('POST', `/v1/training/sessions/${privacyTeam.body.id}/cancel`, { key: owner, body: { reason: 'again' } })).status).toBe(409);
    const afterCancel = await api.call('GET', `/v1/training/people/${ids['林小美']}/history`, { key: owner });
    expect(afterCancel.body.items.map((i: { audience: string }) => i.audience)).toEqual(['allStaff']);
    expect(afterCancel.body.person.missingAudiences).toEqual(['privacyTeam']);
    const audit = await api.call('GET', `/v1/audit-events?resourceType=trainingSession&resourceId=${privacyTeam.body.id}`, { key: owner });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['trainingSession.record', 'trainingSession.cancel']));

    // The register: the year's sessions by date, newest first; one session by id.
    const list = await api.call('GET', '/v1/training/sessions?year=2026', { key: owner });
    expect(list.body.items.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([[itStaff.body.id, 'held'], [privacyTeam.body.id, 'cancelled'], [allStaffId, 'held']]);
    const paged = await api.call('GET', '/v1/training/sessions?year=2026&limit=2', { key: owner });
    expect(paged.body.items).toHaveLength(2);
    const rest = await api.call('GET', `/v1/training/sessions?year=2026&limit=2&cursor=${enc(paged.body.nextCursor)}`, { key: owner });
    expect(rest.body.items.map((s: { id: string }) => s.id)).toEqual([allStaffId]);
    expect((await api.call('GET', '/v1/training/sessions?year=2025', { key: owner })).body.items).toEqual([]);
    const got = await api.call('GET', `/v1/training/sessions/${allStaffId}`, { key: owner });
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"2"');
    expect((await api.call('GET', '/v1/training/sessions/trs_00000000000000000000000000', { key: owner })).status).toBe(404);
  });

  it('records a full sitting and replaces every attendee in one audited transaction', async () => {
    now = new Date('2026-03-10T02:00:00Z');
    const names = (prefix: string) => Array.from({ length: 40 }, (_, i) => ({ name: `${prefix}${String(i).padStart(2, '0')}` }));
    expect((await record(session({ attendees: [...names('甲'), { name: '乙99' }] }))).status).toBe(400);
    const full = await record(session({ heldOn: '2026-02-01', attendees: names('甲') }));
    expect(full.status, JSON.stringify(full.body)).toBe(201);
    const replaced = await api.call('PATCH', `/v1/training/sessions/${full.body.id}`, { key: owner, headers: { 'if-match': full.headers.get('etag')! }, body: { heldOn: '2026-02-02', attendees: names('乙') } });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const gone = await api.call('GET', `/v1/training/people/${full.body.attendees[0].personId}/history`, { key: owner });
    expect(gone.status).toBe(404);
    const moved = await api.call('GET', `/v1/training/people/${replaced.body.attendees[39].personId}/history`, { key: owner });
    expect(moved.body.items).toEqual([expect.objectContaining({ trainingSessionId: full.body.id, heldOn: '2026-02-02' })]);
  });
});

describe('sessions meet the approved plan\'s training duties', () => {
  type Task = { taskId: string; dueDate: string; status: string; completion: { notes: string; evidenceRefs: string[] } | null };
  let key: string;
  let planTenantId: string;
  const tasksOf = async (kind: string) => (await api.call('GET', `/v1/review-tasks?kind=${kind}&limit=100`, { key })).body.items as Task[];
  const statuses = (tasks: Task[]) => tasks.map((t) => [t.dueDate, t.status]);
  const remindersOf = async (taskId: string) => {
    const reminders = await api.call('GET', `/v1/review-tasks/${enc(taskId)}/reminders`, { key });
    expect(reminders.status, JSON.stringify(reminders.body)).toBe(200);
    return reminders.body.items as { recipient: { email: string } }[];
  };
  const trainingDuty = 'duty:training|organization|self';
  const leadershipDuty = 'duty:leadershipTraining|organization|self';
  const itStaffDuty = 'duty:itStaffTraining|organization|self';

  beforeAll(async () => {
    // Approved 2026-01-05 (Asia/Taipei); all-staff training every six months, the others yearly.
    now = new Date('2026-01-05T02:00:00Z');
    const tenant = await api.onboardTenant();
    key = tenant.ownerKey;
    planTenantId = tenant.tenantId;
    const members = { privacyOfficer: [{ name: '林小美', email: 'dpo@example.com' }], convener: [{ name: '王召集', email: 'convener@example.com' }], securityLead: [{ name: '阿福', email: 'it@example.com' }] };
    expect((await api.call('PUT', '/v1/team-directory', { key, headers: { 'if-match': '"0"' }, body: { members } })).status).toBe(200);
    const content = structuredClone(examplePlan) as unknown as { sections: { training: { general: { schedule: unknown } } } };
    content.sections.training.general.schedule = { frequency: { every: 6, unit: 'month' }, labelZh: '每半年' };
    const created = await api.call('POST', '/v1/plan/versions', { key, body: { versionDate: '2026-01-05', content: content as unknown as PlanContent } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const gaps = await api.call('GET', '/v1/plan/versions/1/completeness', { key });
    const acceptedGaps = (gaps.body.gaps as { code: string }[]).map((gap) => ({ code: gap.code, reason: '另行建置中' }));
    expect((await api.call('POST', '/v1/plan/versions/1/submit', { key })).status).toBe(200);
    const approved = await api.call('POST', '/v1/plan/versions/1/approve', { key, body: { approverName: '王代表', approverTitle: '董事長', capacity: 'representative', acceptedGaps } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  }, 60_000);

  it('completes the open task of the period in the session\'s commit and opens the next at the plan\'s frequency', async () => {
    const duties = await api.call('GET', '/v1/duties?kind=training', { key });
    expect(duties.body.items).toEqual([expect.objectContaining({ dutyId: trainingDuty, source: 'plan', anchorDate: '2026-07-05', frequency: { every: 6, unit: 'month' }, retiredOn: null })]);
    expect(statuses(await tasksOf('training'))).toEqual([['2026-07-05', 'open']]);

    now = new Date('2026-06-01T02:00:00Z');
    // An all-staff session lacking statutory topics does not meet the duty; the session says why.
    const partial = await record(session({ heldOn: '2026-05-20', topics: ['law', 'awareness'], evidenceRefs: ['HR-TRN-2026-05'] }), key);
    expect(partial.status, JSON.stringify(partial.body)).toBe(201);
    expect(partial.body.planDuties).toEqual({
      checkedOn: '2026-06-01',
      duties: [expect.objectContaining({ dutyId: trainingDuty, outcome: 'statutoryTopicsMissing', taskId: `${trainingDuty}#2026-07-05`, dueDate: '2026-07-05', periodAfter: '2026-01-05', missingStatutoryTopics: [expect.objectContaining({ code: 'responsibilities' }), expect.objectContaining({ code: 'planRequirements' })] })],
    });
    expect(partial.body.planDuties.duties[0].message.zhTW).toContain('法定主題');
    expect(statuses(await tasksOf('training'))).toEqual([['2026-07-05', 'open']]);

    // Corrected to cover them, it meets the task: done, naming the session, the next one six months on.
    const corrected = await api.call('PATCH', `/v1/training/sessions/${partial.body.id}`, { key, headers: { 'if-match': partial.headers.get('etag')! }, body: { topics: ['law', 'responsibilities', 'planRequirements', 'awareness'] } });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body.planDuties.duties).toEqual([expect.objectContaining({ dutyId: trainingDuty, outcome: 'met', taskId: `${trainingDuty}#2026-07-05`, missingStatutoryTopics: [] })]);
    const trainingTasks = await tasksOf('training');
    expect(statuses(trainingTasks)).toEqual([['2026-07-05', 'done'], ['2027-01-05', 'open']]);
    expect(trainingTasks[0]!.completion!.notes).toContain(partial.body.id);
    expect(trainingTasks[0]!.completion!.evidenceRefs).toEqual(['HR-TRN-2026-05']);
    const duty = await api.call('GET', '/v1/duties?kind=training', { key });
    expect(duty.body.items[0].lastCompletedOn).toBe('2026-06-01');
    // One request, one audited commit: the session's correction, the task, the duty and the next task.
    const eventsOf = async (resourceType: string, resourceId: string) => (await api.call('GET', `/v1/audit-events?resourceType=${resourceType}&resourceId=${enc(resourceId)}`, { key })).body.items as { action: string; requestId: string }[];
    const update = (await eventsOf('trainingSession', partial.body.id)).find((e) => e.action === 'trainingSession.update')!;
    expect((await eventsOf('reviewTask', `${trainingDuty}#2026-07-05`)).find((e) => e.action === 'reviewTask.complete')?.requestId).toBe(update.requestId);
    expect((await eventsOf('duty', trainingDuty)).find((e) => e.action === 'duty.complete')?.requestId).toBe(update.requestId);
    expect((await eventsOf('reviewTask', `${trainingDuty}#2027-01-05`)).find((e) => e.action === 'reviewTask.open')?.requestId).toBe(update.requestId);

    // A second all-staff session in the same period: the task is already done, nothing more is written.
    const again = await record(session({ heldOn: '2026-05-25' }), key);
    expect(again.body.planDuties.duties).toEqual([expect.objectContaining({ outcome: 'taskClosed', taskId: `${trainingDuty}#2026-07-05` })]);
    expect(statuses(await tasksOf('training'))).toEqual([['2026-07-05', 'done'], ['2027-01-05', 'open']]);
    // Correcting the session that met the task keeps saying it met it.
    const touched = await api.call('PATCH', `/v1/training/sessions/${partial.body.id}`, { key, headers: { 'if-match': corrected.headers.get('etag')! }, body: { durationMinutes: 100 } });
    expect(touched.body.planDuties.duties).toEqual([expect.objectContaining({ outcome: 'met', taskId: `${trainingDuty}#2026-07-05` })]);

    // IT staff: recording the session meets the yearly task; the next one is a year on.
    const itStaff = await record(session({ audience: 'itStaff', heldOn: '2026-05-21', topics: ['socialEngineering'], attendees: [{ name: '阿福' }] }), key);
    expect(itStaff.status, JSON.stringify(itStaff.body)).toBe(201);
    expect(itStaff.body.planDuties.duties).toEqual([expect.objectContaining({ dutyId: itStaffDuty, outcome: 'met', dueDate: '2027-01-05' })]);
    expect(statuses(await tasksOf('itStaffTraining'))).toEqual([['2027-01-05', 'done'], ['2028-01-05', 'open']]);

    // Held before the period (approval day excluded): the leadership task stays open.
    const early = await record(session({ audience: 'privacyTeam', heldOn: '2026-01-05', topics: ['planRequirements'] }), key);
    expect(early.body.planDuties.duties).toEqual([expect.objectContaining({ dutyId: leadershipDuty, outcome: 'noTask', taskId: null })]);
    expect(statuses(await tasksOf('leadershipTraining'))).toEqual([['2027-01-05', 'open']]);

    // No separate yearly training duty is created.
    expect((await api.call('GET', '/v1/duties?kind=yearlyTraining', { key })).body.items).toEqual([]);
  });

  it('the sweep no longer reminds for a met task, and still reminds for an open one', async () => {
    // 15 days before the all-staff task's due date: done, so no reminder.
    now = new Date('2026-06-20T01:00:00Z');
    expect((await runReviewSweep(api.deps, { asOf: now, tenantId: planTenantId })).tenantsFailed).toBe(0);
    expect(await remindersOf(`${trainingDuty}#2026-07-05`)).toEqual([]);
    // 26 days before the yearly tasks: the IT staff one is done, the leadership one is not.
    now = new Date('2026-12-10T01:00:00Z');
    expect((await runReviewSweep(api.deps, { asOf: now, tenantId: planTenantId })).tenantsFailed).toBe(0);
    expect(await remindersOf(`${itStaffDuty}#2027-01-05`)).toEqual([]);
    expect((await remindersOf(`${leadershipDuty}#2027-01-05`)).map((r) => r.recipient.email)).toContain('convener@example.com');
    expect((await remindersOf(`${trainingDuty}#2027-01-05`)).map((r) => r.recipient.email)).toContain('dpo@example.com');
  });
});
