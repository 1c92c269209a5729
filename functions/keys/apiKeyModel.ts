import { z } from '@hono/zod-openapi';
import { integrationScopes, tenantRoles } from '../../domain/access/roles';
import type { ApiKeyRecord } from '../store/controlPlaneRecords';

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ example: '官網當事人申請表單' }),
    role: z.enum(tenantRoles),
    scopes: z.array(z.enum(integrationScopes)).max(integrationScopes.length).default([]).openapi({ description: 'Only for the integration role' }),
    expiresAt: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Optional expiry (ISO 8601)' }),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.role !== 'integration' && value.scopes.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'Scopes apply to the integration role only', params: { zhTW: '權限範圍只適用於 integration 角色', en: 'Scopes apply to the integration role only' } });
    }
    if (value.role === 'integration' && value.scopes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'An integration key needs at least one scope', params: { zhTW: '整合金鑰至少需要一個權限範圍', en: 'An integration key needs at least one scope' } });
    }
  })
  .openapi('CreateApiKey');

export const apiKeyViewSchema = z
  .object({
    keyId: z.string(),
    prefix: z.string().openapi({ description: 'Identifies the key in logs and consoles' }),
    name: z.string(),
    role: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    createdBy: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

export const issuedApiKeySchema = apiKeyViewSchema
  .extend({
    secret: z.string().nullable().openapi({ description: 'The full key. Shown once; only its hash is stored.' }),
  })
  .openapi('IssuedApiKey');

export function toApiKeyView(record: ApiKeyRecord): z.infer<typeof apiKeyViewSchema> {
  return {
    keyId: record.keyId,
    prefix: record.prefix,
    name: record.name,
    role: record.role,
    scopes: record.scopes,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    expiresAt: record.expiresAt,
    revokedAt: record.revokedAt,
    lastUsedAt: record.lastUsedAt,
  };
}
