/**
 * What a platform-operator command runs with: the control plane (its own audit chain), the
 * operator's mutation scope, and the deployment's provisioning and key services.
 */
import type { AppDeps } from '../../http/appDeps';
import type { MutationScope } from '../../store/auditedCommit';
import type { TableRef } from '../../store/tableRef';

export interface PlatformCommandContext {
  controlPlane: TableRef;
  /** The control-plane table, the operator, the request and its idempotency claim. */
  scope: MutationScope;
  deps: Pick<AppDeps, 'clock' | 'dataKeys' | 'dynamo' | 'provisioning' | 'tenantDocumentClient'>;
}
