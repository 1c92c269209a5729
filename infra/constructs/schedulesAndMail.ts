/**
 * EventBridge Scheduler: the daily review sweep (09:00 Asia/Taipei, retries, DLQ) and the
 * schedule group for one-time deadline schedules with the role they invoke with. SES v2: the
 * sender identity and a configuration set whose bounce/complaint events come back to the product.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface SchedulesAndMailProps {
  stage: string;
  sweepFunction: NodejsFunction;
  deadlineFunction: NodejsFunction;
  mailEventsFunction: NodejsFunction;
  /** Functions that create/move/delete one-time deadline schedules. */
  schedulingFunctions: NodejsFunction[];
  mailSendingFunctions: NodejsFunction[];
  senderDomain: string;
  queueKey: kms.IKey;
}

export const SWEEP_SCHEDULE = { expression: 'cron(0 9 * * ? *)', timeZone: 'Asia/Taipei' } as const;

export class SchedulesAndMail extends Construct {
  readonly deadLetterQueue: sqs.Queue;
  readonly deadlineGroupName: string;
  readonly schedulerRole: iam.Role;
  readonly configurationSetName: string;

  constructor(scope: Construct, id: string, props: SchedulesAndMailProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.deadLetterQueue = new sqs.Queue(this, 'ScheduleDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.queueKey,
      enforceSSL: true,
    });

    this.schedulerRole = new iam.Role(this, 'SchedulerInvokeRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: 'EventBridge Scheduler invokes the sweep and deadline handlers',
    });
    props.sweepFunction.grantInvoke(this.schedulerRole);
    props.deadlineFunction.grantInvoke(this.schedulerRole);
    this.deadLetterQueue.grantSendMessages(this.schedulerRole);
    props.queueKey.grantEncryptDecrypt(this.schedulerRole);

    new scheduler.CfnSchedule(this, 'DailyReviewSweep', {
      name: `pdpa-${props.stage}-daily-review-sweep`,
      description: 'Finds due, coming-due and overdue review tasks and sends reminder digests',
      scheduleExpression: SWEEP_SCHEDULE.expression,
      scheduleExpressionTimezone: SWEEP_SCHEDULE.timeZone,
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: props.sweepFunction.functionArn,
        roleArn: this.schedulerRole.roleArn,
        input: JSON.stringify({ kind: 'dailySweep' }),
        retryPolicy: { maximumRetryAttempts: 5, maximumEventAgeInSeconds: 6 * 3600 },
        deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
      },
    });

    this.deadlineGroupName = `pdpa-${props.stage}-deadlines`;
    const group = new scheduler.CfnScheduleGroup(this, 'DeadlineScheduleGroup', { name: this.deadlineGroupName });
    for (const fn of props.schedulingFunctions) {
      fn.addToRolePolicy(new iam.PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'],
        resources: [stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${this.deadlineGroupName}/*` })],
      }));
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [this.schedulerRole.roleArn], conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } } }));
    }
    group.node.addDependency(this.schedulerRole);

    // Mail: the identity must be verified in the account (see README, deployment).
    const identity = new ses.EmailIdentity(this, 'SenderIdentity', { identity: ses.Identity.domain(props.senderDomain) });
    const mailEvents = new sns.Topic(this, 'MailEvents', { masterKey: props.queueKey, enforceSSL: true });
    props.queueKey.grantEncryptDecrypt(new iam.ServicePrincipal('ses.amazonaws.com'));
    const configurationSet = new ses.ConfigurationSet(this, 'ReminderMail', { configurationSetName: `pdpa-${props.stage}-reminders`, reputationMetrics: true });
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(mailEvents),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT, ses.EmailSendingEvent.DELIVERY_DELAY],
    });
    mailEvents.addSubscription(new subscriptions.LambdaSubscription(props.mailEventsFunction));
    this.configurationSetName = configurationSet.configurationSetName;
    for (const fn of props.mailSendingFunctions) {
      fn.addToRolePolicy(new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [identity.emailIdentityArn, stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName })],
      }));
    }
  }
}
