/**
 * 統一編號 (Taiwan business administration number) checksum.
 * Weights 1,2,1,2,1,2,4,1; each product's digits are summed. Since 2023 the Ministry of Finance
 * accepts a sum divisible by 5 (it was 10 before, and every old number still satisfies 5).
 * When the 7th digit is 7 its product is 28 → 2+8 = 10 → either 1 or 0 may be used, so the
 * number is also valid when sum + 1 is divisible by 5.
 */
const WEIGHTS = [1, 2, 1, 2, 1, 2, 4, 1] as const;

function digitSum(value: number): number {
  return Math.floor(value / 10) + (value % 10);
}

export function isValidTaxId(taxId: string): boolean {
  if (!/^\d{8}$/.test(taxId)) return false;
  const digits = [...taxId].map(Number);
  // 4×7 = 28: its digit sum 10 is counted as 1 here; the alternative reading (0) is sum - 1.
  const sum = digits.reduce((total, digit, index) => {
    const product = digit * WEIGHTS[index]!;
    return total + (product >= 10 ? digitSum(digitSum(product)) : product);
  }, 0);
  if (sum % 5 === 0) return true;
  return digits[6] === 7 && (sum - 1) % 5 === 0;
}
