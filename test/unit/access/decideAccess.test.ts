/**
 * The access decision, case by case. The plane check is defence in depth: even a policy that
 * (wrongly) lists a role of the other plane never lets that plane's credential through.
 */
import { describe, expect, it } from 'vitest';
import { decideAccess, OWNER_ONLY, READ_ROLES, WRITE_ROLES, type AccessPolicy, type Principal } from '../../../domain/access/roles';

const principal = (role: Principal['role'], scopes: string[] = []): Principal => ({ role, scopes, tenantId: role === 'platformOperator' ? undefined : 'tn_a', keyId: 'k' }) as unknown as Principal;

describe('decideAccess', () => {
  it('lets anyone call a public route', () => {
    expect(decideAccess(principal('auditor'), { plane: 'public', roles: [] })).toEqual({ allowed: true });
  });

  it('refuses an operator on a tenant route even if the policy lists the operator role (wrongPlane)', () => {
    const misdeclared = { plane: 'tenant', roles: ['owner', 'platformOperator'] } as AccessPolicy;
    expect(decideAccess(principal('platformOperator'), misdeclared)).toEqual({ allowed: false, reason: 'wrongPlane' });
  });

  it('refuses a tenant owner on a platform route even if the policy lists owner (wrongPlane)', () => {
    const misdeclared = { plane: 'platform', roles: ['platformOperator', 'owner'] } as AccessPolicy;
    expect(decideAccess(principal('owner'), misdeclared)).toEqual({ allowed: false, reason: 'wrongPlane' });
  });

  it('refuses a role the policy does not list (roleNotAllowed) and allows one it does', () => {
    const write = { plane: 'tenant', roles: WRITE_ROLES } as AccessPolicy;
    expect(decideAccess(principal('auditor'), write)).toEqual({ allowed: false, reason: 'roleNotAllowed' });
    expect(decideAccess(principal('officer'), write)).toEqual({ allowed: true });
    expect(decideAccess(principal('auditor'), { plane: 'tenant', roles: READ_ROLES })).toEqual({ allowed: true });
  });

  it('needs the route\'s integration scope for an integration credential (missingScope)', () => {
    const report = { plane: 'tenant', roles: [...WRITE_ROLES, 'integration'], integrationScope: 'incident:write' } as AccessPolicy;
    expect(decideAccess(principal('integration', ['incident:write']), report)).toEqual({ allowed: true });
    expect(decideAccess(principal('integration', ['dsr:write']), report)).toEqual({ allowed: false, reason: 'missingScope' });
    const noScope = { plane: 'tenant', roles: ['integration'] } as AccessPolicy;
    expect(decideAccess(principal('integration', ['incident:write']), noScope)).toEqual({ allowed: false, reason: 'missingScope' });
  });

  it('grants each tenant role exactly its row of the access matrix (read / write / owner-only)', () => {
    const matrix = (['owner', 'officer', 'auditor', 'integration', 'platformOperator'] as const).map((role) => [
      role,
      ...[READ_ROLES, WRITE_ROLES, OWNER_ONLY].map((roles) => decideAccess(principal(role), { plane: 'tenant', roles } as AccessPolicy).allowed),
    ]);
    expect(matrix).toEqual([
      ['owner', true, true, true],
      ['officer', true, true, false],
      ['auditor', true, false, false],
      ['integration', false, false, false],
      ['platformOperator', false, false, false],
    ]);
  });
});
