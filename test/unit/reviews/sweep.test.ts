import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../domain/shared/isoDate';
import type { Duty } from '../../../domain/reviews/duty';
import type { ReviewTask } from '../../../domain/reviews/reviewTask';
import { isCadenceDay, latestCadenceStep, planSweep, reminderKey, type PlannedReminder } from '../../../domain/reviews/sweep';
import { convener, directory, makeDuty, representative, taskFor } from './support';

const DUE = '2026-12-31';
const duty = makeDuty({ anchorDate: DUE });
const task = taskFor(duty, DUE);
const OWNER = 'jian@example.com';

function sweepOn(asOf: string, sent: Iterable<string> = [], options: { duties?: Duty[]; tasks?: ReviewTask[] } = {}) {
  return planSweep({ asOf, duties: options.duties ?? [duty], tasksDueUpTo: options.tasks ?? [task], remindersAlreadySent: new Set(sent), directory });
}

function keysOf(reminders: readonly PlannedReminder[]): string[] {
  return reminders.map((r) => r.reminderKey);
}

describe('cadence steps', () => {
  it('finds the latest step at each boundary', () => {
    const cases: [number, string | null][] = [
      [-31, null],
      [-30, 'before30'],
      [-29, 'before30'],
      [-8, 'before30'],
      [-7, 'before7'],
      [-2, 'before7'],
      [-1, 'before1'],
      [0, 'dueDay'],
      [6, 'dueDay'],
      [7, 'overdue7'],
      [13, 'overdue7'],
      [14, 'overdue14'],
      [15, 'overdue14'],
      [20, 'overdue14'],
      [21, 'overdue21'],
      [70, 'overdue70'],
    ];
    for (const [days, id] of cases) expect(latestCadenceStep(days)?.id ?? null, String(days)).toBe(id);
  });

  it('marks exactly the cadence days', () => {
    const days = Array.from({ length: 80 }, (_, i) => i - 40).filter(isCadenceDay);
    expect(days).toEqual([-30, -7, -1, 0, 7, 14, 21, 28, 35]);
  });
});

describe('planSweep cadence over a task life', () => {
  it('reminds the owner 30, 7, 1 days before, on the due day and weekly after; escalates from 14 days overdue', () => {
    const sent = new Set<string>();
    const sentOn: Record<string, number[]> = {};
    for (let offset = -45; offset <= 30; offset += 1) {
      const asOf = addDays(DUE, offset);
      const plan = sweepOn(asOf, sent);
      for (const r of plan.digest) {
        sent.add(r.reminderKey);
        (sentOn[r.recipient.email] ??= []).push(daysBetween(DUE, asOf));
        expect(r.daysUntilDue).toBe(-offset);
        expect(r.escalated).toBe(offset >= 14);
      }
      expect(plan.immediate).toEqual([]);
    }
    expect(sentOn[OWNER]).toEqual([-30, -7, -1, 0, 7, 14, 21, 28]);
    expect(sentOn[convener.email]).toEqual([14, 21, 28]);
    expect(sentOn[representative.email]).toEqual([14, 21, 28]);
  });

  it('sends nothing twice when run twice on the same day', () => {
    const first = sweepOn('2026-12-24');
    expect(keysOf(first.digest)).toEqual([reminderKey(task.taskId, 'before7', OWNER)]);
    const second = sweepOn('2026-12-24', keysOf(first.digest));
    expect(second.digest).toEqual([]);
    expect(second.immediate).toEqual([]);
    // The same inputs always give the same keys.
    expect(keysOf(sweepOn('2026-12-24').digest)).toEqual(keysOf(first.digest));
  });

  it('a late sweep sends only the most recent missed step', () => {
    const sent = [reminderKey(task.taskId, 'before30', OWNER)];
    const late = sweepOn('2026-12-28', sent); // missed the 7-day step on Dec 24
    expect(late.digest.map((r) => [r.step.id, r.daysUntilDue])).toEqual([['before7', 3]]);

    const veryLate = sweepOn('2027-01-16'); // 16 days overdue, nothing ever sent
    expect(veryLate.digest.map((r) => [r.step.id, r.recipient.email, r.audience])).toEqual([
      ['overdue14', OWNER, 'owner'],
      ['overdue14', convener.email, 'escalation'],
      ['overdue14', representative.email, 'escalation'],
    ]);
  });

  it('escalates at 14 days overdue, not at 13, and catches up the escalation at 15', () => {
    const upTo7 = ['before30', 'before7', 'before1', 'dueDay', 'overdue7'].map((step) => reminderKey(task.taskId, step, OWNER));
    expect(sweepOn(addDays(DUE, 13), upTo7).digest).toEqual([]);
    const day13Unsent = sweepOn(addDays(DUE, 13));
    expect(day13Unsent.digest.map((r) => [r.step.id, r.escalated, r.recipient.email])).toEqual([['overdue7', false, OWNER]]);

    const day14 = sweepOn(addDays(DUE, 14), upTo7);
    expect(day14.digest.map((r) => [r.step.id, r.escalated, r.audience, r.recipient.email])).toEqual([
      ['overdue14', true, 'owner', OWNER],
      ['overdue14', true, 'escalation', convener.email],
      ['overdue14', true, 'escalation', representative.email],
    ]);
    const day15 = sweepOn(addDays(DUE, 15), upTo7);
    expect(keysOf(day15.digest)).toEqual(keysOf(day14.digest));
    // Escalation already sent to the convener only: the representative still gets it.
    const partly = sweepOn(addDays(DUE, 15), [...upTo7, reminderKey(task.taskId, 'overdue14', OWNER), reminderKey(task.taskId, 'overdue14', convener.email)]);
    expect(partly.digest.map((r) => r.recipient.email)).toEqual([representative.email]);
  });

  it('sends one reminder when the owner is also the convener', () => {
    const ownerConvener = makeDuty({ anchorDate: DUE, owner: { name: convener.name, email: 'Convener@Example.com' } });
    const t = taskFor(ownerConvener, DUE);
    const plan = sweepOn(addDays(DUE, 14), [], { duties: [ownerConvener], tasks: [t] });
    expect(plan.digest.map((r) => [r.recipient.email.toLowerCase(), r.audience, r.escalated])).toEqual([
      [convener.email, 'owner', true],
      [representative.email, 'escalation', true],
    ]);
  });
});

describe('planSweep recipients and delivery', () => {
  it('resolves role owners through the directory and reports missing ones', () => {
    const roleDuty = makeDuty({ anchorDate: DUE, owner: { role: 'securityLead' } });
    const plan = sweepOn('2026-12-30', [], { duties: [roleDuty], tasks: [taskFor(roleDuty, DUE)] });
    expect(plan.digest.map((r) => [r.recipient.email, r.recipient.locale])).toEqual([['afu@example.com', 'en']]);

    const nobody = makeDuty({ anchorDate: DUE, owner: { role: 'dpo' } });
    const missing = planSweep({ asOf: addDays(DUE, 14), duties: [nobody], tasksDueUpTo: [taskFor(nobody, DUE)], remindersAlreadySent: new Set(), directory: {} });
    expect(missing.digest).toEqual([]);
    expect(missing.unresolved).toEqual([
      { taskId: taskFor(nobody, DUE).taskId, audience: 'owner', roles: ['dpo'] },
      { taskId: taskFor(nobody, DUE).taskId, audience: 'escalation', roles: ['convener', 'representative'] },
    ]);
  });

  it('sends urgent duties at once rather than in the digest', () => {
    const urgent = makeDuty({ dutyKind: 'incidentAuthorityNotification', subject: { kind: 'incident', id: 'i1' }, frequency: null, anchorDate: '2026-03-14', urgent: true });
    const plan = sweepOn('2026-03-11', [], { duties: [urgent, duty], tasks: [taskFor(urgent, '2026-03-14'), task] });
    expect(plan.digest).toEqual([]);
    expect(plan.immediate.map((r) => [r.step.id, r.daysUntilDue, r.urgent])).toEqual([['before7', 3, true]]);
  });

  it('skips done and skipped tasks, retired duties and tasks beyond the horizon', () => {
    const doneTask = { ...task, status: 'done' as const };
    expect(sweepOn('2026-12-31', [], { tasks: [doneTask] }).digest).toEqual([]);
    expect(sweepOn('2026-12-31', [], { tasks: [{ ...task, status: 'skipped' }] }).digest).toEqual([]);
    const retired = { ...duty, retiredOn: '2026-06-01' };
    const plan = sweepOn('2026-12-31', [], { duties: [retired] });
    expect([plan.digest, plan.tasksToOpen]).toEqual([[], []]);
    expect(sweepOn('2026-11-30', [], { tasks: [task] }).digest).toEqual([]);
    expect(sweepOn('2026-12-01', [], { tasks: [task] }).digest).toHaveLength(1);
  });
});

describe('planSweep opens next occurrences', () => {
  const quarterly = makeDuty({ dutyKind: 'officeFirewallUpdate', anchorDate: '2026-01-15', frequency: { every: 3, unit: 'month' }, owner: { role: 'securityLead' } });

  it('opens the first occurrence once it is within 30 days, and reminds for it in the same run', () => {
    expect(sweepOn('2025-12-15', [], { duties: [quarterly], tasks: [] }).tasksToOpen).toEqual([]);
    const plan = sweepOn('2025-12-16', [], { duties: [quarterly], tasks: [] });
    expect(plan.tasksToOpen.map((t) => [t.taskId, t.dueDate, t.status, t.owner])).toEqual([[`${quarterly.dutyId}#2026-01-15`, '2026-01-15', 'open', { role: 'securityLead' }]]);
    expect(plan.digest.map((r) => [r.taskId, r.step.id])).toEqual([[`${quarterly.dutyId}#2026-01-15`, 'before30']]);
  });

  it('opens the occurrence after the latest loaded task, even when that one is still open', () => {
    const january = taskFor(quarterly, '2026-01-15');
    const plan = sweepOn('2026-03-20', [], { duties: [quarterly], tasks: [january] });
    expect(plan.tasksToOpen.map((t) => t.dueDate)).toEqual(['2026-04-15']);
    // The January one is 64 days overdue (step 63) and the new one is 26 days ahead.
    expect(plan.digest.filter((r) => r.audience === 'owner').map((r) => [r.dueDate, r.step.id])).toEqual([
      ['2026-01-15', 'overdue63'],
      ['2026-04-15', 'before30'],
    ]);
    expect(sweepOn('2026-03-20', [], { duties: [quarterly], tasks: [january, taskFor(quarterly, '2026-04-15')] }).tasksToOpen).toEqual([]);
  });

  it('never reopens a one-time deadline that has its task', () => {
    const oneTime = makeDuty({ dutyKind: 'contractEnd', subject: { kind: 'contract', id: 'c1' }, frequency: null, anchorDate: '2026-04-01' });
    expect(sweepOn('2026-03-10', [], { duties: [oneTime], tasks: [] }).tasksToOpen.map((t) => t.dueDate)).toEqual(['2026-04-01']);
    expect(sweepOn('2026-03-10', [], { duties: [oneTime], tasks: [{ ...taskFor(oneTime, '2026-04-01'), status: 'done' }] }).tasksToOpen).toEqual([]);
    expect(sweepOn('2026-05-10', [], { duties: [oneTime], tasks: [{ ...taskFor(oneTime, '2026-04-01'), status: 'done' }] }).tasksToOpen).toEqual([]);
  });
});
