import { describe, expect, it } from 'vitest';
import { acknowledgePlanUpdate, addCorrectiveAction, overdueCorrectiveActions, transitionCorrectiveAction, type CorrectiveAction } from '../../../domain/incident/correctiveActions';
import { incident } from './fixtures';

const action = (overrides: Partial<CorrectiveAction> = {}): CorrectiveAction => ({
  id: 'a1',
  incidentId: 'i1',
  kind: 'corrective',
  title: '修補弱點',
  description: '',
  owner: 'IT主管',
  dueDate: '2025-03-31',
  status: 'open',
  history: [],
  ...overrides,
});

describe('corrective and preventive actions', () => {
  it('an incident starts with plan update required; adding an action links it and keeps that flag', () => {
    const i = incident();
    expect(i.planUpdateRequired).toBe(true);
    const acknowledged = acknowledgePlanUpdate(i, '114年3月10日 8版', '2025-03-10T00:00:00Z');
    expect(acknowledged).toMatchObject({ planUpdateRequired: false, planUpdate: { planVersion: '114年3月10日 8版' } });
    const r = addCorrectiveAction(acknowledged, { kind: 'preventive', title: '導入WAF', description: '', owner: 'IT', dueDate: '2025-06-30' }, 'a9', '2025-03-11T00:00:00Z', 'DPO');
    if (!r.ok) throw new Error('add failed');
    expect(r.value.planUpdateRequired).toBe(true);
    expect(r.value.correctiveActions[0]).toMatchObject({ id: 'a9', incidentId: 'i1', status: 'open', history: [{ status: 'open', by: 'DPO' }] });
  });
  it('moves open → inProgress → done → verified, by someone other than the owner', () => {
    const at = '2025-03-20T00:00:00Z';
    const progress = transitionCorrectiveAction(action(), { to: 'inProgress', at, by: 'IT主管' });
    if (!progress.ok) throw new Error('x');
    const done = transitionCorrectiveAction(progress.value, { to: 'done', at, by: 'IT主管' });
    if (!done.ok) throw new Error('x');
    expect(transitionCorrectiveAction(done.value, { to: 'verified', at, by: 'IT主管' })).toMatchObject({ ok: false, error: { code: 'VERIFIER_IS_OWNER' } });
    const verified = transitionCorrectiveAction(done.value, { to: 'verified', at, by: '稽核小組' });
    expect(verified.ok && verified.value.history.map((h) => h.status)).toEqual(['inProgress', 'done', 'verified']);
  });
  it('refuses skipping to verified, going back to open and leaving verified', () => {
    const at = '2025-03-20T00:00:00Z';
    expect(transitionCorrectiveAction(action(), { to: 'verified', at, by: 'x' })).toMatchObject({ ok: false, error: { code: 'ACTION_TRANSITION_REFUSED', kind: 'conflict' } });
    expect(transitionCorrectiveAction(action({ status: 'inProgress' }), { to: 'open', at, by: 'x' }).ok).toBe(false);
    expect(transitionCorrectiveAction(action({ status: 'verified' }), { to: 'inProgress', at, by: 'x' }).ok).toBe(false);
    expect(transitionCorrectiveAction(action({ status: 'done' }), { to: 'inProgress', at, by: 'x' }).ok).toBe(true);
  });
  it('is overdue from the day after its due date, unless done', () => {
    const actions = [action(), action({ id: 'a2', status: 'done' }), action({ id: 'a3', dueDate: '2025-04-01', status: 'inProgress' })];
    expect(overdueCorrectiveActions(actions, '2025-03-31')).toEqual([]);
    expect(overdueCorrectiveActions(actions, '2025-04-01').map((o) => [o.action.id, o.daysOverdue])).toEqual([['a1', 1]]);
  });
  it('refuses adding to a closed incident', () => {
    const closed = { ...incident(), status: 'closed' as const };
    expect(addCorrectiveAction(closed, { kind: 'corrective', title: 't', description: '', owner: 'o', dueDate: '2025-04-01' }, 'a', '2025-03-01T00:00:00Z', 'x')).toMatchObject({
      ok: false,
      error: { code: 'INCIDENT_CLOSED' },
    });
  });
});
