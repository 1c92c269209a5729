import { describe, expect, it } from 'vitest';
import { attributeScores, categoryScores, recordCountBands, recordCountScore, riskValue, type DataSensitivity, type SubjectAttribute } from '../../../domain/risk/riskValue';
import { exampleRiskTable } from '../../fixtures/inventory/loadExamples';

describe('C record-count bands (以下/以上 include the bound)', () => {
  it.each([
    [0, 1],
    [1, 1],
    [99, 1],
    [100, 1],
    [101, 2],
    [102, 2],
    [2500, 2],
    [4998, 2],
    [4999, 2],
    [5000, 3],
    [5001, 3],
    [1_000_000, 3],
  ])('%i records → %i', (count, score) => {
    expect(recordCountScore(count)).toBe(score);
  });

  it.each([0, 1, 100, 101, 4999, 5000])('hosted customers’ data scores 3 whatever the count (%i)', (count) => {
    expect(recordCountScore(count, { hostedForCustomers: true })).toBe(3);
    expect(riskValue({ sensitivity: 'general', subjectAttribute: 'hostedCustomersConsumer', recordCount: count }).c).toBe(3);
  });

  it('a consumer file that is not hosted follows the bands', () => {
    expect(riskValue({ sensitivity: 'general', subjectAttribute: 'consumer', recordCount: 100 }).c).toBe(1);
    expect(riskValue({ sensitivity: 'general', subjectAttribute: 'consumer', recordCount: 101 }).c).toBe(2);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (count) => {
    expect(() => recordCountScore(count)).toThrow(RangeError);
  });

  it('bands are contiguous with no gap or overlap', () => {
    for (let i = 1; i < recordCountBands.length; i++) expect(recordCountBands[i]!.min).toBe(recordCountBands[i - 1]!.max + 1);
    expect(recordCountBands[0]!.min).toBe(0);
  });
});

describe('A + B + C', () => {
  it('A: general 1, sensitive 2, special 3; B: contacts 1, employees 2, consumers 3', () => {
    expect(categoryScores).toEqual({ general: 1, sensitive: 2, special: 3 });
    expect(attributeScores).toEqual({ customerOrSupplierContact: 1, employee: 2, consumer: 3, hostedCustomersConsumer: 3 });
  });

  it('ranges from 3 to 9', () => {
    expect(riskValue({ sensitivity: 'general', subjectAttribute: 'customerOrSupplierContact', recordCount: 0 }).value).toBe(3);
    expect(riskValue({ sensitivity: 'special', subjectAttribute: 'consumer', recordCount: 5000 }).value).toBe(9);
  });

  it('each score raises the value by exactly its step', () => {
    const base = { sensitivity: 'general' as DataSensitivity, subjectAttribute: 'customerOrSupplierContact' as SubjectAttribute, recordCount: 50 };
    expect(riskValue({ ...base, sensitivity: 'sensitive' }).value - riskValue(base).value).toBe(1);
    expect(riskValue({ ...base, subjectAttribute: 'employee' }).value - riskValue(base).value).toBe(1);
    expect(riskValue({ ...base, recordCount: 5000 }).value - riskValue(base).value).toBe(2);
  });

  // The example table (seed 000 §4(2)) with the inputs it states in words.
  it.each([
    ['001 員工資料', { sensitivity: 'general', subjectAttribute: 'employee', recordCount: 85 }, 0],
    ['002 供應商聯絡資料', { sensitivity: 'general', subjectAttribute: 'customerOrSupplierContact', recordCount: 60 }, 1],
    ['003 客戶聯繫資料', { sensitivity: 'general', subjectAttribute: 'customerOrSupplierContact', recordCount: 1200 }, 2],
    ['004 客戶之消費者資料', { sensitivity: 'sensitive', subjectAttribute: 'hostedCustomersConsumer', recordCount: 40 }, 3],
  ] as const)('%s reproduces the example', (_name, input, row) => {
    const expected = exampleRiskTable[row]!;
    expect(riskValue(input)).toEqual({ a: expected.a, b: expected.b, c: expected.c, value: expected.value });
  });

  it('the example table values are 4, 3, 4, 8', () => {
    expect(exampleRiskTable.map((r) => r.value)).toEqual([4, 3, 4, 8]);
    for (const r of exampleRiskTable) expect(r.a + r.b + r.c).toBe(r.value);
  });
});
