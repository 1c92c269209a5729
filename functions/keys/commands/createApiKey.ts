/**
 * A tenant's owner creates an API key. The key row goes to the control plane, its audit event
 * to the tenant's own chain — one transaction (through the control-plane client, which reaches
 * both tables).
 */
import type { Role } from '../../../domain/access/roles';
import { mutationScopeOf, type TenantCommandContext } from '../../application/commandContext';
import type { TableRef } from '../../store/tableRef';
import { issueApiKey } from './issueApiKey';

export async function createApiKey(
  context: TenantCommandContext,
  controlPlane: TableRef,
  input: { name: string; role: Role; scopes: string[]; expiresAt?: string },
) {
  const scope = { ...mutationScopeOf(context), doc: controlPlane.doc };
  return issueApiKey(scope, controlPlane, { ...input, tenantId: context.tenantId }, context.actor.actorId, context.clock());
}
