/**
 * The webhook event catalogue (issue #19): every event type an integrator may subscribe to, each
 * with a versioned payload schema, and the mapping from the audit changes the product already
 * writes to those types. Payloads carry ids, states and dates only — never a data subject's
 * name, contact or identifiers — so a receiver learns what changed and fetches the record with
 * its own credential if it needs more.
 *
 * Type names are stable (`<resource>.<pastTense>` or `<clock>.<stage>`); a breaking payload
 * change gets a new schema version, announced in `schemaVersion` of every delivery.
 */
import { z } from 'zod';

const isoInstant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const id = (description: string) => z.string().min(1).max(200).describe(description);

/** The one-time-duty deadline a deadline event is about (ids and dates only). */
const deadlinePayload = z
  .object({
    dutyId: id('The duty (reviews) the deadline belongs to'),
    taskId: id('The open task of that duty'),
    dutyKind: z.string().min(1).max(100).describe('What kind of duty, e.g. dataSubjectRequestDecision'),
    subject: z.object({ kind: z.string().max(100), id: id('The record the duty is about, e.g. a request id with its item type') }).describe('The record the duty is about'),
    dueDate: isoDate.describe('Due date (tenant time zone)'),
    dueAt: isoInstant.nullable().describe('Exact due instant when the duty has one (DSR decision, incident report)'),
    threshold: z.enum(['30d', '7d', '3d', '1d', '24h', '6h', 'overdue', 'missed']).describe('Which warning this is'),
  })
  .strict();

const dataSubjectRequestPayload = z
  .object({
    dataSubjectRequestId: id('The request id'),
    caseNumber: z.string().max(100).nullable().describe('The case number quoted to the requester (not an identifier of the person)'),
    status: z.string().max(50).describe('The request status after the change'),
  })
  .strict();

const incidentPayload = z.object({ incidentId: id('The incident id'), status: z.string().max(50).nullable() }).strict();
const planVersionPayload = z.object({ versionNumber: z.string().max(20).describe('The plan version number'), status: z.string().max(50).nullable() }).strict();

export const webhookPayloadSchemas = {
  'dataSubjectRequest.received': dataSubjectRequestPayload,
  'dataSubjectRequest.identityVerified': dataSubjectRequestPayload.extend({ outcome: z.enum(['verified', 'failed']).nullable() }).strict(),
  'dataSubjectRequest.extended': dataSubjectRequestPayload,
  'dataSubjectRequest.decided': dataSubjectRequestPayload,
  'dataSubjectRequest.fulfilled': dataSubjectRequestPayload,
  'dataSubjectRequest.closed': dataSubjectRequestPayload,
  'dataSubjectRequest.withdrawn': dataSubjectRequestPayload,
  'deadline.approaching': deadlinePayload,
  'deadline.missed': deadlinePayload,
  'incident.created': incidentPayload,
  'incident.regulatorDeadline.approaching': deadlinePayload,
  'incident.regulatorDeadline.missed': deadlinePayload,
  'incident.reported': incidentPayload,
  'incident.closed': incidentPayload,
  'reviewTask.dueSoon': deadlinePayload,
  'reviewTask.overdue': deadlinePayload,
  'reviewTask.completed': z.object({ taskId: id('The completed task'), status: z.string().max(50).nullable() }).strict(),
  'planVersion.submitted': planVersionPayload,
  'planVersion.approved': planVersionPayload,
  'vendorCheck.overdue': deadlinePayload,
  'vendorCertificate.expiring': deadlinePayload,
  'vendorQuestionnaire.submitted': z.object({ questionnaireResponseId: id('The questionnaire response'), vendorId: z.string().max(200).nullable() }).strict(),
  'assessment.signedOff': z.object({ complianceAssessmentId: id('The compliance assessment'), status: z.string().max(50).nullable() }).strict(),
  'correctiveAction.overdue': deadlinePayload,
  'webhook.test': z.object({ webhookEndpointId: id('The endpoint the test was sent to'), message: z.string().max(200) }).strict(),
} as const;

export type WebhookEventType = keyof typeof webhookPayloadSchemas;
export const webhookEventTypes = Object.keys(webhookPayloadSchemas) as WebhookEventType[];
export const WEBHOOK_SCHEMA_VERSION = 1;

/** What each type means, zh-TW first (published with the schema). */
export const webhookEventSummaries: Record<WebhookEventType, string> = {
  'dataSubjectRequest.received': '受理當事人請求 / A data-subject request was received',
  'dataSubjectRequest.identityVerified': '完成身分查核 / The requester\'s identity check was recorded',
  'dataSubjectRequest.extended': '延長決定期限 / The decision period was extended (written notice)',
  'dataSubjectRequest.decided': '作成准駁決定 / The request was decided',
  'dataSubjectRequest.fulfilled': '執行完畢 / The request was fulfilled',
  'dataSubjectRequest.closed': '結案 / The request was closed',
  'dataSubjectRequest.withdrawn': '請求撤回 / The request was withdrawn',
  'deadline.approaching': '當事人請求期限將屆（3 日、1 日）/ A data-subject request deadline is near (3 days, 1 day)',
  'deadline.missed': '當事人請求期限已逾 / A data-subject request deadline passed unmet',
  'incident.created': '登錄個資事故 / An incident was recorded',
  'incident.regulatorDeadline.approaching': '通報主管機關時限將屆（24 小時、6 小時）/ The report to the authority is due soon (24 h, 6 h)',
  'incident.regulatorDeadline.missed': '通報主管機關時限已逾 / The report to the authority is late',
  'incident.reported': '已通報主管機關 / The incident was reported to the authority',
  'incident.closed': '事故結案 / The incident was closed',
  'reviewTask.dueSoon': '定期檢查工作即將到期 / A review task is due soon',
  'reviewTask.overdue': '定期檢查工作逾期 / A review task is overdue',
  'reviewTask.completed': '完成定期檢查工作 / A review task was completed',
  'planVersion.submitted': '安全維護計畫送核 / A plan version was submitted',
  'planVersion.approved': '安全維護計畫核定 / A plan version was approved',
  'vendorCheck.overdue': '受託者監督逾期 / A vendor oversight check is overdue',
  'vendorCertificate.expiring': '受託者驗證即將到期 / A vendor certificate is expiring',
  'vendorQuestionnaire.submitted': '受託者提交問卷 / A vendor submitted its questionnaire',
  'assessment.signedOff': '評估簽核 / A compliance assessment was signed off',
  'correctiveAction.overdue': '矯正預防措施逾期 / A corrective action is overdue',
  'webhook.test': '測試事件 / A test event sent on request',
};

export interface ChangeLike {
  action: string;
  resourceType: string;
  resourceId: string;
  before: unknown;
  after: unknown;
}

export interface MappedWebhookEvent {
  type: WebhookEventType;
  data: Record<string, unknown>;
}

const field = (value: unknown, name: string): string | null => {
  const found = value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
  return typeof found === 'string' || typeof found === 'number' ? String(found) : null;
};

/** The audit action of a deadline warning recorded by the sweep or a one-time schedule. */
export const deadlineNoticeAction = 'webhookDeadline.notice';
/** The audit action of a test event requested for an endpoint. */
export const testEventAction = 'webhookEndpoint.sendTestEvent';

const dsr = (change: ChangeLike) => ({ dataSubjectRequestId: change.resourceId, caseNumber: field(change.after, 'caseNumber'), status: field(change.after, 'status') ?? 'unknown' });
const incident = (change: ChangeLike) => ({ incidentId: change.resourceId, status: field(change.after, 'status') });
const planVersion = (change: ChangeLike) => ({ versionNumber: change.resourceId, status: field(change.after, 'status') });

/**
 * Audit action → event type and payload. Only whitelisted fields of the change are read, so a
 * view that carries more (a masked name, notes) never leaks into a payload.
 */
const actionMap: Record<string, (change: ChangeLike) => MappedWebhookEvent | null> = {
  'dataSubjectRequest.create': (c) => ({ type: 'dataSubjectRequest.received', data: dsr(c) }),
  'dataSubjectRequest.recordIdentityVerification': (c) => ({ type: 'dataSubjectRequest.identityVerified', data: { ...dsr(c), outcome: identityOutcome(c) } }),
  'dataSubjectRequest.extendDeadline': (c) => ({ type: 'dataSubjectRequest.extended', data: dsr(c) }),
  'dataSubjectRequest.decide': (c) => ({ type: 'dataSubjectRequest.decided', data: dsr(c) }),
  'dataSubjectRequest.fulfil': (c) => ({ type: 'dataSubjectRequest.fulfilled', data: dsr(c) }),
  'dataSubjectRequest.close': (c) => ({ type: 'dataSubjectRequest.closed', data: dsr(c) }),
  'dataSubjectRequest.withdraw': (c) => ({ type: 'dataSubjectRequest.withdrawn', data: dsr(c) }),
  'incident.report': (c) => ({ type: 'incident.created', data: incident(c) }),
  'incident.notifyRegulator': (c) => ({ type: 'incident.reported', data: incident(c) }),
  'incident.close': (c) => ({ type: 'incident.closed', data: incident(c) }),
  'reviewTask.complete': (c) => ({ type: 'reviewTask.completed', data: { taskId: c.resourceId, status: field(c.after, 'status') } }),
  'plan.version.submit': (c) => ({ type: 'planVersion.submitted', data: planVersion(c) }),
  'plan.version.approve': (c) => ({ type: 'planVersion.approved', data: planVersion(c) }),
  'vendorQuestionnaire.submit': (c) => ({ type: 'vendorQuestionnaire.submitted', data: { questionnaireResponseId: c.resourceId, vendorId: field(c.after, 'vendorId') } }),
  'complianceAssessment.signOff': (c) => ({ type: 'assessment.signedOff', data: { complianceAssessmentId: c.resourceId, status: field(c.after, 'status') } }),
  [deadlineNoticeAction]: deadlineNotice,
  [testEventAction]: (c) => ({ type: 'webhook.test', data: { webhookEndpointId: c.resourceId, message: '這是測試事件 / This is a test event' } }),
};

function identityOutcome(change: ChangeLike): 'verified' | 'failed' | null {
  // The request view keeps every check; the last one is the one recorded by this change.
  const attempts = change.after && typeof change.after === 'object' ? (change.after as { identityVerificationAttempts?: unknown }).identityVerificationAttempts : undefined;
  const last = Array.isArray(attempts) ? field(attempts[attempts.length - 1], 'outcome') : null;
  return last === 'verified' || last === 'failed' ? last : null;
}

function deadlineNotice(change: ChangeLike): MappedWebhookEvent | null {
  const after = (change.after ?? {}) as Record<string, unknown>;
  const type = after.eventType;
  if (typeof type !== 'string' || !(type in webhookPayloadSchemas)) return null;
  const parsed = deadlinePayload.safeParse(after.deadline);
  return parsed.success ? { type: type as WebhookEventType, data: parsed.data } : null;
}

/** The webhook events one audited change produces (zero or one). */
export function webhookEventOfChange(change: ChangeLike): MappedWebhookEvent | null {
  const map = actionMap[change.action];
  if (!map) return null;
  const mapped = map(change);
  if (!mapped) return null;
  // Every payload is checked against its published schema before it is stored.
  const parsed = webhookPayloadSchemas[mapped.type].safeParse(mapped.data);
  return parsed.success ? { type: mapped.type, data: parsed.data as Record<string, unknown> } : null;
}

/** The audit actions that produce an event (documentation and tests). */
export const webhookSourceActions = Object.keys(actionMap);

export type DeadlinePayload = z.infer<typeof deadlinePayload>;
export const deadlinePayloadSchema = deadlinePayload;
