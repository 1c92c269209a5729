import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/** Time-sortable, unguessable id (ULID layout: 48-bit ms time + 80 random bits), lower case. */
export function newUlid(now = Date.now()): string {
  let time = now;
  let timePart = '';
  for (let i = 0; i < 10; i += 1) {
    timePart = ALPHABET[time % 32]! + timePart;
    time = Math.floor(time / 32);
  }
  const random = randomBytes(16);
  let randomPart = '';
  for (let i = 0; i < 16; i += 1) randomPart += ALPHABET[random[i]! % 32];
  return timePart + randomPart;
}

export function newId(prefix: string, now?: number): string {
  return `${prefix}_${newUlid(now)}`;
}
