/**
 * Serialises a reminder as a complete RFC 5322 message: multipart/alternative (RFC 2046)
 * with UTF-8 text and HTML parts in base64, the subject and non-ASCII display names as
 * RFC 2047 "B" encoded-words, CRLF line endings. The local outbox writes it as .eml and
 * SES v2 sends it as raw content, so both see the same bytes.
 */
import { timeZoneOffsetMinutes } from '../shared/isoDate';

export interface MailAddress {
  name?: string;
  email: string;
}

export interface MailContent {
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
}

export interface Rfc5322Options {
  from: MailAddress | string;
  /** 'id@domain', with or without angle brackets. */
  messageId: string;
  /** When the message is written (ISO timestamp or Date). */
  date: string | Date;
  /** Timezone the Date header is written in; UTC by default. */
  timeZone?: string;
}

const CRLF = '\r\n';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += BASE64_ALPHABET[(n >> 18) & 63]! + BASE64_ALPHABET[(n >> 12) & 63]!;
    out += b1 === undefined ? '=' : BASE64_ALPHABET[(n >> 6) & 63]!;
    out += b2 === undefined ? '=' : BASE64_ALPHABET[n & 63]!;
  }
  return out;
}

const utf8 = new TextEncoder();

/** Base64 body lines of at most 76 characters (RFC 2045 §6.8). */
function base64Lines(value: string): string {
  const encoded = base64Encode(utf8.encode(value));
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join(CRLF);
}

function isPlainAscii(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}

/**
 * RFC 2047 B encoded-words of at most 39 UTF-8 bytes each (52 base64 characters, so a folded
 * line stays under 78 characters), never splitting a character across two words.
 */
export function encodeWords(value: string): string[] {
  const words: string[] = [];
  let chunk: number[] = [];
  for (const char of value) {
    const bytes = utf8.encode(char);
    if (chunk.length + bytes.length > 39) {
      words.push(`=?UTF-8?B?${base64Encode(Uint8Array.from(chunk))}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) words.push(`=?UTF-8?B?${base64Encode(Uint8Array.from(chunk))}?=`);
  return words;
}

/** An unstructured header value: raw when printable ASCII, otherwise folded encoded-words. */
function unstructured(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  if (isPlainAscii(clean) && clean.length <= 900) return clean;
  return encodeWords(clean).join(`${CRLF} `);
}

function assertEmail(email: string): string {
  const trimmed = email.trim();
  // Header injection and malformed addresses are refused rather than sent.
  if (!/^[^\s<>@",;]+@[^\s<>@",;]+$/.test(trimmed)) throw new RangeError(`Not a mail address: ${email}`);
  return trimmed;
}

export function formatAddress(address: MailAddress | string): string {
  if (typeof address === 'string') return assertEmail(address);
  const email = assertEmail(address.email);
  const name = address.name?.replace(/[\r\n]+/g, ' ').trim();
  if (!name) return email;
  if (!isPlainAscii(name)) return `${encodeWords(name).join(' ')} <${email}>`;
  return `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 §3.3 date-time, e.g. "Tue, 24 Nov 2026 09:00:00 +0800". */
export function formatRfc5322Date(date: string | Date, timeZone = 'UTC'): string {
  const instant = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${String(date)}`);
  const offset = timeZoneOffsetMinutes(instant, timeZone);
  const local = new Date(instant.getTime() + offset * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

function normaliseMessageId(messageId: string): string {
  const bare = messageId.trim().replace(/^<(.*)>$/, '$1');
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(bare)) throw new RangeError(`Not a Message-ID: ${messageId}`);
  return `<${bare}>`;
}

/** FNV-1a, only to derive a boundary that is stable for one message. */
function fnv1a(value: string): string {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(value)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Text parts are sent in canonical form: CRLF line breaks (RFC 2046 §4.1.1). */
function canonicalText(value: string): string {
  return value.replace(/\r\n|\r|\n/g, CRLF);
}

export function toRfc5322(message: MailContent, options: Rfc5322Options): string {
  const messageId = normaliseMessageId(options.messageId);
  // "=_" never occurs in base64 bodies, so the boundary cannot collide with content.
  const boundary = `=_pdpa_${fnv1a(messageId)}`;
  const headers = [
    `From: ${formatAddress(options.from)}`,
    `To: ${formatAddress(message.to)}`,
    `Subject: ${unstructured(message.subject)}`,
    `Date: ${formatRfc5322Date(options.date, options.timeZone)}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    // RFC 3834: automatic reminders must not trigger auto-replies.
    'Auto-Submitted: auto-generated',
  ];
  const part = (contentType: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${contentType}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(canonicalText(body))].join(CRLF);
  return [
    ...headers,
    '',
    'This is a multi-part message in MIME format.',
    part('text/plain', message.text),
    part('text/html', message.html),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}
