/** AWS adapters with no local equivalent, tested against aws-sdk-client-mock. */
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ResourceNotFoundException, SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createKmsDataKeyProvider, createLocalDataKeyProvider, withDataKeyCache } from '../../../functions/crypto/dataKeys';
import { createFieldCipher } from '../../../functions/crypto/fieldEncryption';
import { atExpression, createEventBridgeDeadlineScheduler } from '../../../functions/runtime/eventBridgeDeadlineScheduler';
import { createTenantScopedClients, tenantSessionPolicy } from '../../../functions/runtime/tenantScopedCredentials';

const tenantA = 'tn_01jz8x6d3v2k9q4r7t1w5y8b0c';
const tenantB = 'tn_01jz8x6d3v2k9q4r7t1w5y8b0d';
const settings = { roleArn: 'arn:aws:iam::123456789012:role/tenant-access', region: 'ap-northeast-1', accountId: '123456789012', tenantTablePrefix: 'pdpa-prod-tenant-' };

describe('tenant-scoped credentials (STS session policy)', () => {
  const sts = mockClient(STSClient);
  beforeEach(() => sts.reset());

  it('names exactly one tenant table and its indexes', () => {
    const policy = JSON.parse(tenantSessionPolicy(settings, tenantA));
    const resources = policy.Statement.flatMap((s: { Resource: string[] }) => s.Resource);
    expect(resources).toEqual([
      `arn:aws:dynamodb:ap-northeast-1:123456789012:table/pdpa-prod-tenant-${tenantA}`,
      `arn:aws:dynamodb:ap-northeast-1:123456789012:table/pdpa-prod-tenant-${tenantA}/index/*`,
    ]);
    expect(JSON.stringify(policy)).not.toContain(tenantB);
    expect(policy.Statement[0].Action).not.toContain('dynamodb:*');
    expect(policy.Statement[0].Action).not.toContain('dynamodb:Scan');
    expect(() => tenantSessionPolicy(settings, 'tn_../../*')).toThrow();
  });

  it('assumes the role once per tenant with the session policy and a tenant tag', async () => {
    sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'AK', SecretAccessKey: 'SK', SessionToken: 'ST', Expiration: new Date(Date.now() + 3600_000) } });
    const clientFor = createTenantScopedClients(new STSClient({ region: 'ap-northeast-1' }), settings);
    await clientFor(tenantA);
    await clientFor(tenantA);
    await clientFor(tenantB);
    const calls = sts.commandCalls(AssumeRoleCommand);
    expect(calls).toHaveLength(2);
    const first = calls[0]!.args[0].input;
    expect(first.RoleArn).toBe(settings.roleArn);
    expect(first.Policy).toBe(tenantSessionPolicy(settings, tenantA));
    expect(first.Tags).toEqual([{ Key: 'tenantId', Value: tenantA }]);
    expect(calls[1]!.args[0].input.Policy).toContain(tenantB);
  });

  it('fails loudly when STS returns no credentials', async () => {
    sts.on(AssumeRoleCommand).resolves({});
    const clientFor = createTenantScopedClients(new STSClient({ region: 'ap-northeast-1' }), settings);
    await expect(clientFor(tenantA)).rejects.toThrow('STS returned no credentials');
  });
});

describe('EventBridge Scheduler one-time deadline schedules', () => {
  const scheduler = mockClient(SchedulerClient);
  beforeEach(() => scheduler.reset());
  const config = { groupName: 'pdpa-prod-deadlines', targetArn: 'arn:aws:lambda:ap-northeast-1:123456789012:function:deadline', roleArn: 'arn:aws:iam::123456789012:role/scheduler', deadLetterQueueArn: 'arn:aws:sqs:ap-northeast-1:123456789012:dlq' };
  const schedule = { name: 'dsr-1-decision', tenantId: tenantA, at: '2026-02-23T15:59:59.999Z', target: { kind: 'deadlineReminder', resourceId: 'task-1' } };

  it('creates an at() schedule in UTC that deletes itself after firing', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    await createEventBridgeDeadlineScheduler(new SchedulerClient({}), config).upsert(schedule);
    const input = scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      Name: 'dsr-1-decision',
      GroupName: 'pdpa-prod-deadlines',
      ScheduleExpression: 'at(2026-02-23T15:59:59)',
      ScheduleExpressionTimezone: 'UTC',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
    expect(input.Target?.DeadLetterConfig?.Arn).toBe(config.deadLetterQueueArn);
    expect(JSON.parse(input.Target!.Input!).schedule.tenantId).toBe(tenantA);
  });

  it('replaces an existing schedule when the deadline moves', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    scheduler.on(UpdateScheduleCommand).resolves({});
    await createEventBridgeDeadlineScheduler(new SchedulerClient({}), config).upsert({ ...schedule, at: '2026-03-10T15:59:59.999Z' });
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]!.args[0].input.ScheduleExpression).toBe('at(2026-03-10T15:59:59)');
  });

  it('removing a schedule that already fired is not an error', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} }));
    await expect(createEventBridgeDeadlineScheduler(new SchedulerClient({}), config).remove('dsr-1-decision')).resolves.toBeUndefined();
  });

  it('formats at() without milliseconds or zone', () => {
    expect(atExpression('2026-01-01T00:00:00.000+08:00')).toBe('at(2025-12-31T16:00:00)');
  });
});

describe('per-tenant data keys', () => {
  const kms = mockClient(KMSClient);
  beforeEach(() => kms.reset());

  it('KMS: generates with the tenant as encryption context and decrypts with it', async () => {
    const plaintext = randomBytes(32);
    kms.on(GenerateDataKeyCommand).resolves({ Plaintext: plaintext, CiphertextBlob: Buffer.from('wrapped') });
    kms.on(DecryptCommand).resolves({ Plaintext: plaintext });
    const provider = withDataKeyCache(createKmsDataKeyProvider(new KMSClient({}), 'arn:aws:kms:key'));
    const { wrappedKey } = await provider.createTenantDataKey(tenantA);
    expect(kms.commandCalls(GenerateDataKeyCommand)[0]!.args[0].input).toMatchObject({ KeySpec: 'AES_256', EncryptionContext: { tenantId: tenantA } });
    const unwrapped = await provider.unwrapTenantDataKey(tenantA, wrappedKey);
    await provider.unwrapTenantDataKey(tenantA, wrappedKey);
    expect(unwrapped.equals(plaintext)).toBe(true);
    expect(kms.commandCalls(DecryptCommand)).toHaveLength(1);
    expect(kms.commandCalls(DecryptCommand)[0]!.args[0].input.EncryptionContext).toEqual({ tenantId: tenantA });
  });

  it('local: a key wrapped for one tenant does not unwrap for another', async () => {
    const provider = createLocalDataKeyProvider(randomBytes(32));
    const { wrappedKey, plaintextKey } = await provider.createTenantDataKey(tenantA);
    expect((await provider.unwrapTenantDataKey(tenantA, wrappedKey)).equals(plaintextKey)).toBe(true);
    await expect(provider.unwrapTenantDataKey(tenantB, wrappedKey)).rejects.toThrow();
  });

  it('field cipher: values are bound to tenant and field; lookup hashes are keyed', () => {
    const key = randomBytes(32);
    const cipher = createFieldCipher(tenantA, key);
    const sealed = cipher.encrypt('requester.email', 'wang@example.com');
    expect(sealed).not.toContain('wang');
    expect(cipher.decrypt('requester.email', sealed)).toBe('wang@example.com');
    expect(() => cipher.decrypt('requester.phone', sealed)).toThrow();
    expect(() => createFieldCipher(tenantB, key).decrypt('requester.email', sealed)).toThrow();
    expect(cipher.encrypt('requester.email', 'wang@example.com')).not.toBe(sealed);
    expect(cipher.lookupHash('email', 'wang@example.com')).toBe(cipher.lookupHash('email', 'wang@example.com'));
    expect(createFieldCipher(tenantA, randomBytes(32)).lookupHash('email', 'wang@example.com')).not.toBe(cipher.lookupHash('email', 'wang@example.com'));
  });
});
