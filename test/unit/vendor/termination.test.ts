import { describe, expect, it } from 'vitest';
import { confirmReturnOrDeletion, disposalRecordMayBeDiscarded, returnDeletionState, terminateContract, type ReturnDeletionConfirmation } from '../../../domain/vendor/termination';
import { contract } from './fixtures';

const confirmation = (confirmedOn: string, evidenceRefs = ['刪除證明.pdf']): ReturnDeletionConfirmation => ({
  method: 'deleted',
  confirmedOn,
  confirmedBy: '個資管理專責人員',
  evidenceRefs,
});

describe('terminateContract', () => {
  it('opens a return/deletion obligation due 30 days later by default, across the year end', () => {
    const result = terminateContract(contract(), { terminatedOn: '2024-12-15', reason: '契約到期' });
    if (!result.ok) throw new Error('terminate failed');
    expect(result.value.contract).toMatchObject({ terminatedOn: '2024-12-15', terminationReason: '契約到期' });
    expect(result.value.obligation).toEqual({ contractId: 'c1', vendorId: 'v1', openedOn: '2024-12-15', dueOn: '2025-01-14', status: 'open' });
  });
  it('takes a configured number of days', () => {
    const result = terminateContract(contract(), { terminatedOn: '2024-02-01', reason: 'x', returnDeletionDays: 28 });
    expect(result.ok && result.value.obligation.dueOn).toBe('2024-02-29');
  });
  it('refuses a second termination and a termination before the start', () => {
    expect(terminateContract(contract({ terminatedOn: '2024-05-01' }), { terminatedOn: '2024-06-01', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONTRACT_ALREADY_TERMINATED', kind: 'conflict' },
    });
    expect(terminateContract(contract(), { terminatedOn: '2023-12-31', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'TERMINATION_BEFORE_CONTRACT_START' } });
    expect(terminateContract(contract(), { terminatedOn: '2024-01-01', reason: 'x' }).ok).toBe(true);
  });
});

describe('return/deletion obligation', () => {
  const opened = terminateContract(contract(), { terminatedOn: '2024-06-30', reason: '解約' });
  if (!opened.ok) throw new Error('setup');
  const obligation = opened.value.obligation;

  it('is open through the due day and overdue the day after', () => {
    expect(obligation.dueOn).toBe('2024-07-30');
    expect(returnDeletionState(obligation, '2024-07-30')).toEqual({ state: 'open', daysOverdue: 0 });
    expect(returnDeletionState(obligation, '2024-07-31')).toEqual({ state: 'overdue', daysOverdue: 1 });
  });
  it('closes only with evidence, on or after termination, and keeps the record 5 years', () => {
    expect(confirmReturnOrDeletion(obligation, confirmation('2024-07-10', []))).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_EVIDENCE_REQUIRED' } });
    expect(confirmReturnOrDeletion(obligation, confirmation('2024-06-29'))).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_BEFORE_OBLIGATION' } });
    const closed = confirmReturnOrDeletion(obligation, confirmation('2024-07-10'));
    if (!closed.ok) throw new Error('confirm failed');
    expect(closed.value).toMatchObject({ status: 'closed', retainUntil: '2029-07-10' });
    expect(returnDeletionState(closed.value, '2030-01-01')).toEqual({ state: 'closed', daysOverdue: 0 });
    expect(confirmReturnOrDeletion(closed.value, confirmation('2024-07-11'))).toMatchObject({ ok: false, error: { code: 'OBLIGATION_ALREADY_CLOSED', kind: 'conflict' } });
    expect(disposalRecordMayBeDiscarded(closed.value, '2029-07-10')).toBe(false);
    expect(disposalRecordMayBeDiscarded(closed.value, '2029-07-11')).toBe(true);
    expect(disposalRecordMayBeDiscarded(obligation, '2099-01-01')).toBe(false);
  });
  it('marks a late confirmation as closedLate', () => {
    const closed = confirmReturnOrDeletion(obligation, confirmation('2024-08-02'));
    expect(closed.ok && returnDeletionState(closed.value, '2024-08-02')).toEqual({ state: 'closedLate', daysOverdue: 3 });
  });
  it('keeps a record confirmed on 29 February until 28 February five years on', () => {
    const early = { ...obligation, openedOn: '2024-02-01', dueOn: '2024-03-02' };
    const closed = confirmReturnOrDeletion(early, confirmation('2024-02-29'));
    expect(closed.ok && closed.value.retainUntil).toBe('2029-02-28');
  });
});
