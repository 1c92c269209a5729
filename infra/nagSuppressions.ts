/**
 * cdk-nag AwsSolutions findings we accept, each with its reason. Anything not listed here fails
 * the infra tests.
 */
import type { Stack } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';

export function applyNagSuppressions(stack: Stack): void {
  NagSuppressions.addStackSuppressions(stack, [
    {
      id: 'AwsSolutions-IAM4',
      reason: 'AWSLambdaBasicExecutionRole (logs) and the API Gateway CloudWatch role are AWS-managed policies scoped to logging only.',
      appliesTo: [
        'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
        'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
      ],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'Wildcards are bounded by design: tenant tables are created at onboarding, so IAM names the tenant-table prefix (pdpa-<stage>-tenant-*) and their indexes; ' +
        'deadline schedules are created per deadline inside one schedule group (<group>/*); X-Ray tracing (Resource::*) has no resource-level permissions; KMS action wildcards come from CDK grants on one key.',
      appliesTo: [
        { regex: '/^Resource::arn:<AWS::Partition>:dynamodb:.*:table\\/pdpa-(dev|prod)-tenant-\\*(\\/index\\/\\*)?$/g' },
        { regex: '/^Resource::arn:<AWS::Partition>:scheduler:.*:schedule\\/pdpa-(dev|prod)-deadlines\\/\\*$/g' },
        { regex: '/^Resource::<DataControlPlane.*\\.Arn>\\/index\\/\\*$/g' },
        'Resource::*',
        { regex: '/^Action::kms:(ReEncrypt|GenerateDataKey)\\*$/g' },
        // grantInvoke covers the function's versions and aliases (<arn>:*) for the scheduler role.
        { regex: '/^Resource::<Functions(reviewSweep|deadlineReminder)Function[0-9A-F]+\\.Arn>:\\*$/g' },
      ],
    },
    {
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the runtime the product is built and tested on (the issue fixes it); upgrades are deliberate, not automatic.',
    },
    {
      id: 'AwsSolutions-APIG4',
      reason: 'Authorisation is done in the application: API keys (hashed in the control plane) or OIDC JWTs verified against the JWKS, with per-route roles checked before any handler; public questionnaire routes use single-use tokens.',
    },
    {
      id: 'AwsSolutions-COG4',
      reason: 'No Cognito: tenants bring their own OIDC identity provider; see APIG4.',
    },
    {
      id: 'AwsSolutions-APIG2',
      reason: 'Requests are validated by the application against the same zod schemas that generate the OpenAPI document (RFC 9457 problem responses with per-field reasons).',
    },
    {
      id: 'AwsSolutions-SMG4',
      reason: 'The cursor-signing secret is not a credential to a system; rotating it only invalidates open pagination cursors, done by replacing the secret value.',
    },
    {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue IS the dead-letter queue of the schedules; it is alarmed on depth.',
    },
  ]);
}
