/** Reads the local outbox: each .eml file's recipient, tenant-local day and decoded subject. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zonedDateOf } from '../../../domain/shared/isoDate';

export interface OutboxMail {
  file: string;
  to: string;
  day: string;
  subject: string;
  raw: string;
}

/** RFC 2047 B-words joined (whitespace between adjacent encoded words is not part of the text). */
export function decodeHeader(value: string): string {
  const words = value.trim().split(/\s+/);
  if (!words.every((word) => /^=\?UTF-8\?B\?[A-Za-z0-9+/=]*\?=$/.test(word))) return value.trim();
  return words.map((word) => Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).join('');
}

export function parseEml(raw: string): { headers: Record<string, string> } {
  const head = raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  return { headers };
}

export function readOutbox(dir: string, timeZone = 'Asia/Taipei'): OutboxMail[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      const { headers } = parseEml(raw);
      const to = /<([^>]+)>/.exec(headers.to ?? '')?.[1] ?? headers.to ?? '';
      return { file, to, day: zonedDateOf(new Date(headers.date!), timeZone), subject: decodeHeader(headers.subject ?? ''), raw };
    });
}
