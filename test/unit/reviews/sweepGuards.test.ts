/**
 * The sweep's guards (domain/reviews/sweep.ts), each pinned by a case only it decides. Found by
 * mutation testing: removing the horizon guard on loaded tasks, the "nobody to send to" checks,
 * the latest-loaded-task rule or the address normalisation left every sweep test green.
 */
import { describe, expect, it } from 'vitest';
import { planSweep, reminderKey } from '../../../domain/reviews/sweep';
import { addDays } from '../../../domain/shared/isoDate';
import { convener, directory, makeDuty, representative, taskFor } from './support';

const DUE = '2026-12-31';

describe('planSweep guards', () => {
  it('ignores a loaded task beyond the horizon: the occurrence inside the horizon is still opened', () => {
    const duty = makeDuty({ anchorDate: DUE });
    const far = taskFor(duty, '2027-12-31');
    const plan = planSweep({ asOf: '2026-12-15', duties: [duty], tasksDueUpTo: [far], remindersAlreadySent: new Set(), directory });
    expect(plan.horizon).toBe('2027-01-14');
    expect(plan.tasksToOpen.map((t) => t.dueDate)).toEqual([DUE]);
    expect(plan.digest.map((r) => r.dueDate)).toEqual([DUE]);
  });

  it('counts from the latest loaded task whatever the order the tasks come in', () => {
    const monthly = makeDuty({ dutyKind: 'backupCheck', anchorDate: '2026-11-20', frequency: { every: 1, unit: 'month' } });
    const later = taskFor(monthly, '2026-12-20');
    const earlier = taskFor(monthly, '2026-11-20');
    const plan = planSweep({ asOf: '2026-12-01', duties: [monthly], tasksDueUpTo: [later, earlier], remindersAlreadySent: new Set(), directory });
    expect(plan.tasksToOpen).toEqual([]);
  });

  it('reports nobody unresolved when owner and escalation roles all have someone', () => {
    const roleDuty = makeDuty({ anchorDate: DUE, owner: { role: 'securityLead' } });
    const plan = planSweep({ asOf: addDays(DUE, 21), duties: [roleDuty], tasksDueUpTo: [taskFor(roleDuty, DUE)], remindersAlreadySent: new Set(), directory });
    expect(plan.digest.map((r) => r.audience)).toEqual(['owner', 'escalation', 'escalation']);
    expect(plan.unresolved).toEqual([]);
  });

  it('a named owner without a locale is written to in zh-TW', () => {
    const duty = makeDuty({ anchorDate: DUE, owner: { name: '技安', email: 'jian@example.com' } });
    const plan = planSweep({ asOf: DUE, duties: [duty], tasksDueUpTo: [taskFor(duty, DUE)], remindersAlreadySent: new Set(), directory });
    expect(plan.digest.map((r) => r.recipient)).toEqual([{ name: '技安', email: 'jian@example.com', locale: 'zh-TW' }]);
  });

  it('treats addresses that differ only in case or spaces as one recipient', () => {
    expect(reminderKey('t1', 'dueDay', '  Jian@Example.COM ')).toBe('t1|dueDay|jian@example.com');
    const duty = makeDuty({ anchorDate: DUE, owner: { name: convener.name, email: ` ${convener.email.toUpperCase()} ` } });
    const plan = planSweep({ asOf: addDays(DUE, 14), duties: [duty], tasksDueUpTo: [taskFor(duty, DUE)], remindersAlreadySent: new Set(), directory });
    expect(plan.digest.map((r) => [r.reminderKey.split('|').at(-1), r.audience])).toEqual([[convener.email, 'owner'], [representative.email, 'escalation']]);
  });

  it('plans in a stable order: duties by id, then tasks by due date', () => {
    const a = makeDuty({ dutyKind: 'aReview', anchorDate: '2026-12-10', frequency: { every: 7, unit: 'day' } });
    const b = makeDuty({ dutyKind: 'bReview', anchorDate: '2026-12-10', frequency: { every: 7, unit: 'day' } });
    const tasks = [taskFor(b, '2026-12-17'), taskFor(b, '2026-12-10'), taskFor(a, '2026-12-17'), taskFor(a, '2026-12-10')];
    const plan = planSweep({ asOf: '2026-12-10', duties: [b, a], tasksDueUpTo: tasks, remindersAlreadySent: new Set(), directory });
    // Loaded and newly opened occurrences (up to the 30-day horizon) interleave by due date.
    const weeks = ['2026-12-10', '2026-12-17', '2026-12-24', '2026-12-31', '2027-01-07'];
    expect(plan.digest.map((r) => `${r.dutyKind}@${r.dueDate}`)).toEqual([...weeks.map((d) => `aReview@${d}`), ...weeks.map((d) => `bReview@${d}`)]);
  });
});
