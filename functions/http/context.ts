import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'hono';
import type { Principal } from '../../domain/access/roles';
import type { Locale } from '../../domain/shared/localizedText';
import type { FieldCipher } from '../crypto/fieldEncryption';
import type { IdempotencyClaim, MutationScope } from '../store/auditedCommit';
import type { TenantRecord } from '../store/controlPlaneRecords';
import type { AppDeps } from './appDeps';

export interface TenantScope {
  tenantId: string;
  tableName: string;
  doc: DynamoDBDocumentClient;
  profile: TenantRecord;
  fieldCipher(): Promise<FieldCipher>;
}

export type ApiEnv = {
  Variables: {
    requestId: string;
    locale: Locale;
    deps: AppDeps;
    principal: Principal;
    tenant: TenantScope;
    idempotency: IdempotencyClaim | undefined;
  };
};

export type ApiContext = Context<ApiEnv>;

/** The tenant the credential belongs to. Never read from a path, query or body. */
export function tenantOf(c: ApiContext): TenantScope {
  const tenant = c.get('tenant');
  if (!tenant) throw new Error('tenant scope missing: route is not declared as a tenant route');
  return tenant;
}

export function tenantMutationScope(c: ApiContext): MutationScope {
  const tenant = tenantOf(c);
  const principal = c.get('principal');
  return {
    doc: tenant.doc,
    tableName: tenant.tableName,
    actor: { actorId: principal.actorId, role: principal.role },
    requestId: c.get('requestId'),
    now: c.get('deps').clock,
    idempotency: c.get('idempotency'),
  };
}

export function platformMutationScope(c: ApiContext): MutationScope {
  const deps = c.get('deps');
  const principal = c.get('principal');
  return {
    doc: deps.controlPlane.doc,
    tableName: deps.controlPlane.tableName,
    actor: { actorId: principal.actorId, role: principal.role },
    requestId: c.get('requestId'),
    now: deps.clock,
    idempotency: c.get('idempotency'),
  };
}
