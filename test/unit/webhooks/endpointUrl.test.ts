import { describe, expect, it } from 'vitest';
import { addressAllowed, checkEndpointUrl, classifyAddress, parseIpv6 } from '../../../domain/webhooks/endpointUrl';

describe('address classification (SSRF)', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['203.74.1.1', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.1.2.3', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.1.1', 'linkLocal'],
    ['169.254.169.254', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2404:6800:4008:c01::8b', 'public'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['[::1]', 'loopback'],
    ['not-an-ip', 'invalid'],
    ['1.2.3', 'invalid'],
    ['1:2:3:4:5:6:7:8:9', 'invalid'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('parses the IPv6 forms', () => {
    expect(parseIpv6('1:2:3:4:5:6:1.2.3.4')).toEqual([1, 2, 3, 4, 5, 6, 0x0102, 0x0304]);
    expect(parseIpv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6('fe80::1%eth0')).toBeNull();
  });

  it('allows only public addresses, except locally (never metadata)', () => {
    expect(addressAllowed('8.8.8.8', false)).toBe(true);
    expect(addressAllowed('127.0.0.1', false)).toBe(false);
    expect(addressAllowed('127.0.0.1', true)).toBe(true);
    expect(addressAllowed('169.254.169.254', true)).toBe(false);
    expect(addressAllowed('::ffff:169.254.169.254', true)).toBe(false);
  });
});

describe('endpoint URL rules', () => {
  it('requires https, except http://localhost in local mode', () => {
    expect(checkEndpointUrl('https://crm.example.com.tw/hooks', { localMode: false }).ok).toBe(true);
    const http = checkEndpointUrl('http://crm.example.com.tw/hooks', { localMode: false });
    expect(http.ok ? null : http.error.code).toBe('WEBHOOK_URL_NOT_HTTPS');
    expect(checkEndpointUrl('http://localhost:8080/hooks', { localMode: true }).ok).toBe(true);
    expect(checkEndpointUrl('http://127.0.0.1:8080/hooks', { localMode: true }).ok).toBe(true);
    expect(checkEndpointUrl('http://crm.example.com.tw/hooks', { localMode: true }).ok).toBe(false);
    expect(checkEndpointUrl('ftp://example.com', { localMode: true }).ok).toBe(false);
  });

  it('refuses credentials in the URL, malformed URLs and literal private addresses', () => {
    const creds = checkEndpointUrl('https://user:pw@example.com/', { localMode: false });
    expect(creds.ok ? null : creds.error.code).toBe('WEBHOOK_URL_CREDENTIALS');
    const bad = checkEndpointUrl('not a url', { localMode: false });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'WEBHOOK_URL_INVALID', field: 'url' });
    for (const url of ['https://127.0.0.1/', 'https://10.0.0.5/x', 'https://[::1]/', 'https://[::ffff:169.254.169.254]/', 'https://169.254.169.254/latest/meta-data']) {
      const result = checkEndpointUrl(url, { localMode: false });
      expect(result.ok ? null : result.error.code, url).toBe('WEBHOOK_URL_ADDRESS_REFUSED');
    }
  });
});
