/**
 * 隱碼 (masking) for lists and logs, and the normalisers applied before keyed hashing so that
 * the same e-mail or phone typed differently hashes the same.
 *
 * Masks hide enough to be useless on their own but keep enough for staff to recognise a record
 * they already know. Anything that does not look like the expected shape is masked entirely:
 * a mask must never fail open.
 */
import { normalizeTaiwanIdNumber } from './taiwanIdNumber';

const MASK = '*';
const HAN = /\p{Script=Han}/u;

function chars(value: string): string[] {
  // Array.from keeps characters outside the BMP (rare CJK extension names) whole.
  return Array.from(value);
}

/**
 * 王小明 → 王*明, 王明 → 王*, 歐陽小明 → 歐**明: keep the first and (from three characters) the
 * last character; one star per hidden character, as names in Taiwan are two to four characters.
 */
export function maskChineseName(name: string): string {
  const letters = chars(name.normalize('NFKC').replace(/\s+/g, ''));
  if (letters.length === 0) return '';
  if (letters.length === 1) return MASK;
  if (letters.length === 2) return `${letters[0]}${MASK}`;
  return `${letters[0]}${MASK.repeat(letters.length - 2)}${letters[letters.length - 1]}`;
}

/** John Smith → J*** S***, Mary-Jane O'Neil → M***-J*** O***: initials only, lengths hidden. */
export function maskLatinName(name: string): string {
  return name
    .normalize('NFKC')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.split('-').map((part) => (chars(part)[0] ? `${chars(part)[0]}***` : '')).join('-'))
    .join(' ');
}

/** Chooses the Chinese or Latin rule by whether the name contains Han characters. */
export function maskPersonName(name: string): string {
  return HAN.test(name) ? maskChineseName(name) : maskLatinName(name);
}

/** A123456789 → A12****789 (national ID and both resident-certificate formats). */
export function maskTaiwanIdNumber(value: string): string {
  const id = normalizeTaiwanIdNumber(value);
  if (!/^[A-Z][A-Z0-9]\d{8}$/.test(id)) return MASK.repeat(Math.max(chars(id).length, 1));
  return `${id.slice(0, 3)}${MASK.repeat(4)}${id.slice(7)}`;
}

/** john@example.com → j***@example.com: the domain stays, the local part's length is hidden. */
export function maskEmail(email: string): string {
  const value = email.normalize('NFKC').trim();
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return '***';
  const local = chars(value.slice(0, at));
  const domain = value.slice(at + 1).toLowerCase();
  return `${local.length === 1 ? MASK : `${local[0]}***`}@${domain}`;
}

/** 0912345678 → 0912***678; +886 912-345-678 is normalised first. Short numbers keep 2 digits. */
export function maskPhone(phone: string): string {
  const digits = normalizePhoneForHashing(phone) ?? phone.replace(/\D/g, '');
  if (digits.length === 0) return '***';
  const plain = digits.replace(/^\+/, '');
  const prefix = digits.startsWith('+') ? '+' : '';
  if (plain.length >= 9) return `${prefix}${plain.slice(0, 4)}${MASK.repeat(plain.length - 7)}${plain.slice(-3)}`;
  if (plain.length <= 2) return MASK.repeat(plain.length);
  return `${prefix}${MASK.repeat(plain.length - 2)}${plain.slice(-2)}`;
}

/**
 * Before keyed hashing: NFKC (full-width ＠ from an IME becomes @), trim, drop inner spaces,
 * lowercase. Dashes and dots stay: they are significant in an address's local part.
 */
export function normalizeEmailForHashing(email: string): string | undefined {
  const value = email.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return /^[^@]+@[^@]+\.[^@]+$/.test(value) ? value : undefined;
}

/**
 * Before keyed hashing: digits only, Taiwan numbers in the national form (+886 / 00886 / 886
 * → 0, dropping a "(0)" trunk digit), other international numbers kept as +<digits>.
 * Returns undefined for text that is not a phone number.
 */
export function normalizePhoneForHashing(phone: string): string | undefined {
  let value = phone.normalize('NFKC').trim();
  if (!/^[+\d\s\-().]+$/.test(value)) return undefined;
  value = value.replace(/\(0\)/g, '').replace(/[\s\-().]/g, '');
  if (value.startsWith('00')) value = `+${value.slice(2)}`;
  if (value.indexOf('+') > 0) return undefined;
  if (value.startsWith('+886')) value = `0${value.slice(4).replace(/^0/, '')}`;
  else if (/^886\d{8,9}$/.test(value)) value = `0${value.slice(3)}`;
  const digits = value.replace(/^\+/, '');
  if (!/^\d{6,15}$/.test(digits)) return undefined;
  return value;
}
