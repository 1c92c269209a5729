/** Alarms on what needs a person: API 5xx rate, throttles, schedule and webhook dead letters, sweep failures. */
import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MonitoringProps {
  api: apigateway.RestApi;
  functions: NodejsFunction[];
  sweepFunction: NodejsFunction;
  deadLetterQueue: sqs.Queue;
  /** Webhook deliveries that failed every attempt the queue allows (infra/constructs/webhookDelivery.ts). */
  webhookDeadLetterQueue?: sqs.Queue;
  alarmEmail?: string;
  topicKey: kms.IKey;
}

export class Monitoring extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const topic = new sns.Topic(this, 'AlarmTopic', { masterKey: props.topicKey, enforceSSL: true });
    if (props.alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const alarm = (name: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
      const created = new cloudwatch.Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(new actions.SnsAction(topic));
      this.alarms.push(created);
    };

    const fiveXxRate = new cloudwatch.MathExpression({
      expression: '100 * errors / MAX([requests, 1])',
      usingMetrics: {
        errors: props.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
        requests: props.api.metricCount({ period: Duration.minutes(5), statistic: 'Sum' }),
      },
      label: '5xx rate (%)',
    });
    alarm('Api5xxRate', fiveXxRate, 1, 'More than 1% of API requests failed with 5xx in 5 minutes');

    // Account/region-wide Lambda throttles (an alarm may combine at most 10 metrics; we have more functions).
    alarm('LambdaThrottles', lambda.Function.metricAllThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), 1, 'A function was throttled');
    alarm('ApiGatewayThrottles', props.api.metricClientError({ period: Duration.minutes(5), statistic: 'Sum' }), 500, 'Many 4xx responses (incl. 429 throttling) in 5 minutes');

    alarm('ScheduleDeadLetters', props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }), 1, 'A scheduled sweep or deadline reminder could not be delivered');
    if (props.webhookDeadLetterQueue) {
      alarm('WebhookDeliveryDeadLetters', props.webhookDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }), 1, 'A webhook delivery message was dead-lettered (the delivery Lambda failed on it repeatedly)');
    }
    alarm('SweepFailures', props.sweepFunction.metricErrors({ period: Duration.minutes(15), statistic: 'Sum' }), 1, 'The daily review sweep failed');
    alarm('RemindersFailed', new cloudwatch.Metric({ namespace: 'PdpaCompliance', metricName: 'RemindersFailed', period: Duration.hours(1), statistic: 'Sum' }), 1, 'Reminder e-mails failed to send (they are retried)');
  }
}
