/**
 * The incident API's request schemas and views. Request bodies reuse the domain's zod schemas
 * (the domain decides what an incident is); views add what the API computes: the clocks, the
 * close blockers, the reminder schedule.
 */
import { correctiveActionViewSchemaOf } from '../correctiveActions/correctiveActionModel';
import { z } from '@hono/zod-openapi';
import {
  advisedDeadline,
  correctiveActionInputSchema,
  correctiveActionTransitionSchema,
  canCloseIncident,
  drillInputSchema,
  incidentInputSchema,
  noticeChannels,
  noticeContentSchema,
  noticeInputSchema,
  notificationReporterSchema,
  notificationReminders,
  pendingReminders,
  regulatorDeadline,
  stepNotApplicableInputSchema,
  timelineSteps,
  HOUR_MS,
  type Incident,
  type DrillStatus,
} from '../../domain/incident';
import { personOwnerSchema } from '../../domain/reviews/duty';
import { pageSchema } from '../http/pagination';
import type { StoredCorrectiveAction, StoredDrill, StoredIncident, StoredNotice } from './incidentStore';

export const INCIDENT_ID_PATTERN = /^inc_[0-9a-z]{26}$/;
const ACTION_ID_PATTERN = /^cpa_[0-9a-z]{26}$/;

export const incidentIdParams = z
  .object({ incidentId: z.string().regex(INCIDENT_ID_PATTERN).openapi({ param: { name: 'incidentId', in: 'path' }, example: 'inc_01jq3x8m5z6n7p8q9r0s1t2v3w' }) })
  .strict();
export const actionIdParams = incidentIdParams
  .extend({ actionId: z.string().regex(ACTION_ID_PATTERN).openapi({ param: { name: 'actionId', in: 'path' }, example: 'cpa_01jq3x8m5z6n7p8q9r0s1t2v3w' }) })
  .strict();

const factsShape = incidentInputSchema.shape;

/**
 * The facts without the domain's cross-field rules (occurredAt ≤ discoveredAt, describe "other"):
 * the handler runs incidentInputSchema on the result, so those rules live only in the domain.
 */
export const createIncidentSchema = z
  .object({
    ...factsShape,
    incidentContact: personOwnerSchema
      .optional()
      .describe("The plan's incident contact (事故通報個資聯絡窗口); owns the deadline to report to the authority (72 hours under the sector rules). Default: the privacy officer role"),
    reporter: reporterBodySchema(),
  })
  .strict()
  .openapi('IncidentReport');

/** 通報人 on the regulator form; each field left out comes from the tenant profile's contact. */
function reporterBodySchema() {
  return z.object(notificationReporterSchema.shape).strict().optional().describe("Reporter (通報人) on the authority's form: name, title, phone, e-mail, address. Default per field: the tenant contact");
}

type FactKey = keyof typeof factsShape;
const factKeys = Object.keys(factsShape) as FactKey[];

/** Every fact optional and without its default, so an absent field means "unchanged". */
function withoutDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}
export const updateIncidentSchema = z
  .object({
    ...(Object.fromEntries(factKeys.map((key) => [key, withoutDefault(factsShape[key] as z.ZodType).optional()])) as {
      [K in FactKey]: z.ZodOptional<z.ZodType<z.output<(typeof factsShape)[K]>>>;
    }),
    reporter: reporterBodySchema(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'Nothing to update', params: { zhTW: '沒有要更新的欄位', en: 'Nothing to update' } })
  .openapi('IncidentFactsUpdate');

export const incidentListQuerySchema = z
  .object({
    status: z.enum(['open', 'closed']).optional().openapi({ description: 'open = 處理中, closed = 已結案' }),
    notification: z
      .enum(['pending', 'overdue'])
      .optional()
      .openapi({ description: 'Open incidents whose report to the authority is still owed (pending) or past its deadline (overdue)' }),
  })
  .strict();

export const regulatorFormQuerySchema = z
  .object({
    format: z.enum(['json', 'html', 'docx']).default('json').openapi({ description: 'json (with missingFields), html or docx' }),
    locale: z.enum(['zh-TW', 'en']).default('zh-TW').openapi({ description: 'Language of the html/docx form: zh-TW (as filed) or en (English labels only)' }),
  })
  .strict();

export const regulatorNotificationBodySchema = z
  .object({
    notifiedAt: regulatorNotificationInstant(),
    method: z.enum(['email', 'onlineForm', 'fax', 'phone', 'letter']).describe('How the form reached the authority'),
    stage: z.enum(['initial', 'supplementary', 'final']).optional().describe('Reports may be made in stages (K0010162 Art. 8 ¶3); the first one is timed'),
    reference: z.string().trim().max(200).optional().describe("The authority's case number"),
    delayReason: z.string().trim().max(4000).optional().describe("Required when the first report is after the deadline (the regime's hours, 72 under the sector rules)"),
  })
  .strict()
  .openapi('RegulatorNotificationRecord');

function regulatorNotificationInstant() {
  return incidentInputSchema.shape.discoveredAt.describe('When the form was sent to the authority');
}

/**
 * Domain schemas are re-wrapped rather than given .openapi() directly: zod copies prototype
 * methods onto a schema when it is built, and the domain's schemas may be built before
 * @hono/zod-openapi has added .openapi, depending on module load order.
 */
export const noticeBodySchema = z.object(noticeInputSchema.shape).strict().openapi('IncidentNoticeRecord');

export const noticePreviewQuerySchema = z
  .object({
    audience: z.enum(['dataSubjects', 'customers']).default('dataSubjects'),
    locale: z.enum(['zh-TW', 'en']).default('zh-TW'),
  })
  .strict();

export const manualSteps = ['contained', 'regulatorNotified', 'subjectsNotified', 'customersNotified', 'rootCauseFound'] as const;
export const stepParams = incidentIdParams
  .extend({ step: z.enum(manualSteps).openapi({ param: { name: 'step', in: 'path' }, description: 'Timeline step' }) })
  .strict();

export const stepBodySchema = z
  .discriminatedUnion('status', [
    z
      .object({
        status: z.literal('done'),
        at: incidentInputSchema.shape.discoveredAt.describe('When the step was completed'),
        by: z.string().trim().min(1).max(200).optional(),
        note: z.string().trim().max(4000).optional(),
      })
      .strict(),
    z
      .object({
        status: z.literal('notApplicable'),
        reason: stepNotApplicableInputSchema.shape.reason,
        decidedBy: z.string().trim().min(1).max(200).optional().describe('Default: the caller'),
      })
      .strict(),
  ])
  .openapi('IncidentStepUpdate');

export const closeBodySchema = z
  .object({ at: incidentInputSchema.shape.discoveredAt.optional().describe('Default: now') })
  .strict()
  .openapi('IncidentClose');

export const correctiveActionBodySchema = z.object(correctiveActionInputSchema.shape).strict().openapi('CorrectiveActionCreate');
export const correctiveActionTransitionBodySchema = z.object(correctiveActionTransitionSchema.shape).strict().openapi('CorrectiveActionTransition');
export const drillBodySchema = z.object(drillInputSchema.shape).strict().openapi('IncidentDrillRecord');

// ---------------------------------------------------------------------------------------- views

const localized = z.object({ zhTW: z.string(), en: z.string() });

export const clocksViewSchema = z
  .object({
    regulatorDeadline: z.string().describe("The clock's start + the hours of the incident's regime (72 under the sector rules; the 2025 amendment's once configured), UTC"),
    advisedDeadline: z.string().nullable().describe('24 hours when media-reported (advice), else null'),
    regulatorNotification: z.enum(['pending', 'done', 'notApplicable']),
    hoursLeft: z.number().nullable().describe('Until the regulator deadline; negative when overdue; null once settled'),
    overdue: z.boolean(),
    reminders: z.array(z.object({ kind: z.string(), at: z.string(), pending: z.boolean() })).describe('Reminder moments; pending ones are scheduled'),
  })
  .openapi('IncidentClocks');

const timelineEntrySchema = z.object({
  status: z.enum(['done', 'notApplicable']),
  at: z.string().optional(),
  by: z.string().optional(),
  note: z.string().optional(),
  reason: z.string().optional(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
});

export const correctiveActionViewSchema = correctiveActionViewSchemaOf({ incidentId: z.string() })
  .openapi('CorrectiveAction');

export const noticeViewSchema = z
  .object({
    id: z.string(),
    audience: z.enum(['dataSubjects', 'customers']),
    channel: z.enum(noticeChannels),
    sentAt: z.string(),
    audienceSize: z.number().int(),
    locale: z.enum(['zh-TW', 'en']),
    customerIds: z.array(z.string()),
    content: noticeContentSchema,
  })
  .openapi('IncidentNotice');

export const incidentViewSchema = z
  .object({
    ...factsShape,
    id: z.string(),
    status: z.enum(['open', 'closed']),
    incidentContact: personOwnerSchema.nullable(),
    reporter: z.object(notificationReporterSchema.shape).nullable().describe('Reporter (通報人) as recorded with the incident; the form fills blanks from the tenant contact'),
    timeline: z.object(Object.fromEntries(timelineSteps.map((step) => [step, timelineEntrySchema.optional()]))).describe('Response steps (seed 000 §5(1))'),
    regulatorNotifications: z.array(
      z.object({
        notifiedAt: z.string(),
        authorityCode: z.string(),
        channel: z.string(),
        stage: z.enum(['initial', 'supplementary', 'final']),
        withinDeadline: z.boolean(),
        delayReason: z.string().optional(),
        reference: z.string().optional(),
      }),
    ),
    notices: z.array(noticeViewSchema.omit({ content: true })).describe('Notices sent (content: GET …/notices)'),
    correctiveActions: z.array(correctiveActionViewSchema),
    planUpdateRequired: z.boolean().describe('The plan must take in the corrective measures (seed 000 §15(1)4)'),
    clocks: clocksViewSchema,
    closeBlockers: z.array(z.object({ step: z.string(), code: z.string(), message: localized })).describe('Why it cannot close yet; empty when it can'),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string(),
    version: z.number().int(),
  })
  .openapi('Incident');

export const incidentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['open', 'closed']),
    discoveredAt: z.string(),
    mediaReported: z.boolean(),
    regulatorDeadline: z.string(),
    regulatorNotification: z.enum(['pending', 'done', 'notApplicable']),
    overdue: z.boolean(),
    planUpdateRequired: z.boolean(),
    version: z.number().int(),
  })
  .openapi('IncidentSummary');

export const incidentPageSchema = pageSchema(incidentSummarySchema, 'IncidentPage');
export const correctiveActionPageSchema = pageSchema(correctiveActionViewSchema, 'CorrectiveActionPage');
export const noticePageSchema = pageSchema(noticeViewSchema, 'IncidentNoticePage');

export const noticePreviewSchema = z
  .object({
    subject: z.string(),
    body: z.string(),
    content: noticeContentSchema,
    missing: z.array(z.object({ item: z.number().int(), field: z.string(), message: localized })).describe('Items to complete before sending'),
  })
  .openapi('IncidentNoticePreview');

export const drillViewSchema = z
  .object({
    id: z.string(),
    date: z.string(),
    scenario: z.string(),
    participants: z.array(z.string()),
    findings: z.array(z.string()),
    evidenceRefs: z.array(z.string()),
    recordedAt: z.string(),
    recordedBy: z.string(),
    version: z.number().int(),
  })
  .openapi('IncidentDrill');

export const drillStatusSchema = z
  .object({
    lastDrillDate: z.string().nullable(),
    nextDue: z.string().describe('One year after the last drill (or after onboarding when none yet)'),
    overdue: z.boolean(),
    daysOverdue: z.number().int(),
  })
  .openapi('IncidentDrillStatus');

export const drillPageSchema = z
  .object({ items: z.array(drillViewSchema), nextCursor: z.string().nullable(), status: drillStatusSchema })
  .openapi('IncidentDrillPage');

// ------------------------------------------------------------------------------------- mapping

export function clocksView(incident: Incident, now: Date): z.infer<typeof clocksViewSchema> {
  const deadline = regulatorDeadline(incident);
  const entry = incident.timeline.regulatorNotified;
  const settled = entry !== undefined || incident.status === 'closed';
  const msLeft = Date.parse(deadline) - now.getTime();
  const pending = new Set(pendingReminders(incident, now.toISOString()).map((reminder) => reminder.kind));
  return {
    regulatorDeadline: deadline,
    advisedDeadline: advisedDeadline(incident),
    regulatorNotification: entry?.status ?? 'pending',
    hoursLeft: settled ? null : Math.round((msLeft / HOUR_MS) * 100) / 100,
    overdue: !settled && msLeft < 0,
    reminders: notificationReminders(incident).map((reminder) => ({ ...reminder, pending: pending.has(reminder.kind) })),
  };
}

export function toActionView(action: StoredCorrectiveAction): z.infer<typeof correctiveActionViewSchema> {
  return { ...action };
}

export function toNoticeView(notice: StoredNotice): z.infer<typeof noticeViewSchema> {
  const { version: _v, ...rest } = notice;
  return rest;
}

export function toIncidentView(stored: StoredIncident, actions: StoredCorrectiveAction[], notices: StoredNotice[], incident: Incident, now: Date) {
  const { tenantId: _t, ...facts } = stored;
  return {
    ...facts,
    reporter: stored.reporter ?? null,
    notices: notices.map(({ content: _c, version: _v, ...notice }) => notice),
    correctiveActions: actions.map(toActionView),
    clocks: clocksView(incident, now),
    closeBlockers: canCloseIncident(incident).blockers.map((blocker) => ({ step: blocker.step, code: blocker.code, message: blocker.message })),
  } as z.infer<typeof incidentViewSchema>;
}

export function toIncidentSummary(stored: StoredIncident, now: Date): z.infer<typeof incidentSummarySchema> {
  const clocks = clocksView({ ...stored, notices: [], correctiveActions: [] }, now);
  return {
    id: stored.id,
    title: stored.title,
    status: stored.status,
    discoveredAt: stored.discoveredAt,
    mediaReported: stored.mediaReported,
    regulatorDeadline: clocks.regulatorDeadline,
    regulatorNotification: clocks.regulatorNotification,
    overdue: clocks.overdue,
    planUpdateRequired: stored.planUpdateRequired,
    version: stored.version,
  };
}

export function toDrillView(drill: StoredDrill): z.infer<typeof drillViewSchema> {
  const { tenantId: _t, ...rest } = drill;
  return rest;
}

export function toDrillStatusView(status: DrillStatus): z.infer<typeof drillStatusSchema> {
  return { ...status };
}

export const regulatorFormSchema = z
  .object({
    organisation: z.string(),
    reporterName: z.string(),
    reporterTitle: z.string(),
    reporterPhone: z.string(),
    reporterEmail: z.string(),
    reporterAddress: z.string(),
    authorityCode: z.string(),
    authorityName: localized,
    formName: z.string(),
    formTitle: localized.describe("The sector table's own title, e.g. 業者個人資料外洩通報表"),
    formCaption: z.string().describe('e.g. 附表二'),
    formLayout: z.enum(['incidentRecord', 'breachReport']).describe('Row grouping of the sector table'),
    notifiedAt: z.string().describe('The first report, or now for a draft'),
    discoveredAt: z.string(),
    occurredAt: z.string().nullable(),
    plannedSubjectNotificationAt: z.string().nullable(),
    kinds: z.array(localized),
    dataTypes: z.array(z.string()),
    estimatedRecordsGeneral: z.number().int(),
    estimatedRecordsSpecial: z.number().int(),
    estimatedRecordsTotal: z.number().int(),
    causeAndSummary: z.string(),
    damage: z.string(),
    possibleConsequences: z.string(),
    plannedMeasures: z.array(z.string()),
    plannedNotificationMethods: z.array(localized),
    reportHours: z.number().int().describe('Report period of this incident in hours'),
    deadline: z.string(),
    withinDeadline: z.boolean(),
    delayReason: z.string().nullable(),
    missingFields: z.array(z.string()).describe('Fields still empty; the form may still be sent and completed in stages'),
  })
  .openapi('RegulatorNotificationForm');
