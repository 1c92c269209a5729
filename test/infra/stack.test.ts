/**
 * The AWS stack, proven without an account: synthesized offline (bundling skipped here; the
 * bench bundles each entry for its size), asserted on its template, and reviewed by cdk-nag.
 */
import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyNagSuppressions } from '../../infra/nagSuppressions';
import { BACKGROUND_FUNCTIONS, PdpaComplianceStack } from '../../infra/pdpaStack';
import { areaGroupNames, proxyRoutes, routeOwnership } from '../../infra/routeMap';

function synth(stage: 'dev' | 'prod') {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new PdpaComplianceStack(app, `PdpaCompliance-${stage}`, {
    stage,
    senderDomain: 'example.com',
    publicBaseUrl: 'https://api.example.com',
    consoleBaseUrl: 'https://console.example.com',
    alarmEmail: 'ops@example.com',
    env: { account: '123456789012', region: 'ap-northeast-1' },
  });
  applyNagSuppressions(stack);
  Aspects.of(app).add(new AwsSolutionsChecks());
  app.synth();
  return { stack, template: Template.fromStack(stack) };
}

let dev: { stack: Stack; template: Template };
let prod: { stack: Stack; template: Template };
// Synthesis takes seconds and more on a loaded machine: give the hook the tests' own budget.
beforeAll(() => {
  dev = synth('dev');
  prod = synth('prod');
}, 180_000);

describe('Lambda functions', () => {
  it('exist for every API area group and every group has an entry point', () => {
    for (const group of areaGroupNames()) expect(existsSync(join(import.meta.dirname, '../../functions/lambda', `${group}Api.ts`)), group).toBe(true);
    const functions = dev.template.findResources('AWS::Lambda::Function');
    const ours = Object.values(functions).filter((fn: any) => fn.Properties.Runtime?.startsWith('nodejs'));
    // + the console's own Lambda (infra/constructs/consoleFunction.ts).
    expect(ours.length).toBe(areaGroupNames().length + Object.keys(BACKGROUND_FUNCTIONS).length + 1);
  });

  it('all run Node.js 24 on arm64 with explicit memory, timeout, tracing and JSON logs', () => {
    const functions = Object.values(dev.template.findResources('AWS::Lambda::Function')).filter((fn: any) => fn.Properties.Handler === 'index.handler');
    for (const fn of functions as any[]) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(512);
      expect(fn.Properties.Timeout).toBeLessThanOrEqual(900);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.LoggingConfig.LogFormat).toBe('JSON');
    }
  });

  it('log groups have explicit retention', () => {
    const groups = Object.values(dev.template.findResources('AWS::Logs::LogGroup')) as any[];
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });
});

describe('environment', () => {
  // Read by the code but not set by the stack, each for a stated reason.
  const NOT_SET_BY_THE_STACK: Record<string, string> = {
    AWS_REGION: 'set by the Lambda runtime',
    OIDC_JWKS_URL: 'OIDC is optional; unset means API keys only',
    OIDC_ISSUER: 'read only when OIDC_JWKS_URL is set',
    OIDC_AUDIENCE: 'read only when OIDC_JWKS_URL is set',
    OIDC_TENANT_CLAIM: 'has a default',
    OIDC_ROLE_CLAIM: 'has a default',
    OIDC_SCOPE_CLAIM: 'has a default',
    SES_FROM_NAME: 'has a default',
    BODY_LIMIT_BYTES: 'has a default',
    PDPA_RATE_LIMIT_PERSON: 'has a default',
    PDPA_RATE_LIMIT_INTEGRATION: 'has a default',
    PDPA_RATE_LIMIT_OPERATOR: 'has a default',
    PDPA_RATE_LIMIT_WINDOW_SECONDS: 'has a default',
    PDPA_CONSOLE_ORIGINS: 'CORS for console origins is optional; none by default',
  };

  function variablesReadByLambdaCode(): Set<string> {
    const names = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        // The local stack and build tools never run in a Lambda.
        if (entry.isDirectory()) { if (!['local', 'tools', 'console'].includes(entry.name)) walk(path); continue; }
        if (!entry.name.endsWith('.ts')) continue;
        const source = readFileSync(path, 'utf8');
        // Also names kept in maps of settings (e.g. RATE_LIMIT_ENV) and read through them.
        for (const match of source.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)|required\('([A-Z][A-Z0-9_]*)'\)|'(PDPA_[A-Z0-9_]+)'/g)) names.add(match[1] ?? match[2] ?? match[3]);
      }
    };
    walk(join(import.meta.dirname, '../../functions'));
    return names;
  }

  it('every variable a Lambda reads is set on every function by the stack (or is listed with its reason)', () => {
    const read = variablesReadByLambdaCode();
    expect(read.size).toBeGreaterThan(10);
    // The console Lambda reads only its own settings (functions/console is not walked above): it has no data access.
    const functions = Object.entries(dev.template.findResources('AWS::Lambda::Function')).filter(([, fn]: [string, any]) => fn.Properties.Handler === 'index.handler' && !String(fn.Properties.FunctionName ?? '').endsWith('-consoleApp'));
    expect(functions.length).toBeGreaterThan(0);
    for (const [id, fn] of functions as [string, any][]) {
      const set = Object.keys(fn.Properties.Environment?.Variables ?? {});
      const missing = [...read].filter((name) => !set.includes(name) && !(name in NOT_SET_BY_THE_STACK));
      expect(missing, id).toEqual([]);
    }
  });
});

describe('IAM', () => {
  it('never grants dynamodb:* or any action on every resource for DynamoDB', () => {
    const policies = Object.values(dev.template.findResources('AWS::IAM::Policy')) as any[];
    for (const policy of policies) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        const actions = [statement.Action].flat();
        expect(actions).not.toContain('dynamodb:*');
        expect(actions).not.toContain('*');
        if (actions.some((a: string) => a.startsWith('dynamodb:'))) expect([statement.Resource].flat()).not.toContain('*');
      }
    }
  });

  it('the tenant-access role trusts only the functions\' roles, never the whole account', () => {
    const roles = dev.template.findResources('AWS::IAM::Role', { Properties: { Description: Match.stringLikeRegexp('tenant-scoped') } });
    const [role] = Object.values(roles) as any[];
    const principals = role.Properties.AssumeRolePolicyDocument.Statement.flatMap((s: any) => [s.Principal.AWS].flat());
    expect(principals.length).toBeGreaterThan(5);
    expect(JSON.stringify(principals)).not.toContain(':root');
    for (const principal of principals) expect(JSON.stringify(principal)).toMatch(/Functions\w+Role/);
  });

  it('tenant tables are reachable only under the tenant-table prefix', () => {
    const policies = Object.values(dev.template.findResources('AWS::IAM::Policy')) as any[];
    const tenantResources = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .flatMap((s: any) => [s.Resource].flat())
      .map((r: unknown) => JSON.stringify(r))
      .filter((r: string) => r.includes('table/pdpa-'));
    expect(tenantResources.length).toBeGreaterThan(0);
    for (const resource of tenantResources) expect(resource).toMatch(/table\/pdpa-dev-(tenant-\*|control-plane)/);
  });
});

describe('data', () => {
  it('the control plane has PITR, deletion protection and a customer-managed KMS key', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      SSESpecification: Match.objectLike({ SSEEnabled: true, SSEType: 'KMS' }),
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true, SSESpecification: Match.objectLike({ KMSMasterKeyId: Match.anyValue() }) })],
    });
  });

  it('prod retains data on stack deletion, dev does not', () => {
    const prodTable = Object.values(prod.template.findResources('AWS::DynamoDB::GlobalTable'))[0] as any;
    const devTable = Object.values(dev.template.findResources('AWS::DynamoDB::GlobalTable'))[0] as any;
    expect(prodTable.DeletionPolicy).toBe('Retain');
    expect(devTable.DeletionPolicy).toBe('Delete');
    for (const key of Object.values(prod.template.findResources('AWS::KMS::Key')) as any[]) expect(key.DeletionPolicy).toBe('Retain');
  });

  it('KMS keys rotate: one for tables, one wrapping tenant data keys, one for the evidence bucket', () => {
    dev.template.resourceCountIs('AWS::KMS::Key', 3);
    dev.template.allResourcesProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});

describe('schedules and mail', () => {
  it('runs the daily sweep at 09:00 Asia/Taipei with retries and a DLQ', () => {
    dev.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Taipei',
      Target: Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 21600 }, DeadLetterConfig: { Arn: Match.anyValue() } }),
    });
  });

  it('has a schedule group for one-time deadlines, and functions may manage only schedules in it', () => {
    dev.template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'pdpa-dev-deadlines' });
    const statements = (Object.values(dev.template.findResources('AWS::IAM::Policy')) as any[]).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const scheduling = statements.filter((s: any) => [s.Action].flat().includes('scheduler:CreateSchedule'));
    expect(scheduling.length).toBeGreaterThan(0);
    for (const statement of scheduling) expect(JSON.stringify(statement.Resource)).toContain('schedule/pdpa-dev-deadlines/*');
  });

  it('has an SES identity and a configuration set publishing bounces and complaints', () => {
    dev.template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    dev.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']) }),
    });
  });
});

describe('API', () => {
  it('routes every path of the apps to its own area Lambda, and no prefix serves two areas', () => {
    const prefixes = proxyRoutes();
    for (const route of routeOwnership()) {
      const owners = prefixes.filter((p) => route.path === p.prefix || route.path.startsWith(`${p.prefix}/`));
      expect(owners.map((o) => o.group), route.path).toEqual([route.group]);
    }
    const methods = dev.template.findResources('AWS::ApiGateway::Method');
    // Two per prefix (ANY on it and its proxy) + GET /openapi.json, /docs, /problems and their two {proxy+}
    // + the console: ANY /console, /console/{proxy+}, /p/{proxy+}.
    expect(Object.keys(methods).length).toBe(prefixes.length * 2 + 5 + 3);
    expect(Object.keys(dev.template.findResources('AWS::Lambda::Permission')).length).toBeLessThanOrEqual(areaGroupNames().length + 4);
  });

  it('stays well under the 500-resource CloudFormation limit', () => {
    // 150 below the hard limit: past 350, move the API Gateway resources into a nested stack (infra/SCALING.md).
    expect(Object.keys(dev.template.toJSON().Resources).length).toBeLessThan(350);
  });

  it('has WAF with the common and known-bad-inputs rule sets attached to the stage', () => {
    dev.template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesCommonRuleSet' }) } }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesKnownBadInputsRuleSet' }) } }),
        Match.objectLike({ Name: 'PerCredentialRateLimit' }),
      ]),
    });
    dev.template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('blocks an address that floods the public link routes (token guessing) across all instances', () => {
    dev.template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'PublicLinkPerAddressRateLimit',
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: Match.objectLike({
              AggregateKeyType: 'IP',
              ScopeDownStatement: { ByteMatchStatement: Match.objectLike({ SearchString: '/v1/public/', FieldToMatch: { UriPath: {} } }) },
            }),
          },
        }),
      ]),
    });
  });


  it('throttles the stage and writes access logs', () => {
    dev.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      MethodSettings: Match.arrayWith([Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 })]),
    });
  });
});

describe('operations', () => {
  it('alarms on 5xx rate, throttles, DLQ depth, sweep failures and failed reminders', () => {
    const alarms = Object.values(dev.template.findResources('AWS::CloudWatch::Alarm')) as any[];
    const descriptions = alarms.map((a) => a.Properties.AlarmDescription as string);
    for (const expected of ['5xx', 'throttled', 'could not be delivered', 'sweep failed', 'Reminder e-mails failed', 'webhook delivery message was dead-lettered']) {
      expect(descriptions.some((d) => d.includes(expected)), expected).toBe(true);
    }
  });

  it('watches the webhook delivery dead-letter queue itself, not another queue', () => {
    const queues = dev.template.findResources('AWS::SQS::Queue');
    const webhookDlq = Object.keys(queues).find((id) => id.includes('DeliveryDeadLetters'));
    expect(webhookDlq).toBeDefined();
    const alarms = Object.values(dev.template.findResources('AWS::CloudWatch::Alarm')) as any[];
    const alarm = alarms.find((a) => String(a.Properties.AlarmDescription).includes('webhook delivery message was dead-lettered'));
    expect(alarm.Properties.MetricName).toBe('ApproximateNumberOfMessagesVisible');
    expect(JSON.stringify(alarm.Properties.Dimensions)).toContain(webhookDlq);
    expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unsuppressed errors or warnings', () => {
    for (const { stack } of [dev, prod]) {
      const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'));
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'));
      expect(errors.map((e) => `${e.id}: ${String(e.entry.data).slice(0, 160)}`)).toEqual([]);
      expect(warnings.map((e) => `${e.id}: ${String(e.entry.data).slice(0, 160)}`)).toEqual([]);
    }
  });
});
