/**
 * The personal-data file value of the example plan §4(2) (seed 000, "個資檔案價值"):
 * value = A (category) + B (subject attribute) + C (record count), higher first.
 * Shared by the risk assessment and by vendor criticality.
 */

/** A 個資類別: 1 一般, 2 敏感 (financial, trade secret), 3 特種 (PDPA Art. 6). */
export type DataSensitivity = 'general' | 'sensitive' | 'special';

/** B 個資屬性: 1 客戶、供應商, 2 所屬人員, 3 消費者 (hosted customers' consumers count as consumers). */
export type SubjectAttribute = 'customerOrSupplierContact' | 'employee' | 'consumer' | 'hostedCustomersConsumer';

export const categoryScores: Record<DataSensitivity, 1 | 2 | 3> = { general: 1, sensitive: 2, special: 3 };
export const attributeScores: Record<SubjectAttribute, 1 | 2 | 3> = {
  customerOrSupplierContact: 1,
  employee: 2,
  consumer: 3,
  hostedCustomersConsumer: 3,
};

/**
 * C 個資筆數 bands. In Taiwanese legal usage 以下 / 以上 include the bound, so
 * 100 筆以下 = 0..100, 5000 筆以上 = 5,000 and more, and the middle band is 101..4,999.
 */
export const recordCountBands = [
  { score: 1, min: 0, max: 100, labelZh: '100筆以下', labelEn: '100 or fewer' },
  { score: 2, min: 101, max: 4999, labelZh: '101~4,999筆', labelEn: '101 to 4,999' },
  { score: 3, min: 5000, max: Number.POSITIVE_INFINITY, labelZh: '5,000筆以上', labelEn: '5,000 or more' },
] as const;

export function recordCountScore(recordCount: number, options: { hostedForCustomers?: boolean } = {}): 1 | 2 | 3 {
  if (!Number.isInteger(recordCount) || recordCount < 0) throw new RangeError('recordCount must be a non-negative integer');
  // The example advises counting hosted customers' data at the 5,000+ level whatever its size.
  if (options.hostedForCustomers) return 3;
  const band = recordCountBands.find((b) => recordCount >= b.min && recordCount <= b.max);
  return band!.score;
}

export interface RiskValueInput {
  sensitivity: DataSensitivity;
  subjectAttribute: SubjectAttribute;
  recordCount: number;
}

export interface RiskValue {
  a: 1 | 2 | 3;
  b: 1 | 2 | 3;
  c: 1 | 2 | 3;
  /** A + B + C, 3..9; higher is treated first. */
  value: number;
}

export function riskValue(input: RiskValueInput): RiskValue {
  const a = categoryScores[input.sensitivity];
  const b = attributeScores[input.subjectAttribute];
  const c = recordCountScore(input.recordCount, { hostedForCustomers: input.subjectAttribute === 'hostedCustomersConsumer' });
  return { a, b, c, value: a + b + c };
}
