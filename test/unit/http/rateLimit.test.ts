/** Rate-limit budgets: defaults per kind of credential, env overrides, and the memory limiter's arithmetic. */
import { describe, expect, it } from 'vitest';
import { createCredentialRateLimiter, credentialClassOf, DEFAULT_RATE_LIMITS, rateLimitSettingsFromEnv } from '../../../functions/http/rateLimit';

const person = { kind: 'apiKey' as const, actorId: 'key:k1', role: 'officer' as const, tenantId: 'tn_1', scopes: [] };

describe('rate-limit settings', () => {
  it('uses the documented defaults when nothing is set, in memory', () => {
    expect(rateLimitSettingsFromEnv({})).toEqual(DEFAULT_RATE_LIMITS);
  });

  it('reads budgets, the window and a DynamoDB table from the environment', () => {
    const settings = rateLimitSettingsFromEnv({ PDPA_RATE_LIMIT_PERSON: '30', PDPA_RATE_LIMIT_INTEGRATION: '90', PDPA_RATE_LIMIT_OPERATOR: '10', PDPA_RATE_LIMIT_WINDOW_SECONDS: '10', PDPA_RATE_LIMIT_TABLE: 'pdpa-rate-limits' });
    expect(settings).toEqual({ requestsPerWindow: { person: 30, integration: 90, platformOperator: 10 }, windowSeconds: 10, store: { kind: 'dynamo', tableName: 'pdpa-rate-limits' } });
  });

  it('refuses a budget that is not a positive integer instead of silently allowing everything', () => {
    expect(() => rateLimitSettingsFromEnv({ PDPA_RATE_LIMIT_PERSON: '0' })).toThrow(/PDPA_RATE_LIMIT_PERSON/);
    expect(() => rateLimitSettingsFromEnv({ PDPA_RATE_LIMIT_WINDOW_SECONDS: 'soon' })).toThrow(/PDPA_RATE_LIMIT_WINDOW_SECONDS/);
  });

  it('budgets people, integrations and the operator separately', () => {
    expect(credentialClassOf(person)).toBe('person');
    expect(credentialClassOf({ ...person, kind: 'oidc', role: 'auditor' })).toBe('person');
    expect(credentialClassOf({ ...person, role: 'integration' })).toBe('integration');
    expect(credentialClassOf({ ...person, role: 'platformOperator', tenantId: null })).toBe('platformOperator');
  });
});

describe('the in-memory limiter', () => {
  it('counts per credential and refuses past the budget', async () => {
    const limiter = createCredentialRateLimiter({ requestsPerWindow: { person: 2, integration: 5, platformOperator: 5 }, windowSeconds: 30, store: { kind: 'memory' } });
    const first = await limiter.consume(person);
    expect(first).toMatchObject({ limit: 2, remaining: 1, windowSeconds: 30, allowed: true });
    expect(first.resetSeconds).toBeGreaterThan(0);
    expect(first.resetSeconds).toBeLessThanOrEqual(30);
    expect((await limiter.consume(person)).allowed).toBe(true);
    expect(await limiter.consume(person)).toMatchObject({ remaining: 0, allowed: false });
    // The same key id in another tenant is another credential.
    expect((await limiter.consume({ ...person, tenantId: 'tn_2' })).allowed).toBe(true);
  });
});
