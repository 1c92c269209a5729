/**
 * A minimal OpenID provider for tests, served by the stack itself (same origin): discovery, an
 * authorization endpoint that signs in a fixed person at once, a token endpoint that checks the
 * PKCE verifier, and the JWKS. Tokens carry the tenant and role claims the API reads.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface TestPerson {
  sub: string;
  name: string;
  tenantId: string;
  role: string;
}

export async function createTestIssuer(issuer: string, options: { clientId: string; apiAudience: string }) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; person: TestPerson }>();
  let person: TestPerson | undefined;
  const path = new URL(issuer).pathname;
  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT({ ...claims, tenant_id: person!.tenantId, pdpa_role: person!.role, name: person!.name })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(issuer)
      .setSubject(person!.sub)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);

  const app = new Hono();
  app.get(`${path}/.well-known/openid-configuration`, (c) =>
    c.json({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, response_types_supported: ['code'], code_challenge_methods_supported: ['S256'] }),
  );
  app.get(`${path}/jwks`, (c) => c.json({ keys: [jwk] }));
  app.get(`${path}/authorize`, (c) => {
    const query = c.req.query();
    if (!person || query.client_id !== options.clientId || query.code_challenge_method !== 'S256' || !query.code_challenge || !query.redirect_uri) return c.text('bad authorization request', 400);
    const code = randomBytes(16).toString('base64url');
    codes.set(code, { challenge: query.code_challenge, nonce: query.nonce ?? '', redirectUri: query.redirect_uri, person });
    const back = new URL(query.redirect_uri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', query.state ?? '');
    return c.redirect(back.toString(), 302);
  });
  app.post(`${path}/token`, async (c) => {
    const form = await c.req.parseBody();
    const grant = codes.get(String(form.code));
    codes.delete(String(form.code));
    const verifier = String(form.code_verifier ?? '');
    if (!grant || form.client_id !== options.clientId || form.redirect_uri !== grant.redirectUri || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
      return c.json({ error: 'invalid_grant' }, 400);
    }
    person = grant.person;
    return c.json({ token_type: 'Bearer', expires_in: 600, id_token: await sign({ nonce: grant.nonce }, options.clientId), access_token: await sign({ scope: 'openid' }, options.apiAudience) });
  });
  return {
    prefix: path,
    fetch: (request: Request) => app.fetch(request),
    /** Who the next authorization signs in. */
    signInAs(next: TestPerson) {
      person = next;
    },
  };
}
