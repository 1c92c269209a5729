/**
 * Which open task of a plan training duty a session on date D meets (domain/training/
 * trainingDuties.ts): the duty kinds per audience, task periods on the anchor's grid, the
 * statutory-topic rule for all-staff sessions, and every outcome in words.
 */
import { describe, expect, it } from 'vitest';
import { dutyKinds } from '../../../domain/plan/duties';
import { DEFAULT_DUTY_DEFINITIONS } from '../../../domain/reviews/defaultDuties';
import type { ReviewTaskStatus } from '../../../domain/reviews/reviewTask';
import {
  audienceOfTrainingDuty,
  checkSessionAgainstDuty,
  isInPeriod,
  missingStatutoryTopicsOf,
  personIdOfName,
  taskForDate,
  taskPeriodOf,
  trainingAudiences,
  trainingDutyKinds,
  trainingTaskCheckText,
  type TrainingDutyState,
  type TrainingSession,
  type TrainingTaskCheck,
} from '../../../domain/training';

const YEARLY = { every: 1, unit: 'year' } as const;
const task = (dutyId: string, dueDate: string, status: ReviewTaskStatus = 'open') => ({ taskId: `${dutyId}#${dueDate}`, dueDate, status });
const duty = (dutyKind: string, tasks: [string, ReviewTaskStatus?][], overrides: Partial<TrainingDutyState> = {}): TrainingDutyState => {
  const dutyId = `duty:${dutyKind}|organization|self`;
  return { dutyId, dutyKind, anchorDate: '2027-03-10', frequency: YEARLY, tasks: tasks.map(([due, status]) => task(dutyId, due, status)), ...overrides };
};
let counter = 0;
const session = (overrides: Partial<TrainingSession> = {}): TrainingSession => ({
  trainingSessionId: `trs_${String(counter++).padStart(4, '0')}`,
  status: 'held',
  title: '年度訓練',
  audience: 'allStaff',
  heldOn: '2026-06-01',
  topics: ['law', 'responsibilities', 'planRequirements'],
  trainer: '林小美',
  durationMinutes: 60,
  attendees: [{ personId: personIdOfName('陳小華'), name: '陳小華', source: 'named' }],
  evidenceKinds: ['attendanceSheet'],
  evidenceRefs: [],
  ...overrides,
});
const check = (d: TrainingDutyState, s: TrainingSession, sessions: TrainingSession[] = [], metBefore: string[] = []) => checkSessionAgainstDuty({ duty: d, session: s, sessions, metBefore });
const kindOf = (c: TrainingTaskCheck) => (c.kind === 'met' ? `met:${c.complete}` : c.kind);

describe('training duty kinds', () => {
  it('names the plan\'s and the default duties\' training kinds, each for one audience', () => {
    expect(trainingDutyKinds).toEqual({ allStaff: ['training', 'staffTraining'], privacyTeam: ['leadershipTraining', 'teamTraining'], itStaff: ['itStaffTraining'] });
    const known = new Set<string>([...dutyKinds, ...DEFAULT_DUTY_DEFINITIONS.map((d) => d.dutyKind)]);
    for (const audience of trainingAudiences) {
      for (const kind of trainingDutyKinds[audience]) {
        expect(known.has(kind), kind).toBe(true);
        expect(audienceOfTrainingDuty(kind)).toBe(audience);
      }
    }
    // Every training duty the plan and the defaults schedule is met by some audience's sessions.
    for (const kind of known) if (/training/i.test(kind)) expect(audienceOfTrainingDuty(kind), kind).not.toBeNull();
  });

  it('leaves every other duty alone', () => {
    expect(audienceOfTrainingDuty('riskAssessment')).toBeNull();
    expect(audienceOfTrainingDuty('yearlyTraining')).toBeNull();
    expect(audienceOfTrainingDuty('')).toBeNull();
  });
});

describe('task periods', () => {
  it('runs from the day after the previous occurrence to the due date; the first from one period before the anchor', () => {
    expect(taskPeriodOf({ anchorDate: '2027-03-10', frequency: YEARLY }, '2027-03-10')).toEqual({ after: '2026-03-10', through: '2027-03-10' });
    expect(taskPeriodOf({ anchorDate: '2027-03-10', frequency: YEARLY }, '2028-03-10')).toEqual({ after: '2027-03-10', through: '2028-03-10' });
    expect(taskPeriodOf({ anchorDate: '2026-07-01', frequency: { every: 6, unit: 'month' } }, '2027-07-01')).toEqual({ after: '2027-01-01', through: '2027-07-01' });
  });

  it('follows the anchor\'s grid at month ends', () => {
    expect(taskPeriodOf({ anchorDate: '2026-01-31', frequency: { every: 1, unit: 'month' } }, '2026-03-31')).toEqual({ after: '2026-02-28', through: '2026-03-31' });
    expect(taskPeriodOf({ anchorDate: '2026-01-31', frequency: { every: 1, unit: 'month' } }, '2026-02-28')).toEqual({ after: '2026-01-31', through: '2026-02-28' });
    expect(taskPeriodOf({ anchorDate: '2026-01-05', frequency: { every: 2, unit: 'week' } }, '2026-01-19')).toEqual({ after: '2026-01-05', through: '2026-01-19' });
  });

  it('for a task off the grid: after the grid occurrence before it, or one period back when it lies before the grid', () => {
    expect(taskPeriodOf({ anchorDate: '2027-03-10', frequency: YEARLY }, '2027-06-01')).toEqual({ after: '2027-03-10', through: '2027-06-01' });
    expect(taskPeriodOf({ anchorDate: '2027-03-10', frequency: YEARLY }, '2025-01-01')).toEqual({ after: '2024-01-01', through: '2025-01-01' });
  });

  it('has no lower bound for a one-time duty', () => {
    expect(taskPeriodOf({ anchorDate: '2027-03-10', frequency: null }, '2027-03-10')).toEqual({ after: null, through: '2027-03-10' });
  });

  it('excludes its first day\'s predecessor and includes the due date', () => {
    const period = { after: '2026-03-10', through: '2027-03-10' };
    expect(['2026-03-10', '2026-03-11', '2027-03-10', '2027-03-11'].map((d) => isInPeriod(d, period))).toEqual([false, true, true, false]);
    expect(isInPeriod('1999-01-01', { after: null, through: '2027-03-10' })).toBe(true);
    expect(isInPeriod('2027-03-11', { after: null, through: '2027-03-10' })).toBe(false);
  });

  it('finds the stored task whose period holds a date, the open one when periods overlap', () => {
    const d = duty('training', [['2027-03-10', 'done'], ['2028-03-10']]);
    expect(taskForDate(d, '2026-12-01')?.task.dueDate).toBe('2027-03-10');
    expect(taskForDate(d, '2027-03-11')?.task.dueDate).toBe('2028-03-10');
    expect(taskForDate(d, '2026-03-10')).toBeNull();
    expect(taskForDate(d, '2028-03-11')).toBeNull();
    const overlapping = duty('training', [['2027-06-01', 'done'], ['2027-03-10']], { anchorDate: '2026-03-10' });
    // 2027-06-01 is off the grid: its period (after 2027-03-10) does not hold 2027-03-01; the grid task's does.
    expect(taskForDate(overlapping, '2027-03-01')?.task.dueDate).toBe('2027-03-10');
    const twoOpen = duty('training', [['2027-02-01', 'skipped'], ['2027-03-10']], { anchorDate: '2026-03-10' });
    expect(taskForDate(twoOpen, '2027-01-15')?.task).toMatchObject({ dueDate: '2027-03-10', status: 'open' });
    const otherWay = duty('training', [['2027-03-10', 'done'], ['2027-02-01']], { anchorDate: '2026-03-10' });
    expect(taskForDate(otherWay, '2027-01-15')?.task).toMatchObject({ dueDate: '2027-02-01', status: 'open' });
    const noneOpen = duty('training', [['2027-03-10', 'done'], ['2027-02-01', 'skipped']], { anchorDate: '2026-03-10' });
    expect(taskForDate(noneOpen, '2027-01-15')?.task.dueDate).toBe('2027-03-10');
  });
});

describe('which task a session meets', () => {
  const training = duty('training', [['2027-03-10']]);

  it('meets the open task of its period: privacy team and IT staff sessions by being held', () => {
    for (const [kind, audience] of [['leadershipTraining', 'privacyTeam'], ['teamTraining', 'privacyTeam'], ['itStaffTraining', 'itStaff']] as const) {
      const result = check(duty(kind, [['2027-03-10']]), session({ audience, topics: ['awareness'] }));
      expect(result, kind).toEqual({ kind: 'met', complete: true, taskId: `duty:${kind}|organization|self#2027-03-10`, dueDate: '2027-03-10', period: { after: '2026-03-10', through: '2027-03-10' } });
    }
  });

  it('meets the all-staff duty when the session covers the statutory topics', () => {
    expect(kindOf(check(training, session()))).toBe('met:true');
    expect(kindOf(check(duty('staffTraining', [['2027-03-10']]), session()))).toBe('met:true');
  });

  it('does not meet the all-staff duty while the period\'s all-staff sessions lack statutory topics', () => {
    const result = check(training, session({ topics: ['law', 'awareness'] }));
    expect(result).toMatchObject({ kind: 'statutoryTopicsMissing', missingTopics: ['responsibilities', 'planRequirements'], dueDate: '2027-03-10' });
    expect(kindOf(check(duty('staffTraining', [['2027-03-10']]), session({ topics: ['awareness'] })))).toBe('statutoryTopicsMissing');
  });

  it('counts the other all-staff sessions of the period, held ones only, and this session as it will be', () => {
    const partial = session({ topics: ['law'] });
    const earlier = session({ heldOn: '2026-04-01', topics: ['responsibilities', 'planRequirements'] });
    expect(kindOf(check(training, partial, [earlier]))).toBe('met:true');
    // Before the period, cancelled, or for another audience: not counted.
    expect(kindOf(check(training, partial, [{ ...earlier, heldOn: '2026-03-10' }]))).toBe('statutoryTopicsMissing');
    expect(kindOf(check(training, partial, [{ ...earlier, status: 'cancelled' }]))).toBe('statutoryTopicsMissing');
    expect(kindOf(check(training, partial, [{ ...earlier, audience: 'privacyTeam' }]))).toBe('statutoryTopicsMissing');
    // The session's stored version (all topics) is replaced by the corrected one (law only).
    expect(kindOf(check(training, partial, [{ ...partial, topics: ['law', 'responsibilities', 'planRequirements'] }]))).toBe('statutoryTopicsMissing');
  });

  it('does not meet a task already closed, unless this session met it before', () => {
    const done = duty('training', [['2027-03-10', 'done'], ['2028-03-10']]);
    const s = session();
    expect(check(done, s)).toMatchObject({ kind: 'taskClosed', status: 'done', dueDate: '2027-03-10' });
    expect(check(done, s, [], [`${done.dutyId}#2027-03-10`])).toMatchObject({ kind: 'met', complete: false, dueDate: '2027-03-10' });
    const skipped = duty('training', [['2027-03-10', 'skipped']]);
    expect(check(skipped, s, [], [`${skipped.dutyId}#2027-03-10`])).toMatchObject({ kind: 'taskClosed', status: 'skipped' });
    // A closed task wins over missing topics: nothing is left to meet.
    expect(kindOf(check(done, session({ topics: ['awareness'] })))).toBe('taskClosed');
  });

  it('meets no task outside every stored task\'s period', () => {
    expect(check(training, session({ heldOn: '2026-03-10' }))).toEqual({ kind: 'noTask' });
    expect(check(training, session({ heldOn: '2025-12-31' }))).toEqual({ kind: 'noTask' });
    expect(check(duty('training', []), session())).toEqual({ kind: 'noTask' });
  });

  it('leaves another audience\'s duty, and cancelled sessions, alone', () => {
    expect(check(training, session({ audience: 'itStaff' }))).toEqual({ kind: 'otherAudience' });
    expect(check(duty('itStaffTraining', [['2027-03-10']]), session())).toEqual({ kind: 'otherAudience' });
    expect(check(duty('riskAssessment', [['2027-03-10']]), session())).toEqual({ kind: 'otherAudience' });
    expect(check(training, session({ status: 'cancelled' }))).toEqual({ kind: 'otherAudience' });
  });
});

describe('the check in words', () => {
  const period = { after: '2026-03-10', through: '2027-03-10' };
  const ref = { taskId: 't', dueDate: '2027-03-10', period };

  it('says each outcome in zh-TW and English', () => {
    const checks: TrainingTaskCheck[] = [
      { kind: 'met', complete: true, ...ref },
      { kind: 'statutoryTopicsMissing', missingTopics: ['law', 'planRequirements'], ...ref },
      { kind: 'taskClosed', status: 'done', ...ref },
      { kind: 'taskClosed', status: 'skipped', ...ref },
      { kind: 'noTask' },
      { kind: 'otherAudience' },
    ];
    const texts = checks.map(trainingTaskCheckText);
    for (const text of texts) expect(text.zhTW.length > 5 && text.en.length > 5).toBe(true);
    expect(new Set(texts.map((t) => t.en)).size).toBe(checks.length);
    expect(texts[0]!.en).toContain('2027-03-10');
    expect(texts[0]!.zhTW).toContain('2026-03-10');
    expect(texts[1]!.zhTW).toContain('個人資料保護相關法令之規定');
    expect(texts[1]!.en).toContain('Personal data protection law');
    expect(texts[1]!.en).toContain('stays open');
    expect(trainingTaskCheckText({ kind: 'met', complete: true, taskId: 't', dueDate: '2027-03-10', period: { after: null, through: '2027-03-10' } }).en).toContain('on or before 2027-03-10');
  });

  it('lists the statutory topics no held all-staff session covered', () => {
    expect(missingStatutoryTopicsOf([])).toEqual(['law', 'responsibilities', 'planRequirements']);
    expect(missingStatutoryTopicsOf([session({ topics: ['law'] }), session({ topics: ['planRequirements'], status: 'cancelled' }), session({ audience: 'itStaff', topics: ['responsibilities'] })])).toEqual(['responsibilities', 'planRequirements']);
    expect(missingStatutoryTopicsOf([session({ topics: ['law', 'responsibilities'] }), session({ topics: ['planRequirements'] })])).toEqual([]);
  });
});
