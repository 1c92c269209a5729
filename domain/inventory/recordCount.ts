/**
 * The tenant's record count (個資筆數), which decides the 5,000-record thresholds of the sector
 * regulations (e.g. 數位經濟 Art. 18, MAC Art. 2).
 *
 * How it is derived: the sum of the per-file counts of the inventory. A person who appears in
 * several files (an employee in 001-1 basic data and 001-2 payroll) is counted once per file,
 * as the example's inventory counts each file separately; we have no cross-file identity to
 * de-duplicate with, and the per-file sum is the conservative (higher) figure.
 * Only files counted on or before `asOf` say anything about that day; deleted files whose
 * deletion was decided on or before `asOf` no longer hold records.
 */
import { compareIsoDate, type IsoDate } from '../shared/isoDate';
import type { PersonalDataFile } from './personalDataFile';

export interface TenantRecordCount {
  asOf: IsoDate;
  total: number;
  counted: { fileId: string; recordCount: number; countedOn: IsoDate }[];
  /** Files whose count was taken after `asOf`: not known for that day, left out. */
  notYetCounted: string[];
  /** Files deleted on or before `asOf`: hold nothing. */
  deleted: string[];
}

export function totalRecordCount(files: readonly PersonalDataFile[], asOf: IsoDate): TenantRecordCount {
  const result: TenantRecordCount = { asOf, total: 0, counted: [], notYetCounted: [], deleted: [] };
  for (const file of files) {
    const review = file.purposeReview;
    if (file.status === 'deleted' && review && compareIsoDate(review.decidedOn, asOf) <= 0) {
      result.deleted.push(file.id);
      continue;
    }
    if (compareIsoDate(file.recordCountAsOf, asOf) > 0) {
      result.notYetCounted.push(file.id);
      continue;
    }
    result.counted.push({ fileId: file.id, recordCount: file.recordCount, countedOn: file.recordCountAsOf });
    result.total += file.recordCount;
  }
  return result;
}
