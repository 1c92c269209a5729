/**
 * The inspection-pack builder (issue #17) around its Lambda: the function itself is one of the
 * stack's background functions (created with the others by ApiFunctions, with the baseline
 * permissions and the tenant-scoped table access); this construct adds what is particular to it:
 *  - generous memory and timeout (INSPECTION_PACK_BUILDER_NEEDS): the docx/xlsx renderers and the
 *    ZIP are built in memory; the timeout is the one the job's stale rule counts with;
 *  - no retries of the asynchronous invoke: a retried event finds the job started and does
 *    nothing, and a build that died reads as failed once past the timeout;
 *  - lambda:InvokeFunction on exactly the builder for the API functions that serve the routes;
 *  - INSPECTION_PACK_BUILDER_FUNCTION on every function (the stack sets each variable the code
 *    reads everywhere), as a literal name so the builder does not reference itself;
 *  - read of the object store (evidence files) and write of the packs under the tenants' prefixes.
 */
import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { BUILDER_TIMEOUT_SECONDS } from '../../domain/inspectionPack/job';
import type { FunctionNeeds } from './apiFunctions';

export const INSPECTION_PACK_BUILDER_GROUP = 'inspectionPackBuilder';

/** Memory for the in-memory ZIP (evidence budget 400 MB, plus renderers) and the full Lambda timeout. */
export const INSPECTION_PACK_BUILDER_NEEDS: FunctionNeeds = {
  // The pack lists assessments against their checklist catalogs.
  readsChecklistCatalogs: true,
  memoryMb: 3008,
  timeout: Duration.seconds(BUILDER_TIMEOUT_SECONDS),
  managesDeadlineSchedules: false,
};

export interface InspectionPackBuilderProps {
  stage: string;
  builder: lambda.Function;
  /** The API functions that serve /v1/inspection-packs and start builds. */
  invokers: lambda.Function[];
  /** Every function of the stack (each gets the builder's name). */
  functions: lambda.Function[];
  /** Where evidence files are and packs go: the evidence bucket and its key. */
  objects?: { bucket: s3.IBucket; key?: kms.IKey };
}

/** Object keys: evidence is read from `<tenantId>/evidence/…`, packs go to `<tenantId>/inspection-packs/…`. */
const EVIDENCE_OBJECTS = '*/evidence/*';
const PACK_OBJECTS = '*/inspection-packs/*';

export function inspectionPackBuilderName(stage: string): string {
  return `pdpa-${stage}-${INSPECTION_PACK_BUILDER_GROUP}`;
}

export class InspectionPackBuilder extends Construct {
  constructor(scope: Construct, id: string, props: InspectionPackBuilderProps) {
    super(scope, id);
    new lambda.EventInvokeConfig(this, 'AsyncInvoke', {
      function: props.builder,
      retryAttempts: 0,
      // An event that waited longer than a build may take is a pack the caller already sees as failed.
      maxEventAge: Duration.seconds(BUILDER_TIMEOUT_SECONDS),
    });
    const name = inspectionPackBuilderName(props.stage);
    const builderArn = Stack.of(this).formatArn({ service: 'lambda', resource: 'function', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    for (const fn of props.functions) fn.addEnvironment('INSPECTION_PACK_BUILDER_FUNCTION', name);
    for (const invoker of props.invokers) {
      // The function itself only: no versions or aliases (<arn>:*) are invoked.
      invoker.addToRolePolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [builderArn] }));
    }
    if (props.objects) {
      const { bucket, key } = props.objects;
      props.builder.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(EVIDENCE_OBJECTS)] }));
      // PutObjectTagging: the archive is written with its expiry tag (functions/inspectionPacks/inspectionPackEntities.ts).
      props.builder.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:PutObjectTagging', 's3:GetObject'], resources: [bucket.arnForObjects(PACK_OBJECTS)] }));
      // The download link is signed with the API function's credentials: it must be able to read the pack.
      for (const invoker of props.invokers) invoker.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(PACK_OBJECTS)] }));
      for (const fn of [props.builder, ...props.invokers]) {
        key?.grantEncryptDecrypt(fn);
        NagSuppressions.addResourceSuppressions(fn.role!, [
          {
            id: 'AwsSolutions-IAM5',
            reason: 'Evidence files and inspection packs are keyed <tenantId>/evidence/<id> and <tenantId>/inspection-packs/<id>.zip, created at run time; the grants name only those patterns, and the tenant prefix comes from the credential.',
            appliesTo: [{ regex: '/^Resource::<.*Bucket[0-9A-F]+\\.Arn>\\/\\*\\/(evidence|inspection-packs)\\/\\*$/g' }],
          },
        ], true);
      }
    }
  }
}
