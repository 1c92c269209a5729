/**
 * Taiwan identity numbers: 國民身分證統一編號 (letter + 1/2 + 8 digits), the 2021+ unified
 * 居留證 number for foreign residents (letter + 8/9 + 8 digits) and the older 居留證 number
 * (two letters + 8 digits). All three share one weighted checksum; only the encoding of the
 * second character differs.
 */

/** Area letter codes; I, O, W, X, Y, Z are out of alphabetical order for historical reasons. */
export const areaLetterCodes: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

export type TaiwanIdNumberKind = 'nationalId' | 'residentCertificate' | 'residentCertificateLegacy';

export interface TaiwanIdNumberCheck {
  valid: boolean;
  kind?: TaiwanIdNumberKind;
  /** Why it is invalid: format or checksum. */
  problem?: 'format' | 'checksum';
}

const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];

function checksumOk(digits: number[]): boolean {
  const sum = digits.reduce((total, digit, index) => total + digit * WEIGHTS[index]!, 0);
  return sum % 10 === 0;
}

/** Uppercases and strips spaces so user input like " a123456789 " is checked as typed. */
export function normalizeTaiwanIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function checkTaiwanIdNumber(value: string): TaiwanIdNumberCheck {
  const id = normalizeTaiwanIdNumber(value);
  const modern = /^([A-Z])([1289])(\d{8})$/.exec(id);
  const legacy = /^([A-Z])([A-D])(\d{8})$/.exec(id);
  if (!modern && !legacy) return { valid: false, problem: 'format' };
  const area = areaLetterCodes[id[0]!]!;
  const head = [Math.floor(area / 10), area % 10];
  let kind: TaiwanIdNumberKind;
  let digits: number[];
  if (modern) {
    kind = modern[2] === '1' || modern[2] === '2' ? 'nationalId' : 'residentCertificate';
    digits = [...head, ...id.slice(1).split('').map(Number)];
  } else {
    // Legacy resident numbers encode the second letter by the last digit of its area code.
    kind = 'residentCertificateLegacy';
    digits = [...head, areaLetterCodes[id[1]!]! % 10, ...id.slice(2).split('').map(Number)];
  }
  return checksumOk(digits) ? { valid: true, kind } : { valid: false, kind, problem: 'checksum' };
}

/** True only for a 國民身分證統一編號 with a correct check digit. */
export function isValidTaiwanNationalId(value: string): boolean {
  const check = checkTaiwanIdNumber(value);
  return check.valid && check.kind === 'nationalId';
}
