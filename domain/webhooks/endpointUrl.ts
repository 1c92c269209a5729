/**
 * Which webhook URLs the product will call (SSRF protection, issue #19): https only (http to
 * localhost in local mode), no credentials in the URL, and — after DNS resolution, at
 * registration and at every attempt — no private, loopback, link-local, metadata or otherwise
 * reserved address, IPv4 and IPv6 alike (IPv4-mapped and NAT64 forms are judged by the IPv4
 * address inside them).
 */
import { fail, ok, type Outcome } from '../shared/outcome';

export type AddressClass = 'public' | 'private' | 'loopback' | 'linkLocal' | 'metadata' | 'unspecified' | 'multicast' | 'reserved' | 'invalid';

export const MAX_URL_LENGTH = 2000;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function parseIpv4(value: string): number[] | null {
  const parts = value.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  return octets.every((octet) => Number.isInteger(octet) && octet >= 0 && octet <= 255) ? octets : null;
}

/** Eight 16-bit groups, or null when not an IPv6 literal (a zone id is refused). */
export function parseIpv6(value: string): number[] | null {
  let text = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  if (!text.includes(':') || text.includes('%')) return null;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIpv4(last);
    if (!v4) return null;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    text = text.slice(0, lastColon + 1);
    // '::ffff:' keeps its '::'; '1:2:3:4:5:6:' loses the separator before the IPv4 part.
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => (/^[0-9a-f]{1,4}$/i.test(group) ? parseInt(group, 16) : NaN)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if ([...head, ...rest].some(Number.isNaN)) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  return [...head, ...Array(8 - known).fill(0), ...rest, ...tail];
}

function classifyIpv4([a, b, c, d]: number[]): AddressClass {
  if (a === 169 && b === 254 && c === 169 && d === 254) return 'metadata';
  // Alibaba Cloud / Oracle metadata addresses sit in reserved ranges below; AWS's is above.
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b! >= 64 && b! <= 127) return 'private';
  if (a === 169 && b === 254) return 'linkLocal';
  if (a! >= 224 && a! <= 239) return 'multicast';
  if (a! >= 240) return 'reserved';
  if ((a === 192 && b === 0 && (c === 0 || c === 2)) || (a === 198 && (b === 18 || b === 19)) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'reserved';
  return 'public';
}

function classifyIpv6(groups: number[]): AddressClass {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const v4 = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroPrefix && g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified';
  if (zeroPrefix && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible) reach the IPv4 address.
  if (zeroPrefix && (g5 === 0xffff || g5 === 0)) return classifyIpv4(v4);
  // 64:ff9b::/96 (NAT64) embeds the IPv4 address too.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyIpv4(v4);
  // AWS's IPv6 instance metadata endpoint.
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 0x254) return 'metadata';
  if ((g0 & 0xffc0) === 0xfe80) return 'linkLocal';
  if ((g0 & 0xfe00) === 0xfc00) return 'private';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved';
  if (g0 === 0x2002) return classifyIpv4([g1 >> 8, g1 & 0xff, g2 >> 8, g2 & 0xff]);
  return 'public';
}

export function classifyAddress(address: string): AddressClass {
  const v4 = parseIpv4(address);
  if (v4) return classifyIpv4(v4);
  const v6 = parseIpv6(address);
  return v6 ? classifyIpv6(v6) : 'invalid';
}

/** Public addresses always; in local mode anything but a cloud metadata endpoint. */
export function addressAllowed(address: string, localMode: boolean): boolean {
  const kind = classifyAddress(address);
  if (kind === 'public') return true;
  return localMode && kind !== 'metadata' && kind !== 'invalid';
}

export function checkEndpointUrl(value: string, options: { localMode: boolean }): Outcome<URL, 'WEBHOOK_URL_INVALID' | 'WEBHOOK_URL_NOT_HTTPS' | 'WEBHOOK_URL_CREDENTIALS' | 'WEBHOOK_URL_ADDRESS_REFUSED'> {
  const field = 'url';
  if (value.length > MAX_URL_LENGTH || !URL.canParse(value)) {
    return fail('invalidInput', 'WEBHOOK_URL_INVALID', { zhTW: '網址格式不正確', en: 'Not a valid URL' }, { field });
  }
  const url = new URL(value);
  const localHttp = options.localMode && url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !localHttp) {
    return fail('invalidInput', 'WEBHOOK_URL_NOT_HTTPS', { zhTW: '網址須為 https://（本機模式得用 http://localhost）', en: 'The URL must be https:// (http://localhost only in local mode)' }, { field });
  }
  if (url.username || url.password) {
    return fail('invalidInput', 'WEBHOOK_URL_CREDENTIALS', { zhTW: '網址不得含帳號密碼', en: 'The URL must not carry credentials' }, { field });
  }
  // A literal address is judged now; a host name after DNS resolution (functions/webhooks).
  const literal = url.hostname.startsWith('[') ? url.hostname : parseIpv4(url.hostname) ? url.hostname : null;
  if (literal && !addressAllowed(literal, options.localMode)) return addressRefused(literal);
  return ok(url);
}

export function addressRefused(address: string) {
  return fail('forbiddenByRule', 'WEBHOOK_URL_ADDRESS_REFUSED', {
    zhTW: `網址解析為不得連線之位址（${classifyAddress(address)}：${address}）`,
    en: `The URL resolves to an address webhooks may not call (${classifyAddress(address)}: ${address})`,
  }, { field: 'url' });
}
