/**
 * Ending an entrustment (Enforcement Rules Art. 8 ¶2 item 6; seed 000 §14): the vendor must
 * return data carriers and delete what it stored. Ending the contract opens that obligation with
 * a due date; only a confirmation with evidence closes it, and the record is kept 5 years.
 */
import { z } from 'zod';
import { addDays, addYears, compareIsoDate, daysBetween, type IsoDate } from '../shared/isoDate';
import type { Contract } from './contract';
import { vendorFail, vendorOk, type VendorOutcome } from './errors';

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
): VendorOutcome<{ contract: Contract; obligation: ReturnDeletionObligation }> {
  if (contract.terminatedOn !== undefined) {
    return vendorFail('CONTRACT_ALREADY_TERMINATED', 'conflict', '此委外契約已終止', 'This contract has already been terminated');
  }
  if (compareIsoDate(input.terminatedOn, contract.period.start) < 0) {
    return vendorFail('TERMINATION_BEFORE_CONTRACT_START', 'invalid', '終止日不得早於契約開始日', 'The termination date cannot precede the contract start');
  }
  const days = input.returnDeletionDays ?? DEFAULT_RETURN_DELETION_DAYS;
  return vendorOk({
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
): VendorOutcome<ReturnDeletionObligation> {
  if (obligation.status === 'closed') {
    return vendorFail('OBLIGATION_ALREADY_CLOSED', 'conflict', '返還／刪除義務已確認結案', 'The return/deletion obligation is already closed');
  }
  if (compareIsoDate(confirmation.confirmedOn, obligation.openedOn) < 0) {
    return vendorFail('CONFIRMATION_BEFORE_OBLIGATION', 'invalid', '確認日不得早於契約終止日', 'The confirmation cannot precede the termination');
  }
  if (confirmation.evidenceRefs.length === 0) {
    return vendorFail('CONFIRMATION_EVIDENCE_REQUIRED', 'invalid', '須附返還或刪除之證明', 'Proof of the return or deletion is required');
  }
  return vendorOk({
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
