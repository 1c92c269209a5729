/**
 * The inspection-pack builder in the stack: its own Lambda with generous memory and the timeout
 * the job's stale rule counts with, no retries of the asynchronous invoke, InvokeFunction only
 * for the API function serving the routes, and its name on every function. cdk-nag runs over the
 * whole stack in test/infra/stack.test.ts.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILDER_TIMEOUT_SECONDS } from '../../domain/inspectionPack/job';
import { InspectionPackBuilder, inspectionPackBuilderName } from '../../infra/constructs/inspectionPackBuilder';
import { devStackTemplate, functionsByName as functionsOf, statementsOfRoleOf as roleStatements } from './support/stackTemplate';

let template: Template;

beforeAll(() => {
  template = devStackTemplate();
}, 180_000);

const functionsByName = () => functionsOf(template);
const statementsOfRoleOf = (functionName: string) => roleStatements(template, functionName);

const invokes = (statement: any) => [statement.Action].flat().includes('lambda:InvokeFunction');

describe('inspection pack builder', () => {
  it('is its own Lambda with generous memory and the timeout the stale rule uses', () => {
    const builder = functionsByName()[inspectionPackBuilderName('dev')];
    expect(builder, 'builder function').toBeDefined();
    expect(builder!.properties.MemorySize).toBeGreaterThanOrEqual(2048);
    expect(builder!.properties.Timeout).toBe(BUILDER_TIMEOUT_SECONDS);
    expect(builder!.properties.Timeout).toBeLessThanOrEqual(900);
  });

  it('is invoked asynchronously without retries (a retry would find the job started)', () => {
    const builder = functionsByName()[inspectionPackBuilderName('dev')]!;
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: builder.logicalId },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: BUILDER_TIMEOUT_SECONDS,
    });
  });

  it('only the API function serving /v1/inspection-packs may invoke it, and only it (no versions or aliases)', () => {
    const invoking = Object.keys(functionsByName()).filter((name) => statementsOfRoleOf(name).some(invokes));
    expect(invoking).toEqual(['pdpa-dev-assessmentsApi']);
    const [statement] = statementsOfRoleOf('pdpa-dev-assessmentsApi').filter(invokes);
    expect(statement.Effect).toBe('Allow');
    expect(JSON.stringify(statement.Resource)).toContain(`function:${inspectionPackBuilderName('dev')}`);
    expect(JSON.stringify(statement.Resource)).not.toContain(':*');
  });

  it('every function with data access knows the builder\'s name (the console Lambda has none)', () => {
    for (const [name, fn] of Object.entries(functionsByName()).filter(([name]) => !name.endsWith('-consoleApp'))) {
      expect(fn.properties.Environment.Variables.INSPECTION_PACK_BUILDER_FUNCTION, name).toBe(inspectionPackBuilderName('dev'));
    }
  });

  it('reads evidence and writes packs under the tenants\' prefixes only; the API may read packs to sign their links', () => {
    const objectStatements = (name: string) => statementsOfRoleOf(name).filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('s3:')));
    const patterns = (name: string) =>
      objectStatements(name).flatMap((statement) => [statement.Action].flat().map((action: string) => `${action} ${JSON.stringify(statement.Resource).match(/\/\*\/[a-z-]+\/\*/)?.[0]}`));
    expect(patterns(inspectionPackBuilderName('dev')).sort()).toEqual(['s3:GetObject /*/evidence/*', 's3:GetObject /*/inspection-packs/*', 's3:PutObject /*/inspection-packs/*', 's3:PutObjectTagging /*/inspection-packs/*']);
    expect(patterns('pdpa-dev-assessmentsApi')).toContain('s3:GetObject /*/inspection-packs/*');
    expect(patterns('pdpa-dev-assessmentsApi')).not.toContain('s3:PutObject /*/inspection-packs/*');
    // No other function touches the packs.
    for (const name of Object.keys(functionsByName()).filter((n) => n !== 'pdpa-dev-assessmentsApi' && n !== inspectionPackBuilderName('dev'))) {
      expect(patterns(name).filter((p) => p.includes('inspection-packs')), name).toEqual([]);
    }
  });

  it('the construct alone: without an object store it grants no S3 access', () => {
    const stack = new Stack(new App(), 'Alone');
    const fn = (id: string) => new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>{}') });
    const builder = fn('Builder');
    new InspectionPackBuilder(stack, 'Packs', { stage: 'dev', builder, invokers: [fn('Api')], functions: [builder] });
    const local = JSON.stringify(Template.fromStack(stack).toJSON());
    expect(local).not.toContain('s3:');
    expect(local).toContain('lambda:InvokeFunction');
    // With one, the bucket's objects under the two patterns.
    const withObjects = new Stack(new App(), 'Objects');
    const fn2 = (id: string) => new lambda.Function(withObjects, id, { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>{}') });
    const builder2 = fn2('Builder');
    new InspectionPackBuilder(withObjects, 'Packs', { stage: 'dev', builder: builder2, invokers: [fn2('Api')], functions: [builder2], objects: { bucket: new s3.Bucket(withObjects, 'Objects') } });
    Template.fromStack(withObjects).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Objects'), 'Arn'] }, '/*/evidence/*']] } })]) },
    });
  });
});
