/**
 * The evidence bucket in the stack: versioned, SSE-KMS with its own rotating key, Object Lock
 * enabled without a default retention (the API sets governance retention per verified file),
 * public access blocked, TLS only, access-logged, noncurrent versions expired; only the function
 * serving /v1/evidence may write, read, delete and lock evidence objects, and only under
 * `<tenant>/evidence/`; every function knows the bucket. cdk-nag runs over the whole stack in
 * test/infra/stack.test.ts; here it runs on the construct alone.
 */
import { App, Aspects, Stack } from 'aws-cdk-lib';
import { functionsByName as functionsOf, statementsOfRoleOf as roleStatements } from './support/stackTemplate';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyNagSuppressions } from '../../infra/nagSuppressions';
import { EvidenceStorage, NONCURRENT_VERSION_DAYS } from '../../infra/constructs/evidenceStorage';
import { INSPECTION_PACK_ARCHIVE_DAYS } from '../../domain/inspectionPack/job';
import { INSPECTION_PACK_OBJECT_TAG } from '../../functions/inspectionPacks/inspectionPackEntities';

let template: Template;
let stack: Stack;

/**
 * The construct in a stack of its own with two stand-in functions (the evidence API and another
 * area), so these assertions do not depend on every other area's Lambda entry existing; the wiring
 * into the product stack is asserted in test/infra/stack.test.ts's synth and cdk-nag run.
 */
beforeAll(() => {
  const app = new App();
  stack = new Stack(app, 'EvidenceStorageTest', { env: { account: '123456789012', region: 'ap-northeast-1' } });
  const standIn = (name: string) => new lambda.Function(stack, name, { functionName: name, runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
  const evidenceApi = standIn('pdpa-prod-assessmentsApi');
  const otherApi = standIn('pdpa-prod-platformApi');
  new EvidenceStorage(stack, 'EvidenceStorage', { stage: 'prod', retainData: true, evidenceFunctions: [evidenceApi], functions: [evidenceApi, otherApi] });
  applyNagSuppressions(stack);
  Aspects.of(app).add(new AwsSolutionsChecks());
  app.synth();
  template = Template.fromStack(stack);
}, 180_000);

function evidenceBucket(): [string, any] {
  const buckets = Object.entries(template.findResources('AWS::S3::Bucket')).filter(([id]) => id.startsWith('EvidenceStorageBucket'));
  expect(buckets).toHaveLength(1);
  return buckets[0] as [string, any];
}

const functionsByName = () => functionsOf(template);
const statementsOfRoleOf = (functionName: string) => roleStatements(template, functionName);

const touchesEvidence = (bucketId: string) => (statement: any) => JSON.stringify(statement.Resource ?? '').includes(bucketId);

describe('evidence bucket', () => {
  it('is versioned, Object Lock enabled without a default retention, SSE-KMS with a bucket key', () => {
    const [, bucket] = evidenceBucket();
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.ObjectLockEnabled).toBe(true);
    // Retention runs from the end of the year the evidence relates to, set per object by the API.
    expect(bucket.Properties.ObjectLockConfiguration?.Rule).toBeUndefined();
    const encryption = bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
    expect(encryption.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    expect(encryption.ServerSideEncryptionByDefault.KMSMasterKeyID['Fn::GetAtt'][0]).toMatch(/^EvidenceStorageKey/);
    expect(encryption.BucketKeyEnabled).toBe(true);
    template.hasResourceProperties('AWS::KMS::Key', { Description: Match.stringLikeRegexp('evidence'), EnableKeyRotation: true });
  });

  it('blocks public access, is access-logged, and is retained in prod', () => {
    const [, bucket] = evidenceBucket();
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName.Ref).toMatch(/^EvidenceStorageAccessLogs/);
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('refuses requests without TLS', () => {
    const [bucketId] = evidenceBucket();
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')).filter((policy: any) => policy.Properties.Bucket.Ref === bucketId) as any[];
    expect(policies).toHaveLength(1);
    expect(policies[0].Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Principal: { AWS: '*' } }),
    );
  });

  it('expires noncurrent versions (once unlocked), aborted uploads and expired delete markers', () => {
    const [, bucket] = evidenceBucket();
    const rules = bucket.Properties.LifecycleConfiguration.Rules;
    expect(rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: NONCURRENT_VERSION_DAYS }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }));
    expect(rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', ExpiredObjectDeleteMarker: true }));
  });

  it('deletes inspection packs (by their object tag) a day after the API stops offering them', () => {
    const [, bucket] = evidenceBucket();
    const rules = bucket.Properties.LifecycleConfiguration.Rules;
    expect(rules).toContainEqual(expect.objectContaining({
      Status: 'Enabled',
      TagFilters: [{ Key: INSPECTION_PACK_OBJECT_TAG.key, Value: INSPECTION_PACK_OBJECT_TAG.value }],
      ExpirationInDays: INSPECTION_PACK_ARCHIVE_DAYS + 1,
    }));
    // Evidence itself carries no such tag and has no expiration rule.
    expect(rules.filter((rule: { ExpirationInDays?: number }) => rule.ExpirationInDays !== undefined)).toHaveLength(1);
  });

  it('lets the evidence API write, read, delete and lock only evidence objects, never bypass governance', () => {
    const [bucketId] = evidenceBucket();
    const statements = statementsOfRoleOf('pdpa-prod-assessmentsApi').filter(touchesEvidence(bucketId));
    expect(statements).toHaveLength(1);
    expect(statements[0].Action).toEqual(['s3:PutObject', 's3:GetObject', 's3:DeleteObject', 's3:PutObjectRetention', 's3:PutObjectLegalHold', 's3:GetObjectRetention', 's3:GetObjectLegalHold']);
    expect(statements[0].Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*/evidence/*']] });
    const all = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(all).not.toContain('s3:BypassGovernanceRetention');
    // The API can use the bucket's key to encrypt uploads and decrypt for verification and downloads.
    const keyStatements = statementsOfRoleOf('pdpa-prod-assessmentsApi').filter((s: any) => JSON.stringify(s.Resource).includes('EvidenceStorageKey'));
    expect(keyStatements.flatMap((s: any) => [s.Action].flat())).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*']));
  });

  it('is not granted to API areas that do not serve evidence', () => {
    const [bucketId] = evidenceBucket();
    expect(statementsOfRoleOf('pdpa-prod-platformApi').filter(touchesEvidence(bucketId))).toEqual([]);
    expect(JSON.stringify(statementsOfRoleOf('pdpa-prod-platformApi'))).not.toContain('EvidenceStorageKey');
  });

  it('is named to every function in EVIDENCE_BUCKET', () => {
    const [bucketId] = evidenceBucket();
    const functions = Object.values(functionsByName());
    expect(functions).toHaveLength(2);
    for (const fn of functions) expect(fn.properties.Environment.Variables.EVIDENCE_BUCKET, fn.properties.FunctionName).toEqual({ Ref: bucketId });
  });

  it('passes cdk-nag (AwsSolutions) with only the reasoned suppressions', () => {
    const findings = [...Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')), ...Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))];
    expect(findings.map((finding) => `${finding.id}: ${String(finding.entry.data).slice(0, 200)}`)).toEqual([]);
  });
});
