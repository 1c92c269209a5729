import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../functions/local/dynamoDbLocal';
import { createTestApi, type TestApi } from '../support/testApi';

// A real JWKS endpoint over HTTP, with keys generated for this test run.
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let server: ServerType;
let api: TestApi;
let signingKey: SigningKey;
let otherKey: SigningKey;
let tenantId: string;
const issuer = 'https://login.example.com/';
const audience = 'pdpa-api';

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const jwksApp = new Hono().get('/.well-known/jwks.json', (c) => c.json({ keys: [jwk] }));
  const port = await freePort();
  server = serve({ fetch: jwksApp.fetch, port, hostname: '127.0.0.1' });
  api = await createTestApi({
    oidc: { jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`, issuer, audience, tenantClaim: 'https://pdpa/tenant', roleClaim: 'https://pdpa/role', scopeClaim: 'scope' },
  });
  ({ tenantId } = await api.onboardTenant());
});

afterAll(() => {
  server?.close();
});

async function token(claims: Record<string, unknown>, options: { key?: SigningKey; issuer?: string; audience?: string; expiresIn?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setSubject('user-123')
    .setIssuer(options.issuer ?? issuer)
    .setAudience(options.audience ?? audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.key ?? signingKey);
}

describe('OIDC bearer tokens for admin consoles', () => {
  it('accepts a valid RS256 token and takes tenant and role from the configured claims', async () => {
    const jwt = await token({ 'https://pdpa/tenant': tenantId, 'https://pdpa/role': 'officer' });
    const response = await api.call('GET', '/v1/tenant', { key: jwt });
    expect(response.status).toBe(200);
    expect(response.body.tenantId).toBe(tenantId);
    const audit = await api.call('GET', '/v1/audit-events', { key: jwt });
    expect(audit.status).toBe(200);
  });

  it('applies the role: an officer token cannot manage keys', async () => {
    const jwt = await token({ 'https://pdpa/tenant': tenantId, 'https://pdpa/role': 'officer' });
    expect((await api.call('POST', '/v1/api-keys', { key: jwt, body: { name: 'x', role: 'auditor' } })).status).toBe(403);
  });

  it.each([
    ['wrong issuer', { issuer: 'https://evil.example.com/' }],
    ['wrong audience', { audience: 'other-api' }],
    ['expired', { expiresIn: '-1m' }],
    ['signed by an unknown key', { key: undefined as unknown as SigningKey, useOtherKey: true }],
  ])('rejects a token with %s', async (_label, options) => {
    const { useOtherKey, ...rest } = options as { useOtherKey?: boolean };
    const jwt = await token({ 'https://pdpa/tenant': tenantId, 'https://pdpa/role': 'owner' }, { ...rest, ...(useOtherKey ? { key: otherKey } : {}) });
    expect((await api.call('GET', '/v1/tenant', { key: jwt })).status).toBe(401);
  });

  it('rejects HS256 and tokens without tenant/role or naming an unknown tenant', async () => {
    const hs = await new SignJWT({ 'https://pdpa/tenant': tenantId, 'https://pdpa/role': 'owner' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect((await api.call('GET', '/v1/tenant', { key: hs })).status).toBe(401);
    expect((await api.call('GET', '/v1/tenant', { key: await token({ 'https://pdpa/role': 'owner' }) })).status).toBe(401);
    expect((await api.call('GET', '/v1/tenant', { key: await token({ 'https://pdpa/tenant': tenantId, 'https://pdpa/role': 'platformOperator' }) })).status).toBe(401);
    expect((await api.call('GET', '/v1/tenant', { key: await token({ 'https://pdpa/tenant': 'tn_00000000000000000000000000', 'https://pdpa/role': 'owner' }) })).status).toBe(401);
  });
});
