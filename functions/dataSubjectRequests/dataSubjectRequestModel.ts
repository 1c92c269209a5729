/**
 * API shapes of data-subject requests (當事人權利行使). The domain schemas are the validation
 * source; this file adds what only the API knows: the requester's extra identifiers, the
 * assignee, tenant settings, and the masked (隱碼) and revealed views.
 *
 * The requester's identifiers never leave this layer in clear unless a reveal was authorised
 * and audited: every view here is built from the masked copy unless `revealed` is passed in.
 */
import { z } from '@hono/zod-openapi';
import {
  communicationChannels,
  currentDeadline,
  dataSubjectRequestEventSchema,
  defaultWrittenNoticeChannels,
  feeScheduleSchema,
  marketingStopTargetSchema,
  newDataSubjectRequestSchema,
  openDuties,
  requestStatuses,
  type DataSubjectRequest,
} from '../../domain/dataSubjectRequest/dataSubjectRequest';
import { periodSettingsSchema, type DecisionDeadline } from '../../domain/dataSubjectRequest/deadlines';
import { PUBLIC_REQUEST_FORM_OFF, publicRequestFormSettingsSchema } from '../../domain/dataSubjectRequest/publicIntake';
import { requestTypes, type RequestType } from '../../domain/dataSubjectRequest/requestTypes';
import { requesterMessageKinds } from '../../domain/dataSubjectRequest/communications';
import { isIsoDate } from '../../domain/shared/isoDate';
import { personOwnerSchema } from '../../domain/reviews/duty';
import { checkTaiwanIdNumber } from '../../domain/privacy/taiwanIdNumber';
import { maskEmail, maskPersonName, maskPhone, maskTaiwanIdNumber } from '../../domain/privacy/masking';
import { pageQuerySchema } from '../http/pagination';

// ---------------------------------------------------------------------------------------------
// Requests in

const otherIdentifierSchema = z
  .object({
    kind: z.string().trim().min(1).max(50).openapi({ example: 'memberNumber', description: 'What the identifier is, e.g. memberNumber, passport' }),
    value: z.string().trim().min(1).max(200).openapi({ description: 'Stored encrypted; shown masked' }),
  })
  .strict();

export const requesterIdentifiersSchema = z
  .object({
    nationalId: z
      .string()
      .trim()
      .max(20)
      .refine((value) => checkTaiwanIdNumber(value).valid, {
        message: 'Not a valid Taiwan ID or resident certificate number',
        params: { zhTW: '身分證統一編號或居留證號碼格式或檢查碼不正確', en: 'Not a valid Taiwan national ID or resident certificate number' },
      })
      .optional()
      .openapi({ description: '國民身分證統一編號 or 居留證號碼; stored encrypted, shown as A12****789' }),
    otherIdentifiers: z.array(otherIdentifierSchema).max(10).default([]),
  })
  .strict()
  .openapi('DataSubjectRequesterIdentifiers');

/**
 * A new request. The period settings are the tenant's (GET/PUT settings), never the caller's:
 * a website form must not be able to choose how its own deadline is counted.
 */
export const createDataSubjectRequestSchema = newDataSubjectRequestSchema
  .omit({ periodSettings: true })
  .extend({
    identifiers: requesterIdentifiersSchema.optional(),
    assignee: personOwnerSchema.optional().describe('Staff member who answers for the deadlines; defaults to the privacy officer role'),
  })
  .strict()
  .openapi('NewDataSubjectRequest');
export type CreateDataSubjectRequestInput = z.output<typeof createDataSubjectRequestSchema>;

const isoDateQuery = z.string().refine(isIsoDate, { message: 'Expected YYYY-MM-DD', params: { zhTW: '須為 YYYY-MM-DD 日期', en: 'Expected a date YYYY-MM-DD' } });

export const listDataSubjectRequestsQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(requestStatuses).optional(),
    type: z.enum(requestTypes).optional().openapi({ description: 'Requests holding an item of this type' }),
    dueBefore: isoDateQuery.optional().openapi({ description: 'Undecided items due on or before this local date' }),
    overdue: z.enum(['true', 'false']).optional().openapi({ description: 'true: undecided items past their deadline' }),
  })
  .strict();

export const statisticsQuerySchema = z
  .object({ since: z.string().refine(isIsoDate, { message: 'Expected YYYY-MM-DD' }).optional().openapi({ description: 'Default: 365 days ago' }) })
  .strict();

export const revealQuerySchema = z
  .object({
    reveal: z.enum(['true', 'false']).optional().openapi({ description: 'true: show the requester\'s identifiers in clear (owner/officer; audited)' }),
  })
  .strict();

export const lookupSchema = z
  .object({
    email: z.string().trim().min(3).max(320).optional(),
    phone: z.string().trim().min(6).max(40).optional(),
    nationalId: z.string().trim().min(8).max(20).optional(),
  })
  .strict()
  .refine((value) => [value.email, value.phone, value.nationalId].filter(Boolean).length === 1, {
    message: 'Give exactly one of email, phone, nationalId',
    params: { zhTW: 'email、phone、nationalId 須擇一提供', en: 'Give exactly one of email, phone, nationalId' },
  })
  .openapi('DataSubjectRequestLookup');

export const settingsSchema = z
  .object({
    feeSchedule: feeScheduleSchema.default([]).superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((entry, index) => {
        if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'Duplicate id', params: { zhTW: '收費標準項目編號重複', en: 'Duplicate fee schedule entry id' } });
        seen.add(entry.id);
      });
    }),
    periodSettings: periodSettingsSchema.prefault({}),
    marketingStopTargets: z
      .array(marketingStopTargetSchema)
      .max(100)
      .default([])
      .refine((targets) => new Set(targets.map((t) => t.id)).size === targets.length, { message: 'Duplicate id', params: { zhTW: '行銷系統或對象編號重複', en: 'Duplicate marketing system or recipient id' } })
      .openapi({ description: 'Systems and recipients where marketing use must stop on an objection (PDPA Art. 20 ¶2); each stop is recorded and chased' }),
    writtenNoticeChannels: z
      .array(z.enum(communicationChannels))
      .min(1)
      .max(communicationChannels.length)
      .default([...defaultWrittenNoticeChannels])
      .openapi({ description: 'Channels that count as a written notice (PDPA Art. 13 extension notice); default letter, e-mail, electronic document, SMS' }),
    publicRequestForm: publicRequestFormSettingsSchema
      .default({ ...PUBLIC_REQUEST_FORM_OFF })
      .describe('The public request form at /p/<slug>/request (off by default); the slug is unique across the platform'),
  })
  .strict()
  .openapi('DataSubjectRequestSettingsInput');
export type SettingsInput = z.output<typeof settingsSchema>;

/**
 * The domain's event union, rebuilt here from its members: domain schemas may be created before
 * the OpenAPI extension of zod is loaded (import order), and only a schema built afterwards can
 * carry a component name.
 */
export const eventBodySchema = z
  .discriminatedUnion('type', dataSubjectRequestEventSchema.options)
  .openapi('DataSubjectRequestEvent', { description: 'Something that happened to a data-subject request' });

export const communicationKindParam = z.enum(requesterMessageKinds);

/** The 404 of a notice that has no content yet (e.g. a decision notice before any decision). */
export const nothingToCommunicate = {
  code: 'NOTHING_TO_COMMUNICATE',
  detail: { zhTW: '此請求目前尚無此類通知之內容', en: 'This request has nothing for this kind of notice yet' },
};

// ---------------------------------------------------------------------------------------------
// Requester: sealed at rest, masked in views

export interface RequesterClear {
  name: string;
  email?: string;
  phone?: string;
  postalAddress?: string;
  dataSubjectName?: string;
  nationalId?: string;
  otherIdentifiers?: { kind: string; value: string }[];
  preferredLocale: 'zh-TW' | 'en';
  actingAs: 'dataSubject' | 'agent';
}

/** Identifier fields that are encrypted; everything else about the requester is not personal. */
export const sealedRequesterFields = ['name', 'email', 'phone', 'postalAddress', 'dataSubjectName', 'nationalId'] as const;
export type SealedField = (typeof sealedRequesterFields)[number];

/** Keep the first three characters of a Chinese address (the city); Latin addresses lead with the house number, so hide them whole. */
export function maskPostalAddress(address: string): string {
  const chars = Array.from(address.normalize('NFKC').replace(/\s+/g, ''));
  return /\p{Script=Han}/u.test(chars[0] ?? '') && chars.length > 3 ? `${chars.slice(0, 3).join('')}***` : '***';
}

/** Member numbers and the like: the last three characters help staff match a file, the rest is hidden. */
export function maskOtherIdentifier(value: string): string {
  const chars = Array.from(value);
  return chars.length >= 8 ? `***${chars.slice(-3).join('')}` : '***';
}

export function maskRequester(clear: RequesterClear): RequesterClear {
  return {
    name: maskPersonName(clear.name),
    ...(clear.email ? { email: maskEmail(clear.email) } : {}),
    ...(clear.phone ? { phone: maskPhone(clear.phone) } : {}),
    ...(clear.postalAddress ? { postalAddress: maskPostalAddress(clear.postalAddress) } : {}),
    ...(clear.dataSubjectName ? { dataSubjectName: maskPersonName(clear.dataSubjectName) } : {}),
    ...(clear.nationalId ? { nationalId: maskTaiwanIdNumber(clear.nationalId) } : {}),
    ...(clear.otherIdentifiers?.length ? { otherIdentifiers: clear.otherIdentifiers.map((o) => ({ kind: o.kind, value: maskOtherIdentifier(o.value) })) } : {}),
    preferredLocale: clear.preferredLocale,
    actingAs: clear.actingAs,
  };
}

// ---------------------------------------------------------------------------------------------
// Views out

const localizedText = z.object({ zhTW: z.string(), en: z.string() });

export const decisionDeadlineSchema = z
  .object({
    kind: z.enum(['period', 'immediate']),
    legalBasis: localizedText,
    days: z.number().int(),
    lastDay: z.string().openapi({ description: 'Local date the deadline falls on' }),
    dueAt: z.string().openapi({ description: 'Exact instant the deadline ends' }),
    explanation: z.array(localizedText).openapi({ description: 'How the deadline was computed, step by step (Civil Code Arts. 120–122)' }),
  })
  .openapi('DecisionDeadline');

const requesterViewSchema = z
  .object({
    name: z.string(),
    email: z.string().optional(),
    phone: z.string().optional(),
    postalAddress: z.string().optional(),
    dataSubjectName: z.string().optional(),
    nationalId: z.string().optional(),
    otherIdentifiers: z.array(z.object({ kind: z.string(), value: z.string() })).optional(),
    preferredLocale: z.enum(['zh-TW', 'en']),
    actingAs: z.enum(['dataSubject', 'agent']),
  })
  .openapi('DataSubjectRequester', { description: 'Masked (隱碼) unless the response says revealed: true' });

const extensionViewSchema = z.object({
  extensionDays: z.number().int(),
  reason: z.string(),
  notifiedAt: z.string(),
  notificationChannel: z.string(),
  recordedBy: z.string(),
  deadline: decisionDeadlineSchema,
});

const itemViewSchema = z.object({
  type: z.enum(requestTypes),
  details: z.string().optional(),
  deadline: decisionDeadlineSchema.openapi({ description: 'The deadline from receipt' }),
  extension: extensionViewSchema.optional().openapi({ description: 'The latest extension notice (its deadline is in force)' }),
  extensions: z.array(extensionViewSchema).openapi({ description: 'Every extension notice in order; their total is capped by PDPA Art. 13' }),
  currentDeadline: decisionDeadlineSchema.openapi({ description: 'The deadline in force (extended or original)' }),
  decision: z
    .object({
      outcome: z.enum(['granted', 'partiallyGranted', 'refused']),
      refusalGrounds: z.array(z.string()),
      reasonToRequester: z.string().optional(),
      decidedAt: z.string().openapi({ description: 'When the decision was taken, as recorded by staff' }),
      decidedBy: z.string(),
      recordedAt: z.string().optional().openapi({ description: 'When it was entered' }),
      late: z.boolean().openapi({ description: 'Decided after the deadline in force' }),
      notifiedAt: z.string().optional().openapi({ description: 'When the decision notice was sent' }),
      notifiedLate: z.boolean().optional().openapi({ description: 'The decision notice was sent after the deadline in force' }),
    })
    .optional(),
  marketingStop: z
    .object({
      targets: z.array(z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(['system', 'recipient']),
        inventoryFileId: z.string().optional(),
        stoppedAt: z.string().optional(),
        recordedAt: z.string().optional(),
        recordedBy: z.string().optional(),
      })),
    })
    .optional()
    .openapi({ description: 'Marketing objection: where marketing use must stop and when it did (PDPA Art. 20 ¶2)' }),
  fee: z
    .object({
      quote: z.object({ feeScheduleEntryId: z.string(), description: localizedText, unitAmountTwd: z.number(), quantity: z.number(), amountTwd: z.number(), quotedAt: z.string(), quotedBy: z.string() }),
      payment: z.object({ amountTwd: z.number(), paidAt: z.string(), paymentReference: z.string(), recordedBy: z.string() }).optional(),
      waiver: z.object({ reason: z.string(), waivedAt: z.string(), waivedBy: z.string() }).optional(),
    })
    .optional(),
  fulfilment: z.object({ fulfilledAt: z.string(), fulfilledBy: z.string(), note: z.string().optional(), inventoryFileIds: z.array(z.string()) }).optional(),
  downstreamNotification: z
    .object({
      causedByCompany: z.boolean(),
      recipients: z.array(z.object({ recipient: z.string(), notifiedAt: z.string(), channel: z.string() })),
      noRecipientsConfirmed: z.boolean(),
      recordedAt: z.string(),
      recordedBy: z.string(),
    })
    .optional(),
});

export const dataSubjectRequestViewSchema = z
  .object({
    id: z.string(),
    caseNumber: z.string().optional().openapi({ description: 'Short case number to quote on the phone, e.g. DSR-1150302-0007 (ROC receipt date + sequence)' }),
    status: z.enum(requestStatuses),
    receivedAt: z.string(),
    channel: z.string(),
    requester: requesterViewSchema,
    revealed: z.boolean().openapi({ description: 'true only on an audited reveal' }),
    assignee: personOwnerSchema.nullable(),
    periodSettings: z.object({ timeZone: z.string(), mode: z.string(), calendar: z.record(z.string(), z.unknown()) }),
    items: z.array(itemViewSchema),
    nextDueAt: z.string().nullable().openapi({ description: 'Earliest due instant of an open duty: an undecided item, a marketing stop not carried out, a dispute neither stopped nor justified' }),
    overdue: z.boolean(),
    identityVerification: z.record(z.string(), z.unknown()).optional(),
    identityVerificationAttempts: z.array(z.record(z.string(), z.unknown())),
    accuracyDisputes: z.array(z.record(z.string(), z.unknown())),
    communications: z.array(z.object({ kind: z.string(), sentAt: z.string(), channel: z.string(), recordedBy: z.string(), itemTypes: z.array(z.string()).optional(), late: z.boolean().optional().openapi({ description: 'A decision notice sent after the deadline' }) })),
    withdrawal: z.object({ withdrawnAt: z.string(), withdrawnBy: z.string(), reason: z.string().optional() }).optional(),
    closedAt: z.string().optional(),
    history: z.array(z.object({ at: z.string(), event: z.string(), actor: z.string(), fromStatus: z.string().optional(), toStatus: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('DataSubjectRequest');
export type DataSubjectRequestView = z.infer<typeof dataSubjectRequestViewSchema>;

export const dataSubjectRequestSummarySchema = z
  .object({
    id: z.string(),
    caseNumber: z.string().optional(),
    status: z.enum(requestStatuses),
    receivedAt: z.string(),
    channel: z.string(),
    requester: requesterViewSchema,
    items: z.array(z.object({ type: z.enum(requestTypes), outcome: z.string().nullable(), lastDay: z.string(), dueAt: z.string(), extended: z.boolean() })),
    nextDueAt: z.string().nullable(),
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .openapi('DataSubjectRequestSummary');
export type DataSubjectRequestSummary = z.infer<typeof dataSubjectRequestSummarySchema>;

export const communicationViewSchema = z
  .object({
    requestId: z.string(),
    kind: communicationKindParam,
    subject: localizedText,
    body: localizedText,
    recipientRevealed: z.boolean().openapi({ description: 'true: the letter greets the requester by their own name (the letter is for them; reading it is audited)' }),
  })
  .openapi('DataSubjectRequestNotice');

export const statisticsViewSchema = z
  .object({
    asOf: z.string(),
    since: z.string().openapi({ description: 'Medians and late counts cover requests received since this date, plus all open ones' }),
    openCount: z.number().int(),
    dueWithin3Days: z.number().int(),
    overdue: z.number().int(),
    medianDaysToDecision: z.record(z.string(), z.number().nullable()),
    decidedLate: z.record(z.string(), z.number().int()),
    requestsConsidered: z.number().int(),
  })
  .openapi('DataSubjectRequestStatistics');

export const settingsViewSchema = z
  .object({
    feeSchedule: feeScheduleSchema,
    periodSettings: z.object({ timeZone: z.string(), mode: z.enum(['civilCode', 'calendarDays']), calendar: z.record(z.string(), z.unknown()) }),
    marketingStopTargets: z.array(marketingStopTargetSchema),
    writtenNoticeChannels: z.array(z.enum(communicationChannels)),
    publicRequestForm: z.object({ enabled: z.boolean(), slug: z.string().nullable() }),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('DataSubjectRequestSettings');

// ---------------------------------------------------------------------------------------------
// Mapping

/** The earliest due instant of the request's open duties (the deadlines being chased). */
export function nextDueAt(request: Pick<DataSubjectRequest, 'status' | 'items' | 'accuracyDisputes' | 'periodSettings'>): string | null {
  const dues = openDuties(request).map((duty) => duty.dueAt).sort();
  return dues[0] ?? null;
}

function deadlineView(deadline: DecisionDeadline) {
  return { kind: deadline.kind, legalBasis: deadline.legalBasis, days: deadline.days, lastDay: deadline.lastDay, dueAt: deadline.dueAt, explanation: deadline.explanation };
}

/** What lists and unrevealed reads show instead of an item's sealed free text. */
export const SEALED_DETAILS_PLACEHOLDER = '［已加密：授權人員檢視時顯示］[encrypted: shown on an authorised reveal]';

export interface StoredRequestMeta {
  assignee: z.infer<typeof personOwnerSchema> | null;
  createdAt: string;
  updatedAt: string;
}

export function toDataSubjectRequestView(
  request: DataSubjectRequest,
  meta: StoredRequestMeta,
  requester: RequesterClear,
  now: Date,
  revealed = false,
  /** Opens sealed item details; given only on an authorised reveal. */
  openDetails?: (type: string, sealed: string) => string,
): DataSubjectRequestView {
  const due = nextDueAt(request);
  return {
    id: request.id,
    ...(request.caseNumber ? { caseNumber: request.caseNumber } : {}),
    status: request.status,
    receivedAt: request.receivedAt,
    channel: request.channel,
    requester,
    revealed,
    assignee: meta.assignee,
    periodSettings: { timeZone: request.periodSettings.timeZone, mode: request.periodSettings.mode, calendar: { ...request.periodSettings.calendar } },
    items: request.items.map((item) => ({
      type: item.type,
      ...(item.details ? { details: item.details.startsWith('sealed:') ? (openDetails ? openDetails(item.type, item.details) : SEALED_DETAILS_PLACEHOLDER) : item.details } : {}),
      deadline: deadlineView(item.deadline),
      ...(item.extensions.length ? { extension: { ...item.extensions.at(-1)!, deadline: deadlineView(item.extensions.at(-1)!.deadline) } } : {}),
      extensions: item.extensions.map((extension) => ({ ...extension, deadline: deadlineView(extension.deadline) })),
      ...(item.marketingStop ? { marketingStop: { targets: item.marketingStop.targets.map((target) => ({ ...target })) } } : {}),
      currentDeadline: deadlineView(currentDeadline(item)),
      ...(item.decision ? { decision: item.decision } : {}),
      ...(item.fee ? { fee: item.fee } : {}),
      ...(item.fulfilment ? { fulfilment: item.fulfilment } : {}),
      ...(item.downstreamNotification ? { downstreamNotification: item.downstreamNotification } : {}),
    })),
    nextDueAt: due,
    overdue: due !== null && Date.parse(due) < now.getTime(),
    ...(request.identityVerification ? { identityVerification: { ...request.identityVerification } } : {}),
    identityVerificationAttempts: request.identityVerificationAttempts.map((attempt) => ({ ...attempt })),
    accuracyDisputes: request.accuracyDisputes.map((dispute) => ({ ...dispute })),
    communications: request.communications,
    ...(request.withdrawal ? { withdrawal: request.withdrawal } : {}),
    ...(request.closedAt ? { closedAt: request.closedAt } : {}),
    history: request.history,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    version: request.version,
  };
}

export function toDataSubjectRequestSummary(request: DataSubjectRequest, requester: RequesterClear, now: Date): DataSubjectRequestSummary {
  const due = nextDueAt(request);
  return {
    id: request.id,
    ...(request.caseNumber ? { caseNumber: request.caseNumber } : {}),
    status: request.status,
    receivedAt: request.receivedAt,
    channel: request.channel,
    requester,
    items: request.items.map((item) => {
      const deadline = currentDeadline(item);
      return { type: item.type, outcome: item.decision?.outcome ?? null, lastDay: deadline.lastDay, dueAt: deadline.dueAt, extended: item.extensions.length > 0 };
    }),
    nextDueAt: due,
    overdue: due !== null && Date.parse(due) < now.getTime(),
    version: request.version,
  };
}

export type { RequestType };
