/**
 * Case numbers (案號) of data-subject requests: short enough to read out on the phone, e.g.
 * `DSR-1150302-0007` = the 7th request received on ROC 115-03-02 (2026-03-02). The sequence is
 * per tenant and receipt day; its uniqueness is kept by the store (a conditional counter write).
 */
import { rocYearOf } from '../plan/rocDate';
import { parseIsoDate, type IsoDate } from '../shared/isoDate';

export const CASE_NUMBER_PATTERN = /^DSR-\d{7}-\d{4,}$/;

export function formatCaseNumber(receivedDate: IsoDate, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`A case sequence is a positive integer, got ${sequence}`);
  const { year, month, day } = parseIsoDate(receivedDate);
  const rocYear = rocYearOf(year);
  if (rocYear < 1) throw new RangeError(`No ROC year before 1912: ${receivedDate}`);
  const two = (n: number) => String(n).padStart(2, '0');
  return `DSR-${String(rocYear).padStart(3, '0')}${two(month)}${two(day)}-${String(sequence).padStart(4, '0')}`;
}
