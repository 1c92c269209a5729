import { describe, expect, it } from 'vitest';
import { personalDataFileSchema } from '../../../domain/inventory/personalDataFile';
import { applyPurposeReview } from '../../../domain/inventory/purposeReview';
import { totalRecordCount } from '../../../domain/inventory/recordCount';
import { exampleFiles } from '../../fixtures/inventory/loadExamples';

describe('totalRecordCount', () => {
  const files = exampleFiles();

  it('sums the per-file counts, counting a person once per file', () => {
    const result = totalRecordCount(files, '2025-01-02');
    expect(result.total).toBe(files.reduce((sum, f) => sum + f.recordCount, 0));
    // The three employee files each count the same 85 employees.
    expect(result.counted.filter((c) => c.fileId.startsWith('001-')).map((c) => c.recordCount)).toEqual([85, 85, 85]);
    expect(result.notYetCounted).toEqual([]);
  });

  it('leaves out files counted after the as-of date', () => {
    const later = personalDataFileSchema.parse({ ...files[0]!, id: '009', recordCount: 4000, recordCountAsOf: '2025-01-03' });
    expect(totalRecordCount([...files, later], '2025-01-02')).toMatchObject({ notYetCounted: ['009'] });
    expect(totalRecordCount([...files, later], '2025-01-03').total).toBe(totalRecordCount(files, '2025-01-03').total + 4000);
  });

  it('leaves out files deleted on or before the as-of date', () => {
    const ended = personalDataFileSchema.parse({ ...files[3]!, purposeEndsOn: '2025-03-01' });
    const deleted = applyPurposeReview(ended, { decision: 'delete', decidedOn: '2025-03-10', decidedBy: '技安' });
    if (!deleted.ok) throw new Error('delete failed');
    expect(totalRecordCount([deleted.value], '2025-03-09')).toMatchObject({ total: ended.recordCount, deleted: [] });
    expect(totalRecordCount([deleted.value], '2025-03-10')).toMatchObject({ total: 0, deleted: ['002'] });
  });

  it('an empty inventory holds nothing', () => {
    expect(totalRecordCount([], '2025-01-01')).toEqual({ asOf: '2025-01-01', total: 0, counted: [], notYetCounted: [], deleted: [] });
  });
});
