/**
 * Webhook delivery in AWS (issue #19). Why not DynamoDB Streams: tenant tables are created at
 * onboarding, one per tenant, so a stream would need an event-source mapping per table made at
 * run time. Instead a one-minute EventBridge schedule runs the dispatch Lambda, which drains every
 * active tenant's outbox (the same code `npm start` runs in-process) and sends each due delivery
 * as an SQS message; the delivery Lambda makes one attempt per message. SQS retries a message
 * whose handling failed and then moves it to a dead-letter queue (kept 14 days for the operator); the
 * webhook retry schedule itself (backoff with jitter for about 3 days) lives in the table, so a
 * lost message is handed off again the next minute.
 *
 * The two functions are background functions of the stack (ApiFunctions, with tenant-table access);
 * this construct adds the queues, the schedule, the event source and WEBHOOK_DELIVERY_QUEUE_URL.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionNeeds } from './apiFunctions';

export const WEBHOOK_DISPATCH_SCHEDULE = 'rate(1 minute)';

export const WEBHOOK_FUNCTIONS: Record<'webhookDispatch' | 'webhookDelivery', FunctionNeeds> = {
  // Drains every tenant's outbox each minute; sends no mail.
  webhookDispatch: { directTenantTableAccess: true, managesDeadlineSchedules: false, timeout: Duration.seconds(55) },
  // One attempt per message (5 s timeout) and, when an endpoint is disabled, one mail to the tenant.
  webhookDelivery: { directTenantTableAccess: true, sendsMail: true, managesDeadlineSchedules: false, timeout: Duration.seconds(30) },
};

export interface WebhookDeliveryProps {
  stage: string;
  dispatchFunction: lambda.Function;
  deliveryFunction: lambda.Function;
  /** Every function of the stack (each gets the queue URL: the stack sets each variable the code reads everywhere). */
  functions: lambda.Function[];
  queueKey: kms.IKey;
}

export class WebhookDelivery extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.deadLetterQueue = new sqs.Queue(this, 'DeliveryDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.queueKey,
      enforceSSL: true,
    });
    this.queue = new sqs.Queue(this, 'Deliveries', {
      // Longer than the delivery Lambda's timeout, so a message in flight is not handed out twice.
      visibilityTimeout: Duration.seconds(60),
      retentionPeriod: Duration.days(1),
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.queueKey,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 3 },
    });
    this.queue.grantSendMessages(props.dispatchFunction);
    props.deliveryFunction.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 20 }));
    for (const fn of props.functions) fn.addEnvironment('WEBHOOK_DELIVERY_QUEUE_URL', this.queue.queueUrl);

    const role = new iam.Role(this, 'DispatchScheduleRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: 'EventBridge Scheduler runs the webhook dispatch every minute',
    });
    // The function itself only (grantInvoke would add its versions, <arn>:*).
    role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.dispatchFunction.functionArn] }));
    new scheduler.CfnSchedule(this, 'EveryMinute', {
      name: `pdpa-${props.stage}-webhook-dispatch`,
      description: 'Drains the webhook outboxes and queues due deliveries',
      scheduleExpression: WEBHOOK_DISPATCH_SCHEDULE,
      flexibleTimeWindow: { mode: 'OFF' },
      // A missed minute is caught up by the next one: no retries pile up.
      target: { arn: props.dispatchFunction.functionArn, roleArn: role.roleArn, input: JSON.stringify({ kind: 'webhookDispatch' }), retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 } },
    });
  }
}
