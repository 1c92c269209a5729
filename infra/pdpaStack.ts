/**
 * The product in AWS: the same Hono apps as `npm start`, one Lambda per area behind API
 * Gateway + WAF, a control-plane table plus one table per tenant (created at onboarding),
 * EventBridge Scheduler for the daily sweep and per-deadline reminders, SES for mail.
 */
import { ArnFormat, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApiFunctions, type FunctionNeeds } from './constructs/apiFunctions';
import { KeysAndData, LOG_RETENTION_DAYS } from './constructs/keysAndData';
import { Monitoring } from './constructs/monitoring';
import { ComplianceRestApi } from './constructs/restApi';
import { SchedulesAndMail } from './constructs/schedulesAndMail';
import { InspectionPackBuilder, INSPECTION_PACK_BUILDER_NEEDS } from './constructs/inspectionPackBuilder';
import { EvidenceStorage } from './constructs/evidenceStorage';
import { WebhookDelivery, WEBHOOK_FUNCTIONS } from './constructs/webhookDelivery';
import { areaGroupNames, proxyRoutes } from './routeMap';
import { ConsoleFunction } from './constructs/consoleFunction';

export interface PdpaStackProps extends StackProps {
  stage: 'dev' | 'prod';
  senderDomain: string;
  publicBaseUrl: string;
  consoleBaseUrl: string;
  alarmEmail?: string;
}

/** What each area's Lambda needs beyond the baseline (read the control plane, assume the tenant role). */
export const AREA_NEEDS: Record<string, FunctionNeeds> = {
  platform: { provisionsTenantTables: true, writesControlPlane: true, createsDataKeys: true, directTenantTableAccess: true, managesDeadlineSchedules: true, sendsMail: true, timeout: Duration.seconds(29), servesApiReference: true },
  tenantAdmin: { writesControlPlane: true, directTenantTableAccess: true },
  // Writes the questionnaire-token index row in the control plane.
  vendors: { writesControlPlane: true, managesDeadlineSchedules: true, sendsMail: true },
  // The request form's slug is a control-plane row.
  dataSubjectRequests: { writesControlPlane: true, managesDeadlineSchedules: true },
  // The public request form: confirmation and status links are control-plane rows; it mails the link and the receipt.
  dataSubjectRequestPublic: { writesControlPlane: true, managesDeadlineSchedules: true, sendsMail: true },
  // Resolves a token through the control plane, then touches one response item in one tenant table.
  vendorQuestionnairePublic: { writesControlPlane: true },
  plan: { managesDeadlineSchedules: false, memoryMb: 1024 },
  inventory: { memoryMb: 1024 },
  // CSV/XLSX export and import: a whole workbook in memory, parsed and validated at once.
  inventoryWorkbook: { memoryMb: 1024 },
  // Endpoint management sets no deadlines and sends no mail.
  webhooks: { managesDeadlineSchedules: false },
  // Self-assessments run the seed-003 checklist catalogs (JSON files beside the bundle).
  assessments: { managesDeadlineSchedules: true, readsChecklistCatalogs: true },
};
const DEFAULT_AREA_NEEDS: FunctionNeeds = { managesDeadlineSchedules: true };

export const BACKGROUND_FUNCTIONS: Record<string, FunctionNeeds> = {
  reviewSweep: { directTenantTableAccess: true, writesControlPlane: true, sendsMail: true, managesDeadlineSchedules: true, memoryMb: 1024, timeout: Duration.minutes(15) },
  // A failed send schedules its own retry.
  deadlineReminder: { directTenantTableAccess: true, sendsMail: true, managesDeadlineSchedules: true, timeout: Duration.minutes(1) },
  mailEvents: { directTenantTableAccess: true, writesControlPlane: true, timeout: Duration.minutes(1) },
  // Builds inspection packs, invoked asynchronously by the API (infra/constructs/inspectionPackBuilder.ts).
  inspectionPackBuilder: INSPECTION_PACK_BUILDER_NEEDS,
  // Webhooks: the outbox drained each minute into SQS, one attempt per message (infra/constructs/webhookDelivery.ts).
  ...WEBHOOK_FUNCTIONS,
};

export class PdpaComplianceStack extends Stack {
  constructor(scope: Construct, id: string, props: PdpaStackProps) {
    super(scope, id, props);
    Tags.of(this).add('product', 'pdpa-compliance');
    Tags.of(this).add('stage', props.stage);
    const retainData = props.stage === 'prod';
    const logRetentionDays = LOG_RETENTION_DAYS[props.stage];

    const data = new KeysAndData(this, 'Data', { stage: props.stage, retainData });
    const scheduleGroupName = `pdpa-${props.stage}-deadlines`;

    const groups = [
      ...areaGroupNames().map((group) => ({ group: `${group}Api`, needs: AREA_NEEDS[group] ?? DEFAULT_AREA_NEEDS, description: `PDPA API area: ${group}` })),
      ...Object.entries(BACKGROUND_FUNCTIONS).map(([group, needs]) => ({ group, needs, description: `PDPA background: ${group}` })),
    ];
    const functions = new ApiFunctions(this, 'Functions', {
      stage: props.stage,
      data,
      groups,
      logRetentionDays,
      environment: {
        STAGE: props.stage,
        CONTROL_PLANE_TABLE: data.controlPlane.tableName,
        TENANT_TABLE_PREFIX: data.tenantTablePrefix,
        TABLE_KMS_KEY_ARN: data.tableKey.keyArn,
        DATA_KEY_KMS_KEY_ARN: data.dataKeysKey.keyArn,
        CURSOR_SECRET_ARN: data.cursorSecret.secretArn,
        PDPA_RATE_LIMIT_TABLE: data.rateLimits.tableName,
        AWS_ACCOUNT_ID: this.account,
        DEADLINE_SCHEDULE_GROUP: scheduleGroupName,
        PUBLIC_BASE_URL: props.publicBaseUrl,
        CONSOLE_BASE_URL: props.consoleBaseUrl,
        SES_CONFIGURATION_SET: `pdpa-${props.stage}-reminders`,
        SES_FROM_ADDRESS: `no-reply@${props.senderDomain}`,
        MAIL_TRANSPORT: 'ses',
      },
    });
    functions.functions.forEach((fn) => fn.addEnvironment('TENANT_ACCESS_ROLE_ARN', functions.tenantAccessRole.roleArn));

    const fn = (name: string) => functions.byGroup.get(name)!;
    // Evidence files (issue #17): the assessments group serves /v1/evidence and /v1/inspection-packs.
    const evidence = new EvidenceStorage(this, 'EvidenceStorage', { stage: props.stage, retainData, evidenceFunctions: [fn('assessmentsApi')], functions: functions.functions });
    new InspectionPackBuilder(this, 'InspectionPacks', { stage: props.stage, builder: fn('inspectionPackBuilder'), invokers: [fn('assessmentsApi')], functions: functions.functions, objects: { bucket: evidence.bucket, key: evidence.key } });
    const webhookDelivery = new WebhookDelivery(this, 'Webhooks', { stage: props.stage, dispatchFunction: fn('webhookDispatch'), deliveryFunction: fn('webhookDelivery'), functions: functions.functions, queueKey: data.tableKey });
    const schedules = new SchedulesAndMail(this, 'SchedulesAndMail', {
      stage: props.stage,
      sweepFunction: fn('reviewSweep'),
      deadlineFunction: fn('deadlineReminder'),
      mailEventsFunction: fn('mailEvents'),
      schedulingFunctions: groups.filter((g) => g.needs.managesDeadlineSchedules).map((g) => fn(g.group)),
      mailSendingFunctions: groups.filter((g) => g.needs.sendsMail).map((g) => fn(g.group)),
      senderDomain: props.senderDomain,
      queueKey: data.tableKey,
    });
    const deadlineTargetArn = this.formatArn({ service: 'lambda', resource: 'function', resourceName: `pdpa-${props.stage}-deadlineReminder`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    for (const lambdaFunction of functions.functions) {
      lambdaFunction.addEnvironment('SCHEDULER_ROLE_ARN', schedules.schedulerRole.roleArn);
      lambdaFunction.addEnvironment('DEADLINE_TARGET_ARN', deadlineTargetArn);
      lambdaFunction.addEnvironment('SCHEDULER_DLQ_ARN', schedules.deadLetterQueue.queueArn);
    }

    // The console and public pages: a client of the API with no data access of its own.
    const consoleApp = new ConsoleFunction(this, 'Console', { stage: props.stage, sessionSecret: data.cursorSecret, environment: {
      STAGE: props.stage,
      CURSOR_SECRET_ARN: data.cursorSecret.secretArn,
      PUBLIC_BASE_URL: props.publicBaseUrl,
      CONSOLE_BASE_URL: props.consoleBaseUrl,
    }, logRetentionDays });
    const api = new ComplianceRestApi(this, 'Http', {
      stage: props.stage,
      routes: proxyRoutes().map((route) => ({ ...route, group: `${route.group}Api` as typeof route.group })),
      functionsByGroup: functions.byGroup,
      docsGroup: 'platformApi',
      consoleFunction: consoleApp.function,
      logRetentionDays,
      throttle: { rateLimit: props.stage === 'prod' ? 200 : 50, burstLimit: props.stage === 'prod' ? 400 : 100, perCredentialPer5Min: 3000, publicLinkPerAddressPer5Min: 300 },
    });

    new Monitoring(this, 'Monitoring', {
      api: api.api,
      functions: functions.functions,
      sweepFunction: fn('reviewSweep'),
      deadLetterQueue: schedules.deadLetterQueue,
      webhookDeadLetterQueue: webhookDelivery.deadLetterQueue,
      alarmEmail: props.alarmEmail,
      topicKey: data.tableKey,
    });
  }
}
