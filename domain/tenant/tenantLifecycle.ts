/** A tenant's lifecycle in the control plane. */
export const tenantStatuses = ['provisioning', 'active', 'suspended', 'offboarded'] as const;
export type TenantStatus = (typeof tenantStatuses)[number];

export type TenantLifecycleAction = 'activate' | 'suspend' | 'reactivate' | 'offboard';

const allowed: Record<TenantLifecycleAction, TenantStatus[]> = {
  activate: ['provisioning'],
  suspend: ['active'],
  reactivate: ['suspended'],
  // Offboarding deletes the tenant's table: only after the tenant was suspended, so no
  // integration is writing while the archive is taken.
  offboard: ['suspended'],
};

const target: Record<TenantLifecycleAction, TenantStatus> = {
  activate: 'active',
  suspend: 'suspended',
  reactivate: 'active',
  offboard: 'offboarded',
};

export function nextTenantStatus(current: TenantStatus, action: TenantLifecycleAction): TenantStatus | undefined {
  return allowed[action].includes(current) ? target[action] : undefined;
}
