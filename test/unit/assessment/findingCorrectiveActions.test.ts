import { describe, expect, it } from 'vitest';
import { openCorrectiveAction, transitionCorrectiveAction } from '../../../domain/correctiveAction';
import { correctiveActionDeadlineSpec, correctiveActionDutyId } from '../../../functions/correctiveActions/correctiveActionDeadlines';

const finding = { kind: 'assessmentFinding', assessmentId: 'cas_1', itemNumber: '1.3.1.2' } as const;
const action = () => ({ ...openCorrectiveAction({ kind: 'corrective', title: '辦理教育訓練', description: '', owner: 'hr@example.com', dueDate: '2026-04-30' }, 'cpa_1', '2026-04-01T00:00:00Z', 'dpo'), assessmentId: 'cas_1', itemNumber: '1.3.1.2' });

describe('corrective actions of assessment findings follow the incidents\' rules', () => {
  it('seed 000 §15(1)3: effectiveness is verified by someone other than the owner, after done', () => {
    const done = transitionCorrectiveAction(action(), { to: 'done', at: '2026-04-20T00:00:00Z', by: 'hr@example.com' });
    if (!done.ok) throw new Error('done refused');
    expect(done.value).toMatchObject({ status: 'done', assessmentId: 'cas_1', itemNumber: '1.3.1.2' });
    expect(transitionCorrectiveAction(done.value, { to: 'verified', at: '2026-04-21T00:00:00Z', by: 'hr@example.com' })).toMatchObject({ ok: false, error: { code: 'VERIFIER_IS_OWNER' } });
    expect(transitionCorrectiveAction(action(), { to: 'verified', at: '2026-04-21T00:00:00Z', by: 'audit' })).toMatchObject({ ok: false, error: { code: 'ACTION_TRANSITION_REFUSED' } });
  });

  it('each cause gets its own duty; an incident action keeps the duty id it always had', () => {
    expect(correctiveActionDutyId({ kind: 'incident', incidentId: 'inc_1' }, 'cpa_1')).toBe('duty:correctiveAction|incident|inc_1/cpa_1');
    expect(correctiveActionDutyId(finding, 'cpa_1')).toBe('duty:correctiveAction|assessment|cas_1/1.3.1.2/cpa_1');
    const spec = correctiveActionDeadlineSpec(finding, action());
    expect(spec).toMatchObject({ dueDate: '2026-04-30', source: 'assessment', owner: { email: 'hr@example.com' }, resourcePath: '/v1/assessments/cas_1/findings' });
    expect(spec.legalBasis.zhTW).toContain('第15點');
    expect(correctiveActionDeadlineSpec(finding, { ...action(), owner: '人資部' }).owner).toEqual({ role: 'privacyOfficer' });
  });
});
