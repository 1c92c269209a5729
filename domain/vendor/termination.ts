/**
 * Ending an entrustment (Enforcement Rules Art. 8 ¶2 item 6; seed 000 §14): the vendor must
 * return data carriers and delete what it stored. Ending the contract opens that obligation with
 * a due date; only a confirmation with evidence closes it, and the record is kept 5 years.
 */
import { z } from 'zod';
import { addDays, addYears, compareIsoDate, daysBetween, type IsoDate } from '../shared/isoDate';
import type { Contract } from './contract';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { VendorErrorCode } from './errors';

export const DEFAULT_RETURN_DELETION_DAYS = 30;
/** Seed 000 §14(2)4 / Q0010012 Art. 14 / K0010162 Art. 16: disposal records kept at least 5 years. */
export const DISPOSAL_RECORD_RETENTION_YEARS = 5;

export const contractTerminationInputSchema = z
  .object({
    terminatedOn: z.iso.date().describe('Last day of the entrustment'),
    reason: z.string().trim().min(1).max(2000).describe('Why the contract ends (expiry, cancellation …)'),
    returnDeletionDays: z.number().int().min(1).max(365).optional().describe('Days the vendor has to return/delete; default 30'),
  })
  .strict();
export type ContractTerminationInput = z.infer<typeof contractTerminationInputSchema>;

export const dispositionMethods = ['returned', 'deleted', 'destroyed', 'returnedAndDeleted'] as const;

export const returnDeletionConfirmationSchema = z
  .object({
    method: z.enum(dispositionMethods).describe('How the data was disposed of'),
    confirmedOn: z.iso.date().describe('Date the disposal was confirmed'),
    confirmedBy: z.string().trim().min(1).max(200).describe('Who checked it on our side'),
    location: z.string().trim().max(200).optional().describe('Where it was done (seed 000 §14: time, place, method)'),
    evidenceRefs: z.array(z.string().trim().min(1)).describe('Deletion certificate, screen recording, signed statement …'),
  })
  .strict();
export type ReturnDeletionConfirmation = z.infer<typeof returnDeletionConfirmationSchema>;

export interface ReturnDeletionObligation {
  contractId: string;
  vendorId: string;
  openedOn: IsoDate;
  dueOn: IsoDate;
  status: 'open' | 'closed';
  confirmation?: ReturnDeletionConfirmation;
  /** Keep the record at least until this date. */
  retainUntil?: IsoDate;
}

export function terminateContract(
  contract: Contract,
  input: ContractTerminationInput,
): Outcome<{ contract: Contract; obligation: ReturnDeletionObligation }, VendorErrorCode> {
  if (contract.terminatedOn !== undefined) {
    return fail('conflict', 'CONTRACT_ALREADY_TERMINATED', { zhTW: '此委外契約已終止', en: 'This contract has already been terminated' });
  }
  if (compareIsoDate(input.terminatedOn, contract.period.start) < 0) {
    return fail('invalid', 'TERMINATION_BEFORE_CONTRACT_START', { zhTW: '終止日不得早於契約開始日', en: 'The termination date cannot precede the contract start' }, { field: 'terminatedOn' });
  }
  const days = input.returnDeletionDays ?? DEFAULT_RETURN_DELETION_DAYS;
  return ok({
    contract: { ...contract, terminatedOn: input.terminatedOn, terminationReason: input.reason },
    obligation: {
      contractId: contract.id,
      vendorId: contract.vendorId,
      openedOn: input.terminatedOn,
      // Counted like a period in days: the termination day itself is not counted (Civil Code Art. 120 ¶2).
      dueOn: addDays(input.terminatedOn, days),
      status: 'open',
    },
  });
}

export function confirmReturnOrDeletion(
  obligation: ReturnDeletionObligation,
  confirmation: ReturnDeletionConfirmation,
): Outcome<ReturnDeletionObligation, VendorErrorCode> {
  if (obligation.status === 'closed') {
    return fail('conflict', 'OBLIGATION_ALREADY_CLOSED', { zhTW: '返還／刪除義務已確認結案', en: 'The return/deletion obligation is already closed' });
  }
  if (compareIsoDate(confirmation.confirmedOn, obligation.openedOn) < 0) {
    return fail('invalid', 'CONFIRMATION_BEFORE_OBLIGATION', { zhTW: '確認日不得早於契約終止日', en: 'The confirmation cannot precede the termination' }, { field: 'confirmedOn' });
  }
  if (confirmation.evidenceRefs.length === 0) {
    return fail('invalid', 'CONFIRMATION_EVIDENCE_REQUIRED', { zhTW: '須附返還或刪除之證明', en: 'Proof of the return or deletion is required' }, { field: 'evidenceRefs' });
  }
  return ok({
    ...obligation,
    status: 'closed',
    confirmation,
    retainUntil: addYears(confirmation.confirmedOn, DISPOSAL_RECORD_RETENTION_YEARS),
  });
}

export type ReturnDeletionState = 'open' | 'overdue' | 'closed' | 'closedLate';

/** The due day itself is on time. */
export function returnDeletionState(obligation: ReturnDeletionObligation, asOf: IsoDate): { state: ReturnDeletionState; daysOverdue: number } {
  if (obligation.status === 'closed' && obligation.confirmation) {
    const late = daysBetween(obligation.dueOn, obligation.confirmation.confirmedOn);
    return { state: late > 0 ? 'closedLate' : 'closed', daysOverdue: Math.max(0, late) };
  }
  const late = daysBetween(obligation.dueOn, asOf);
  return { state: late > 0 ? 'overdue' : 'open', daysOverdue: Math.max(0, late) };
}

/** True once the retention period has fully passed (the record may then be disposed of). */
export function disposalRecordMayBeDiscarded(obligation: ReturnDeletionObligation, asOf: IsoDate): boolean {
  return obligation.retainUntil !== undefined && compareIsoDate(asOf, obligation.retainUntil) > 0;
}
