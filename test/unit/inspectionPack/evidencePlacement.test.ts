import { describe, expect, it } from 'vitest';
import { EVIDENCE_INCLUDE_LIMIT_BYTES, placeEvidence } from '../../../domain/inspectionPack';

const file = (evidenceId: string, sizeBytes: number) => ({ evidenceId, sizeBytes });

describe('the too-large rule', () => {
  it('includes files up to the limit and lists a bigger one instead', () => {
    const placement = placeEvidence([file('a', EVIDENCE_INCLUDE_LIMIT_BYTES), file('b', EVIDENCE_INCLUDE_LIMIT_BYTES + 1)]);
    expect(placement.include.map((f) => f.evidenceId)).toEqual(['a']);
    expect(placement.listOnly).toEqual([{ file: file('b', EVIDENCE_INCLUDE_LIMIT_BYTES + 1), reason: 'tooLarge' }]);
  });

  it('lists the rest once the pack budget is spent, in the given order; a smaller later file still fits', () => {
    const placement = placeEvidence([file('a', 60), file('b', 50), file('c', 40)], { perFileBytes: 100, budgetBytes: 100 });
    expect(placement.include.map((f) => f.evidenceId)).toEqual(['a', 'c']);
    expect(placement.listOnly).toEqual([{ file: file('b', 50), reason: 'packBudget' }]);
  });

  it('nothing to place, nothing placed', () => {
    expect(placeEvidence([])).toEqual({ include: [], listOnly: [] });
  });
});
