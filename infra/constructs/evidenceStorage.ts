/**
 * The evidence bucket (issue #17; seed 000 §11, seed 001 Art. 14: evidence kept at least five years).
 *
 * - Versioning, so an overwrite or delete never loses a verified file's bytes.
 * - SSE-KMS with its own customer-managed key (rotation on) and S3 Bucket Keys, so reads are logged
 *   in CloudTrail per key and the key policy is the evidence's own.
 * - Object Lock enabled on the bucket, with NO default retention: a default would count from the
 *   upload, not from the end of the year the evidence relates to. The API instead sets, per object
 *   once its SHA-256 is verified, GOVERNANCE-mode retention until the day deletion becomes allowed
 *   (31 Dec of relatesToYear + retention years, + 1 day) and an Object Lock legal hold while the
 *   record is on legal hold (functions/storage/s3ObjectStore.ts `retain`). Governance, not
 *   compliance, mode: the application cannot shorten it (its role has no s3:BypassGovernanceRetention),
 *   but an administrator can correct a retention set from a wrong year; compliance mode could not be
 *   undone even by the account root. The API's deletion adds a delete marker; the locked version
 *   stays until its retention ends, then the noncurrent-version lifecycle removes it.
 * - Public access blocked, TLS enforced, server access logs to a log bucket.
 * - The API function serving /v1/evidence may put, get and delete objects and set their retention
 *   and legal hold, only under `<tenant>/evidence/`; EVIDENCE_BUCKET is set on every function (the
 *   stack sets each variable the code reads everywhere).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { INSPECTION_PACK_ARCHIVE_DAYS } from '../../domain/inspectionPack/job';
import { INSPECTION_PACK_OBJECT_TAG } from '../../functions/inspectionPacks/inspectionPackEntities';

/** The object-key pattern of evidence files (functions/evidence/evidenceEntities.ts objectKeyOf). */
export const EVIDENCE_OBJECT_PATTERN = '*/evidence/*';
/** Days a superseded or deleted (and no longer locked) version is kept before it is removed. */
export const NONCURRENT_VERSION_DAYS = 30;
export const ACCESS_LOG_DAYS = 400;

export interface EvidenceStorageProps {
  stage: string;
  retainData: boolean;
  /** The functions serving the evidence routes (upload/download URLs, verification, deletion). */
  evidenceFunctions: lambda.Function[];
  /** Every function of the stack (each gets EVIDENCE_BUCKET). */
  functions: lambda.Function[];
}

export class EvidenceStorage extends Construct {
  readonly bucket: s3.Bucket;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: EvidenceStorageProps) {
    super(scope, id);
    const removalPolicy = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the evidence files (seed 001 Art. 14: kept at least five years)',
      enableKeyRotation: true,
      removalPolicy,
    });

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Ownership is left to CDK: it sets what S3 log delivery needs on the target bucket.
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy,
      autoDeleteObjects: false,
    });
    NagSuppressions.addResourceSuppressions(accessLogs, [
      { id: 'AwsSolutions-S1', reason: 'This is the server-access-log bucket of the evidence bucket; logging it into itself would loop.' },
    ]);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      versioned: true,
      objectLockEnabled: true,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'evidence/',
      lifecycleRules: [
        // Locked versions cannot expire before their retention date; S3 removes them after it.
        { id: 'noncurrent-versions', noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expired-delete-markers', expiredObjectDeleteMarker: true },
        // Inspection packs are copies made for one inspection: gone a day after the API stops offering them.
        { id: 'inspection-packs', tagFilters: { [INSPECTION_PACK_OBJECT_TAG.key]: INSPECTION_PACK_OBJECT_TAG.value }, expiration: Duration.days(INSPECTION_PACK_ARCHIVE_DAYS + 1) },
      ],
      // Browsers upload straight to the pre-signed URL.
      cors: [{ allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET], allowedOrigins: ['*'], allowedHeaders: ['content-type', 'content-length'], maxAge: 3000 }],
      removalPolicy,
    });

    const objects = this.bucket.arnForObjects(EVIDENCE_OBJECT_PATTERN);
    for (const fn of props.evidenceFunctions) {
      fn.addToRolePolicy(new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject', 's3:PutObjectRetention', 's3:PutObjectLegalHold', 's3:GetObjectRetention', 's3:GetObjectLegalHold'],
        resources: [objects],
      }));
      this.key.grantEncryptDecrypt(fn);
      NagSuppressions.addResourceSuppressions(fn.role!, [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Evidence files are keyed <tenantId>/evidence/<evidenceId> and created at run time; the grant names only that pattern, and the tenant prefix comes from the credential.',
          appliesTo: [{ regex: '/^Resource::<.*EvidenceStorageBucket[0-9A-F]+\\.Arn>\\/\\*\\/evidence\\/\\*$/g' }],
        },
      ], true);
    }
    for (const fn of props.functions) fn.addEnvironment('EVIDENCE_BUCKET', this.bucket.bucketName);
  }
}
