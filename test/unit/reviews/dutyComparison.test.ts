/**
 * What counts as a change to a duty (domain/reviews/duty.ts) and the guards on task transitions
 * (domain/reviews/reviewTask.ts). Found by mutation testing: dropping the title, legal-basis or
 * urgency comparison, or the frequency/owner equality details, left every test green.
 */
import { describe, expect, it } from 'vitest';
import { reconcileDuties, sameFrequency, sameOwner, type DutyDefinition } from '../../../domain/reviews/duty';
import { completeTask, skipTask } from '../../../domain/reviews/reviewTask';
import { makeDuty, taskFor } from './support';

describe('sameFrequency', () => {
  it('is equal only for the same count and unit, and null only equals null', () => {
    expect(sameFrequency(null, null)).toBe(true);
    expect(sameFrequency(null, { every: 1, unit: 'year' })).toBe(false);
    expect(sameFrequency({ every: 1, unit: 'year' }, null)).toBe(false);
    expect(sameFrequency({ every: 1, unit: 'year' }, { every: 1, unit: 'year' })).toBe(true);
    expect(sameFrequency({ every: 1, unit: 'year' }, { every: 2, unit: 'year' })).toBe(false);
    expect(sameFrequency({ every: 1, unit: 'year' }, { every: 1, unit: 'month' })).toBe(false);
  });
});

describe('sameOwner', () => {
  const person = { name: '技安', email: 'Jian@Example.com' };
  it('compares roles by name, and a role never equals a person', () => {
    expect(sameOwner({ role: 'convener' }, { role: 'convener' })).toBe(true);
    expect(sameOwner({ role: 'convener' }, { role: 'securityLead' })).toBe(false);
    expect(sameOwner({ role: 'convener' }, person)).toBe(false);
    expect(sameOwner(person, { role: 'convener' })).toBe(false);
  });

  it('compares people by name, e-mail (any case) and locale (zh-TW by default)', () => {
    expect(sameOwner(person, { name: '技安', email: 'jian@example.com', locale: 'zh-TW' })).toBe(true);
    expect(sameOwner(person, { name: '大雄', email: 'jian@example.com' })).toBe(false);
    expect(sameOwner(person, { name: '技安', email: 'other@example.com' })).toBe(false);
    expect(sameOwner(person, { name: '技安', email: 'jian@example.com', locale: 'en' })).toBe(false);
  });
});

describe('reconcileDuties: each field that changes a duty', () => {
  const stored = makeDuty();
  const definition: DutyDefinition = { dutyKind: stored.dutyKind, title: stored.title, legalBasis: stored.legalBasis, frequency: stored.frequency, owner: { name: '技安', email: 'jian@example.com' } };
  const changesFor = (edit: Partial<DutyDefinition>, current = stored) => {
    const result = reconcileDuties([current], [{ ...definition, ...edit }], { asOf: '2026-01-01' });
    return result.update.map((u) => u.changes);
  };

  it('leaves an identical duty unchanged (no urgency given = not urgent)', () => {
    const result = reconcileDuties([stored], [definition], { asOf: '2026-01-01' });
    expect(result).toMatchObject({ create: [], update: [], retire: [] });
    expect(result.unchanged).toEqual([stored]);
  });

  it('names the title, the legal basis and the urgency when they change', () => {
    expect(changesFor({ title: { ...stored.title, en: 'Inventory' } })).toEqual([['title']]);
    expect(changesFor({ title: { ...stored.title, zhTW: '盤點' } })).toEqual([['title']]);
    expect(changesFor({ legalBasis: { ...stored.legalBasis, en: 'Art. 5' } })).toEqual([['legalBasis']]);
    expect(changesFor({ legalBasis: { ...stored.legalBasis, zhTW: '第5條' } })).toEqual([['legalBasis']]);
    expect(changesFor({ urgent: true })).toEqual([['urgent']]);
    expect(changesFor({}, { ...stored, urgent: true })).toEqual([['urgent']]);
    expect(changesFor({ frequency: { every: 2, unit: 'year' }, owner: { name: '大雄', email: 'jian@example.com' } })).toEqual([['frequency', 'owner']]);
  });
});

describe('task transitions refuse the wrong duty and a closed task', () => {
  const duty = makeDuty();
  const other = makeDuty({ dutyKind: 'staffTraining' });
  const completion = { by: 'key:k1', at: '2026-12-30T02:00:00Z' };

  it('a task of another duty is forbidden by rule, naming both', () => {
    const task = taskFor(other, '2026-12-31');
    const expected = { ok: false, error: { kind: 'forbiddenByRule', code: 'dutyMismatch', message: { zhTW: '工作與義務不一致', en: `Task ${task.taskId} does not belong to ${duty.dutyId}` } } };
    expect(completeTask(duty, task, completion, 'Asia/Taipei')).toEqual(expected);
    expect(skipTask(duty, task, { ...completion, reason: '不適用' })).toEqual(expected);
  });

  it('a done or skipped task is a conflict, naming its status', () => {
    for (const status of ['done', 'skipped'] as const) {
      const task = taskFor(duty, '2026-12-31', { status });
      const expected = { ok: false, error: { kind: 'conflict', code: 'taskNotOpen', message: { zhTW: '此工作已完成或已略過', en: `Task ${task.taskId} is already ${status}` } } };
      expect(completeTask(duty, task, completion, 'Asia/Taipei')).toEqual(expected);
      expect(skipTask(duty, task, { ...completion, reason: '不適用' })).toEqual(expected);
    }
  });
});
