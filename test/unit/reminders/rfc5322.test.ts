import { describe, expect, it } from 'vitest';
import { base64Encode, encodeWords, formatAddress, formatRfc5322Date, toRfc5322 } from '../../../domain/reminders/rfc5322';

const message = {
  to: { name: '靜香', email: 'shizuka@example.com' },
  subject: '[提醒] 3 項個資法遵事項：1 項逾期、2 項即將到期，請於本月底前登入主控台完成處理與佐證上傳',
  text: '靜香 您好：\n\n1. 個資盤點\n   到期日：2026-12-31\n\n---- English ----\nDear Shizuka,\n',
  html: '<!DOCTYPE html>\n<html lang="zh-TW"><body><p>個資盤點 &amp; 風險評估</p></body></html>\n',
};
const options = { from: { name: 'PDPA 法遵提醒', email: 'no-reply@pdpa.example.com' }, messageId: 'r-20261224-1@pdpa.example.com', date: '2026-12-24T01:00:00Z', timeZone: 'Asia/Taipei' };

/** A small reader for what toRfc5322 writes: headers unfolded, parts split on the boundary. */
function parse(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const headerBlock = raw.slice(0, split);
  const headers = new Map<string, string>();
  for (const line of headerBlock.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1] ?? '';
  const body = raw.slice(split + 4);
  const chunks = body.split(`--${boundary}`);
  const parts = chunks.slice(1, -1).map((chunk) => {
    const content = chunk.replace(/^\r\n/, '');
    const end = content.indexOf('\r\n\r\n');
    const partHeaders = content.slice(0, end).split('\r\n');
    const encoded = content.slice(end + 4).replace(/\r\n$/, '');
    return { headers: partHeaders, encoded, decoded: Buffer.from(encoded.replace(/\r\n/g, ''), 'base64').toString('utf8') };
  });
  return { headerBlock, headers, boundary, body, chunks, parts };
}

function decodeWords(value: string): string {
  const bytes = [...value.matchAll(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/g)].flatMap((m) => [...Buffer.from(m[1]!, 'base64')]);
  return Buffer.from(bytes).toString('utf8');
}

describe('toRfc5322', () => {
  const raw = toRfc5322(message, options);
  const parsed = parse(raw);

  it('uses CRLF for every line break and ends with one', () => {
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('writes the required headers', () => {
    expect(parsed.headers.get('from')).toBe(`${encodeWords('PDPA 法遵提醒').join(' ')} <no-reply@pdpa.example.com>`);
    expect(decodeWords(parsed.headers.get('from')!)).toBe('PDPA 法遵提醒');
    expect(parsed.headers.get('to')).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <shizuka@example\.com>$/);
    expect(decodeWords(parsed.headers.get('to')!)).toBe('靜香');
    expect(parsed.headers.get('date')).toBe('Thu, 24 Dec 2026 09:00:00 +0800');
    expect(parsed.headers.get('message-id')).toBe('<r-20261224-1@pdpa.example.com>');
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.headers.get('content-type')).toBe(`multipart/alternative; boundary="${parsed.boundary}"`);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('encodes the subject as RFC 2047 base64 encoded-words that decode to the original', () => {
    const headerLines = parsed.headerBlock.split('\r\n');
    const start = headerLines.findIndex((line) => line.startsWith('Subject: '));
    let folded = 0;
    while (headerLines[start + 1 + folded]?.startsWith(' ')) folded += 1;
    expect(folded).toBeGreaterThan(0); // long enough to be folded
    const subject = parsed.headers.get('subject')!;
    for (const word of subject.split(' ')) {
      expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/]+={0,2}\?=$/);
      expect(word.length).toBeLessThanOrEqual(75);
      // Each word decodes on its own: no character is split across words.
      expect(Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).not.toContain('\uFFFD');
    }
    expect(decodeWords(subject)).toBe(message.subject);
  });

  it('holds a plain-text and an HTML part, base64 in lines of at most 76, decoding to the bodies with CRLF', () => {
    expect(parsed.parts).toHaveLength(2);
    expect(parsed.chunks.at(-1)).toBe('--\r\n');
    const [text, html] = parsed.parts;
    expect(text!.headers).toEqual(['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64']);
    expect(html!.headers).toEqual(['Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: base64']);
    expect(text!.decoded).toBe(message.text.replace(/\n/g, '\r\n'));
    expect(html!.decoded).toBe(message.html.replace(/\n/g, '\r\n'));
    for (const part of parsed.parts) {
      const lines = part.encoded.split('\r\n');
      for (const line of lines) expect(line).toMatch(/^[A-Za-z0-9+/=]{1,76}$/);
      expect(lines.slice(0, -1).every((line) => line.length === 76)).toBe(true);
    }
  });

  it('is deterministic for the same input and keeps the boundary out of the content', () => {
    expect(toRfc5322(message, options)).toBe(raw);
    expect(toRfc5322(message, { ...options, messageId: 'other@pdpa.example.com' })).not.toBe(raw);
    for (const part of parsed.parts) expect(part.encoded).not.toContain(parsed.boundary);
  });

  it('leaves an ASCII subject unencoded and defaults the Date to UTC', () => {
    const en = toRfc5322({ ...message, subject: '[Reminder] Personal data inventory is due on 2026-12-31', to: { name: 'Bob "B" Lee', email: 'bob@example.com' } }, {
      from: 'no-reply@pdpa.example.com',
      messageId: '<x@y>',
      date: new Date('2026-12-24T01:02:03Z'),
    });
    const headers = parse(en).headers;
    expect(headers.get('subject')).toBe('[Reminder] Personal data inventory is due on 2026-12-31');
    expect(headers.get('to')).toBe('"Bob \\"B\\" Lee" <bob@example.com>');
    expect(headers.get('from')).toBe('no-reply@pdpa.example.com');
    expect(headers.get('date')).toBe('Thu, 24 Dec 2026 01:02:03 +0000');
    expect(headers.get('message-id')).toBe('<x@y>');
  });

  it('refuses header injection, bad addresses and bad Message-IDs', () => {
    expect(() => toRfc5322({ ...message, to: { email: 'a@b.com\r\nBcc: evil@x.com' } }, options)).toThrow(RangeError);
    expect(() => formatAddress('not-an-address')).toThrow(RangeError);
    expect(() => toRfc5322(message, { ...options, messageId: 'no-at-sign' })).toThrow(RangeError);
    expect(() => toRfc5322(message, { ...options, date: 'yesterday' })).toThrow(RangeError);
    const injected = toRfc5322({ ...message, subject: 'Hi\r\nBcc: evil@x.com' }, options);
    expect(parse(injected).headers.has('bcc')).toBe(false);
  });
});

describe('encoding helpers', () => {
  it('base64 matches Node for every padding length and multi-byte text', () => {
    const enc = new TextEncoder();
    for (const value of ['', 'a', 'ab', 'abc', 'abcd', '個', '個資', '個資法 ✓ 😀', '\u0000\u00ff']) {
      expect(base64Encode(enc.encode(value)), value).toBe(Buffer.from(value, 'utf8').toString('base64'));
    }
  });

  it('formats RFC 5322 dates across zones and a day change', () => {
    expect(formatRfc5322Date('2026-12-31T16:30:00Z', 'Asia/Taipei')).toBe('Fri, 01 Jan 2027 00:30:00 +0800');
    expect(formatRfc5322Date('2026-07-01T13:00:00Z', 'America/New_York')).toBe('Wed, 01 Jul 2026 09:00:00 -0400');
    expect(formatRfc5322Date('2026-03-05T04:05:06Z')).toBe('Thu, 05 Mar 2026 04:05:06 +0000');
  });
});
