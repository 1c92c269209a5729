/**
 * The console's Lambda (/console and the public pages under /p): a client of the API like any
 * integration, so its role grants no table, key or schedule access — only reading the secret its
 * session-sealing key is derived from.
 */
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { nodejsFunctionBundling } from '../lambdaBundling';
import { LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME } from './apiFunctions';

export interface ConsoleFunctionProps {
  stage: string;
  /** The secret the session key is derived from (the cursor secret). */
  sessionSecret: ISecret;
  environment: Record<string, string>;
  logRetentionDays: number;
}

export class ConsoleFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ConsoleFunctionProps) {
    super(scope, id);
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(import.meta.dirname, '../../functions/lambda/consoleApp.ts'),
      functionName: `pdpa-${props.stage}-consoleApp`,
      role,
      handler: 'handler',
      description: 'PDPA compliance console and public pages (a client of the API)',
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      memorySize: 512,
      timeout: Duration.seconds(29),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: new logs.LogGroup(this, 'Logs', { retention: props.logRetentionDays as logs.RetentionDays }),
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: { ...props.environment, POWERTOOLS_SERVICE_NAME: 'pdpa-consoleApp', NODE_OPTIONS: '--enable-source-maps' },
      bundling: { ...nodejsFunctionBundling, format: OutputFormat.ESM },
    });
    props.sessionSecret.grantRead(this.function);
  }
}
