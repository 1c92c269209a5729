/**
 * Resolves the caller from `Authorization: Bearer …`: an API key (`pdpa_…`) looked up in the
 * control plane, or an OIDC JWT (RS256) verified against the configured JWKS. The tenant — and
 * so the only table the request may touch — comes from the credential alone.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { tenantRoles, type Principal, type TenantRole } from '../../domain/access/roles';
import { createFieldCipher, type FieldCipher } from '../crypto/fieldEncryption';
import { parseApiKey, secretMatches } from '../crypto/apiKeyCredentials';
import type { ApiKeyRecord, TenantRecord } from '../store/controlPlaneRecords';
import { tenantKeys } from '../store/tableDesign';
import type { AppDeps, OidcSettings } from './appDeps';
import type { TenantScope } from './context';
import { ApiProblem } from './problem';

const LAST_USED_RESOLUTION_MS = 60_000;

const unauthenticated = (en: string, zhTW: string) => new ApiProblem('unauthenticated', { detail: { zhTW, en } });
/** A credential that does not verify at all: what a guess looks like (throttled, see authThrottle.ts). */
export const INVALID_CREDENTIAL = 'invalidCredential';
const invalidCredential = (en: string, zhTW: string) => new ApiProblem('unauthenticated', { code: INVALID_CREDENTIAL, detail: { zhTW, en } });


async function principalFromApiKey(deps: AppDeps, token: string): Promise<Principal> {
  const parsed = parseApiKey(token);
  if (!parsed) throw invalidCredential('The credential is not valid', '憑證無效');
  const { Item } = await deps.controlPlane.doc.send(new GetCommand({ TableName: deps.controlPlane.tableName, Key: tenantKeys.apiKey(parsed.keyId) }));
  const key = Item as ApiKeyRecord | undefined;
  if (!key || !secretMatches(token, key.secretHash)) throw invalidCredential('The credential is not valid', '憑證無效');
  const now = deps.clock();
  if (key.revokedAt) throw unauthenticated('The API key has been revoked', 'API 金鑰已撤銷');
  if (key.expiresAt && Date.parse(key.expiresAt) <= now.getTime()) throw unauthenticated('The API key has expired', 'API 金鑰已過期');
  if (!key.lastUsedAt || now.getTime() - Date.parse(key.lastUsedAt) > LAST_USED_RESOLUTION_MS) {
    // Best effort and coarse (once a minute): last-used is informational, never blocks a call.
    await deps.controlPlane.doc
      .send(new UpdateCommand({
        TableName: deps.controlPlane.tableName,
        Key: tenantKeys.apiKey(key.keyId),
        UpdateExpression: 'SET lastUsedAt = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }))
      .catch((error: Error) => deps.logger.warn('lastUsedAt update failed', { keyId: key.keyId, error: error.name }));
  }
  return { kind: 'apiKey', actorId: `key:${key.keyId}`, role: key.role, tenantId: key.tenantId, scopes: key.scopes };
}

const jwksByUrl = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function claimValue(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, segment) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined), payload);
}

async function principalFromJwt(oidc: OidcSettings | undefined, token: string): Promise<Principal> {
  if (!oidc) throw unauthenticated('The credential is not valid', '憑證無效');
  let jwks = jwksByUrl.get(oidc.jwksUrl);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(oidc.jwksUrl));
    jwksByUrl.set(oidc.jwksUrl, jwks);
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwks, { issuer: oidc.issuer, audience: oidc.audience, algorithms: ['RS256'] }));
  } catch {
    throw invalidCredential('The token is not valid', '權杖無效');
  }
  const tenantId = claimValue(payload, oidc.tenantClaim);
  const role = claimValue(payload, oidc.roleClaim);
  if (typeof tenantId !== 'string' || typeof role !== 'string' || !tenantRoles.includes(role as TenantRole) || !payload.sub) {
    throw unauthenticated('The token lacks a tenant or role claim', '權杖缺少租戶或角色宣告');
  }
  const rawScopes = claimValue(payload, oidc.scopeClaim);
  const scopes = typeof rawScopes === 'string' ? rawScopes.split(/\s+/).filter(Boolean) : Array.isArray(rawScopes) ? rawScopes.map(String) : [];
  return { kind: 'oidc', actorId: `oidc:${payload.sub}`, role: role as TenantRole, tenantId, scopes };
}

export async function authenticate(deps: AppDeps, authorization: string | undefined): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw unauthenticated('Send Authorization: Bearer <API key or token>', '請以 Authorization: Bearer <API 金鑰或權杖> 提供憑證');
  const token = match[1]!;
  return token.startsWith('pdpa_') ? principalFromApiKey(deps, token) : principalFromJwt(deps.oidc, token);
}

export async function loadTenantScope(deps: AppDeps, tenantId: string): Promise<TenantScope> {
  const { Item } = await deps.controlPlane.doc.send(new GetCommand({ TableName: deps.controlPlane.tableName, Key: tenantKeys.tenant(tenantId) }));
  const tenant = Item as TenantRecord | undefined;
  if (!tenant || tenant.status === 'offboarded' || tenant.status === 'provisioning') {
    throw unauthenticated('The credential belongs to no active tenant', '憑證所屬租戶不存在或未啟用');
  }
  if (tenant.status === 'suspended') throw new ApiProblem('tenantSuspended');
  const doc = await deps.tenantDocumentClient(tenantId);
  let cipher: Promise<FieldCipher> | undefined;
  return {
    tenantId,
    tableName: tenant.tableName,
    doc,
    profile: tenant,
    fieldCipher() {
      cipher ??= deps.dataKeys.unwrapTenantDataKey(tenantId, tenant.wrappedDataKey).then((key) => createFieldCipher(tenantId, key));
      return cipher;
    },
  };
}
