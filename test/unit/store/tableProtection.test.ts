/**
 * Production tables are protected: a provisioned tenant table gets deletion protection in its
 * definition and PITR right after creation; a point-in-time restore goes to a NEW table that is
 * protected again. DynamoDB Local has no continuous backups or PITR restore, so the AWS calls are
 * checked as the data they send (no client mock); the data path of a restore is tested against
 * DynamoDB Local in test/integration/platform/tableRestore.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { pointInTimeRestorePlan } from '../../../functions/platform/tableRestore';
import { pointInTimeRecoveryOn, tenantTableDefinition } from '../../../functions/store/tenantTableProvisioning';

describe('tenant table protection', () => {
  it('a protected definition has deletion protection; an unprotected one (local) does not', () => {
    expect(tenantTableDefinition('t', { tenantTablePrefix: '', protectData: true }).DeletionProtectionEnabled).toBe(true);
    expect(tenantTableDefinition('t', { tenantTablePrefix: '', protectData: false }).DeletionProtectionEnabled).toBeUndefined();
  });

  it('turns point-in-time recovery on for the table it names', () => {
    expect(pointInTimeRecoveryOn('pdpa-prod-tenant-x')).toEqual({ TableName: 'pdpa-prod-tenant-x', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
  });
});

describe('point-in-time restore', () => {
  it('restores into a new table and protects that table again (PITR and deletion protection are not inherited)', () => {
    const at = new Date('2026-12-01T03:00:00Z');
    const plan = pointInTimeRestorePlan('pdpa-prod-tenant-x', 'pdpa-prod-tenant-x-restored', at);
    expect(plan.restore).toEqual({ SourceTableName: 'pdpa-prod-tenant-x', TargetTableName: 'pdpa-prod-tenant-x-restored', RestoreDateTime: at });
    expect(plan.protect.pointInTimeRecovery.TableName).toBe('pdpa-prod-tenant-x-restored');
    expect(plan.protect.deletionProtection).toEqual({ TableName: 'pdpa-prod-tenant-x-restored', DeletionProtectionEnabled: true });
  });
});
