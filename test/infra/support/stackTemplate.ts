/** What the infra tests ask of a synthesized template: the dev product stack, functions by name, a role's statements. */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PdpaComplianceStack } from '../../../infra/pdpaStack';

/** The product stack of the dev stage, synthesized without bundling (test/infra/lambdaBundles.test.ts bundles). */
export function devStackTemplate(): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new PdpaComplianceStack(app, 'PdpaCompliance-dev', {
    stage: 'dev',
    senderDomain: 'example.com',
    publicBaseUrl: 'https://api.example.com',
    consoleBaseUrl: 'https://console.example.com',
    env: { account: '123456789012', region: 'ap-northeast-1' },
  });
  return Template.fromStack(stack);
}

export function functionsByName(template: Template): Record<string, { logicalId: string; properties: any }> {
  return Object.fromEntries(
    Object.entries(template.findResources('AWS::Lambda::Function'))
      .filter(([, fn]: [string, any]) => typeof fn.Properties.FunctionName === 'string')
      .map(([logicalId, fn]: [string, any]) => [fn.Properties.FunctionName as string, { logicalId, properties: fn.Properties }]),
  );
}

export function functionNamed(template: Template, name: string): { logicalId: string; properties: any } {
  const found = functionsByName(template)[name];
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

/** The inline policy statements attached to a function's role. */
export function statementsOfRoleOf(template: Template, functionName: string): any[] {
  const roleLogicalId = functionNamed(template, functionName).properties.Role['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy: any) => policy.Properties.Roles.some((role: any) => role.Ref === roleLogicalId))
    .flatMap((policy: any) => policy.Properties.PolicyDocument.Statement);
}
