/**
 * Who may call what. Every route declares an AccessPolicy; the HTTP layer checks the
 * authenticated principal against it before the handler runs.
 */
export const tenantRoles = ['owner', 'officer', 'auditor', 'integration'] as const;
export type TenantRole = (typeof tenantRoles)[number];
export type Role = TenantRole | 'platformOperator';

/** Scopes limit what an integration credential may do; people's roles do not need them. */
export const integrationScopes = [
  'dsr:read',
  'dsr:write',
  'inventory:read',
  'inventory:write',
  'incident:write',
  'vendor:read',
  'reviews:read',
  // An integrator's system registers and maintains its own webhook receiver (endpoints, secrets, redeliveries).
  'webhooks:manage',
] as const;
export type IntegrationScope = (typeof integrationScopes)[number];

export interface AccessPolicy {
  /** 'platform' routes serve the operator; 'tenant' routes act on the caller's own tenant;
   *  'public' routes authenticate by other means (e.g. a questionnaire token). */
  plane: 'platform' | 'tenant' | 'public';
  roles: readonly Role[];
  /** When the integration role is allowed, the scope it needs. */
  integrationScope?: IntegrationScope;
}

export interface Principal {
  kind: 'apiKey' | 'oidc';
  /** Key id or the token's subject. */
  actorId: string;
  role: Role;
  tenantId: string | null;
  scopes: readonly string[];
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'wrongPlane' | 'roleNotAllowed' | 'missingScope' };

export function decideAccess(principal: Principal, policy: AccessPolicy): AccessDecision {
  if (policy.plane === 'public') return { allowed: true };
  const isPlatform = principal.role === 'platformOperator';
  if ((policy.plane === 'platform') !== isPlatform) return { allowed: false, reason: 'wrongPlane' };
  if (!policy.roles.includes(principal.role)) return { allowed: false, reason: 'roleNotAllowed' };
  if (principal.role === 'integration') {
    if (!policy.integrationScope || !principal.scopes.includes(policy.integrationScope)) {
      return { allowed: false, reason: 'missingScope' };
    }
  }
  return { allowed: true };
}

/** Readers: every tenant role that may read compliance records. */
export const READ_ROLES: readonly Role[] = ['owner', 'officer', 'auditor'];
/** Writers: the people who maintain the compliance records. */
export const WRITE_ROLES: readonly Role[] = ['owner', 'officer'];
export const OWNER_ONLY: readonly Role[] = ['owner'];
