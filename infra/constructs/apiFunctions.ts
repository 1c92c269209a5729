/**
 * One Lambda per API area group (the same Hono apps as `npm start`), plus the review sweep and
 * the deadline-reminder handler. Each gets only the permissions its area needs.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import type { KeysAndData } from './keysAndData';
import { apiReferenceAssetHooks, checklistCatalogHooks, combinedHooks, nodejsFunctionBundling } from '../lambdaBundling';

const ROOT = join(import.meta.dirname, '../..');

export interface FunctionNeeds {
  /** Onboarding/offboarding: create and delete tenant tables. */
  provisionsTenantTables?: boolean;
  /** Writes the control plane beyond last-used stamps (tenants, keys, token index, schedules). */
  writesControlPlane?: boolean;
  /** Reaches tenant tables with its own role (background jobs, control-plane+tenant transactions); others only via the scoped role. */
  directTenantTableAccess?: boolean;
  createsDataKeys?: boolean;
  managesDeadlineSchedules?: boolean;
  sendsMail?: boolean;
  memoryMb?: number;
  timeout?: Duration;
  /** Serves /docs: the API reference's browser script is copied next to the bundle (no node_modules in a Lambda). */
  servesApiReference?: boolean;
  /** Imports the seed-003 checklist catalogs: their JSON files are copied next to the bundle. */
  readsChecklistCatalogs?: boolean;
}

export interface ApiFunctionsProps {
  stage: string;
  data: KeysAndData;
  groups: { group: string; needs: FunctionNeeds; description: string }[];
  environment: Record<string, string>;
  logRetentionDays: number;
}

/** The files a function's bundle needs beside it, as NodejsFunction command hooks. */
function commandHooksFor(needs: FunctionNeeds) {
  const hooks = combinedHooks([...(needs.servesApiReference ? [apiReferenceAssetHooks] : []), ...(needs.readsChecklistCatalogs ? [checklistCatalogHooks] : [])]);
  return hooks ? { commandHooks: hooks } : {};
}

export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;
export const LAMBDA_ARCHITECTURE = lambda.Architecture.ARM_64;

export class ApiFunctions extends Construct {
  readonly byGroup = new Map<string, NodejsFunction>();
  readonly tenantAccessRole: iam.Role;
  readonly functions: NodejsFunction[] = [];

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const tenantTablesArn = stack.formatArn({ service: 'dynamodb', resource: 'table', resourceName: `${props.data.tenantTablePrefix}*` });

    // Each function's role exists first, so the tenant-access role trusts exactly these roles.
    const roles = new Map<string, iam.Role>();
    for (const { group } of props.groups) {
      roles.set(group, new iam.Role(this, `${group}Role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
      }));
    }
    // Assumed per request with a session policy naming one tenant's table.
    this.tenantAccessRole = new iam.Role(this, 'TenantAccessRole', {
      assumedBy: new iam.CompositePrincipal(...[...roles.values()].map((role) => new iam.ArnPrincipal(role.roleArn))),
      description: 'Per-request tenant-scoped DynamoDB access (narrowed by an STS session policy)',
      maxSessionDuration: Duration.hours(1),
    });
    this.tenantAccessRole.assumeRolePolicy?.addStatements(new iam.PolicyStatement({
      actions: ['sts:TagSession'],
      principals: [...roles.values()].map((role) => new iam.ArnPrincipal(role.roleArn)),
    }));
    this.tenantAccessRole.addToPolicy(new iam.PolicyStatement({
      actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'],
      resources: [tenantTablesArn, `${tenantTablesArn}/index/*`],
    }));
    props.data.tableKey.grantEncryptDecrypt(this.tenantAccessRole);

    for (const { group, needs, description } of props.groups) {
      const logGroup = new logs.LogGroup(this, `${group}Logs`, { retention: props.logRetentionDays as logs.RetentionDays });
      const fn = new NodejsFunction(this, `${group}Function`, {
        entry: join(ROOT, 'functions/lambda', `${group}.ts`),
        // Named, so a function can be a schedule target without referencing its own ARN token.
        functionName: `pdpa-${props.stage}-${group}`,
        role: roles.get(group),
        handler: 'handler',
        description,
        runtime: LAMBDA_RUNTIME,
        architecture: LAMBDA_ARCHITECTURE,
        memorySize: needs.memoryMb ?? 512,
        timeout: needs.timeout ?? Duration.seconds(29),
        tracing: lambda.Tracing.ACTIVE,
        logGroup,
        loggingFormat: lambda.LoggingFormat.JSON,
        environment: { ...props.environment, POWERTOOLS_SERVICE_NAME: `pdpa-${group}`, NODE_OPTIONS: '--enable-source-maps' },
        bundling: { ...nodejsFunctionBundling, format: OutputFormat.ESM, ...commandHooksFor(needs) },
      });
      this.functions.push(fn);
      this.byGroup.set(group, fn);

      const controlPlane = props.data.controlPlane;
      if (needs.writesControlPlane) controlPlane.grantReadWriteData(fn);
      else {
        // Authentication reads keys and tenants; last-used stamps are an UpdateItem.
        controlPlane.grantReadData(fn);
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: [controlPlane.tableArn] }));
      }
      this.tenantAccessRole.grantAssumeRole(fn.grantPrincipal);
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sts:TagSession'], resources: [this.tenantAccessRole.roleArn] }));
      props.data.cursorSecret.grantRead(fn);
      props.data.rateLimits.grantReadWriteData(fn);
      props.data.dataKeysKey.grant(fn, 'kms:Decrypt');
      if (needs.createsDataKeys) props.data.dataKeysKey.grant(fn, 'kms:GenerateDataKey');
      if (needs.directTenantTableAccess || needs.provisionsTenantTables) {
        fn.addToRolePolicy(new iam.PolicyStatement({
          actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'],
          resources: [tenantTablesArn, `${tenantTablesArn}/index/*`],
        }));
        props.data.tableKey.grantEncryptDecrypt(fn);
      }
      if (needs.provisionsTenantTables) {
        fn.addToRolePolicy(new iam.PolicyStatement({
          actions: ['dynamodb:CreateTable', 'dynamodb:DeleteTable', 'dynamodb:UpdateTable', 'dynamodb:UpdateTimeToLive', 'dynamodb:UpdateContinuousBackups', 'dynamodb:TagResource', 'dynamodb:Scan'],
          resources: [tenantTablesArn],
        }));
        // Creating a table encrypted with the CMK needs a grant on the key for DynamoDB.
        props.data.tableKey.grant(fn, 'kms:DescribeKey', 'kms:CreateGrant');
      }
    }
  }
}
