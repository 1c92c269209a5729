/**
 * Webhook delivery in the stack: the one-minute dispatch schedule, the encrypted delivery queue
 * with its dead-letter queue, the delivery Lambda consuming it with partial batch failures, the
 * queue URL on every function, and SQS send only for the dispatcher. cdk-nag runs over the whole
 * stack in test/infra/stack.test.ts.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_DISPATCH_SCHEDULE } from '../../infra/constructs/webhookDelivery';
import { devStackTemplate, functionNamed as functionOf, statementsOfRoleOf as roleStatements } from './support/stackTemplate';

let template: Template;

beforeAll(() => {
  template = devStackTemplate();
}, 180_000);

const functionNamed = (name: string) => functionOf(template, name);
const statementsOfRoleOf = (functionName: string) => roleStatements(template, functionName);

const actionsOf = (statement: any): string[] => [statement.Action].flat();

describe('webhook delivery', () => {
  it('runs the dispatcher every minute, without retries piling up', () => {
    const dispatch = functionNamed('pdpa-dev-webhookDispatch');
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'pdpa-dev-webhook-dispatch',
      ScheduleExpression: WEBHOOK_DISPATCH_SCHEDULE,
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [dispatch.logicalId, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 } }),
    });
    expect(WEBHOOK_DISPATCH_SCHEDULE).toBe('rate(1 minute)');
  });

  it('queues deliveries in an encrypted queue with a dead-letter queue, consumed with partial batch failures', () => {
    const queues = template.findResources('AWS::SQS::Queue', { Properties: { RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }) } });
    expect(Object.keys(queues)).toHaveLength(1);
    const [queueId, queue] = Object.entries(queues)[0] as [string, any];
    expect(queue.Properties.KmsMasterKeyId).toBeDefined();
    expect(queue.Properties.VisibilityTimeout).toBeGreaterThan(functionNamed('pdpa-dev-webhookDelivery').properties.Timeout);
    const dlqId = queue.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0];
    template.hasResource('AWS::SQS::Queue', Match.objectLike({ Properties: Match.objectLike({ KmsMasterKeyId: Match.anyValue(), MessageRetentionPeriod: 14 * 86400 }) }));
    expect(template.toJSON().Resources[dlqId].Type).toBe('AWS::SQS::Queue');
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionName: { Ref: functionNamed('pdpa-dev-webhookDelivery').logicalId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
    });
  });

  it('gives every function the queue URL, and only the dispatcher may send to the queue', () => {
    for (const [id, fn] of Object.entries(template.findResources('AWS::Lambda::Function')) as [string, any][]) {
      // The console Lambda is a client of the API: no data access, no queue.
      if (fn.Properties.Handler !== 'index.handler' || String(fn.Properties.FunctionName ?? '').endsWith('-consoleApp')) continue;
      expect(Object.keys(fn.Properties.Environment?.Variables ?? {}), id).toContain('WEBHOOK_DELIVERY_QUEUE_URL');
    }
    expect(statementsOfRoleOf('pdpa-dev-webhookDispatch').some((s) => actionsOf(s).includes('sqs:SendMessage'))).toBe(true);
    expect(statementsOfRoleOf('pdpa-dev-webhookDelivery').some((s) => actionsOf(s).includes('sqs:SendMessage'))).toBe(false);
    expect(statementsOfRoleOf('pdpa-dev-webhookDelivery').some((s) => actionsOf(s).includes('sqs:ReceiveMessage'))).toBe(true);
    expect(statementsOfRoleOf('pdpa-dev-webhooksApi').some((s) => actionsOf(s).some((a) => a.startsWith('sqs:')))).toBe(false);
  });

  it('lets only the delivery Lambda send mail among the webhook functions', () => {
    const sendsMail = (name: string) => statementsOfRoleOf(name).some((s) => actionsOf(s).includes('ses:SendRawEmail'));
    expect(sendsMail('pdpa-dev-webhookDelivery')).toBe(true);
    expect(sendsMail('pdpa-dev-webhookDispatch')).toBe(false);
    expect(sendsMail('pdpa-dev-webhooksApi')).toBe(false);
  });
});
