/**
 * A data-subject request (當事人權利行使) and its life cycle:
 * received → identityVerification → inProgress → decided → fulfilled → closed, or withdrawn
 * from any non-terminal state. One submission carries several request types, each with its own
 * deadline, decision, fee and fulfilment.
 *
 * Two shortcuts are deliberate: a marketing objection cannot be refused (PDPA Art. 20 ¶2, 應即停止),
 * so it is granted at receipt and a submission holding only that starts as `decided` — but the
 * duty is the actual stop, recorded per marketing system or recipient and chased from receipt
 * until carried out; and when the requester's identity cannot be verified every item may be
 * refused on that ground from identityVerification.
 *
 * Times of acts (decision, notices, stops) are taken from the request as the staff record them,
 * never from when they are typed in: a late data entry is not a late decision.
 */
import { z } from 'zod';
import { isoInstantSchema } from '../calendar/civilCodePeriod';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type DomainErrorKind, type Failure, type Outcome } from '../shared/outcome';
import { decisionDeadline, extendedDecisionDeadline, periodSettingsSchema, type DecisionDeadline, type PeriodSettings } from './deadlines';
import { zonedDateOf, type IsoDate } from '../shared/isoDate';
import {
  accuracyDisputeExceptionKinds,
  deadlineRules,
  downstreamNotificationTypes,
  feeChargeableTypes,
  inventoryFileTypes,
  refusalGroundCodes,
  refusalGrounds,
  requestTypeNames,
  requestTypes,
  type AccuracyDisputeExceptionKind,
  type RefusalGroundCode,
  type RequestType,
} from './requestTypes';

// ---------------------------------------------------------------------------------------------
// Input schemas (also the HTTP layer's validation source)

const text = (max: number) => z.string().trim().min(1).max(max);
const actorSchema = text(200).describe('Staff member or system recording the event');
const requestTypeSchema = z.enum(requestTypes).describe('Right exercised');
const localizedTextSchema = z.object({ zhTW: text(2000), en: text(2000) }).strict();

function uniqueTypes(types: readonly string[]): boolean {
  return new Set(types).size === types.length;
}

export const requestChannels = ['webForm', 'email', 'phone', 'inPerson', 'postalMail', 'other'] as const;
export const communicationChannels = ['email', 'postalMail', 'electronicDocument', 'inPerson', 'sms', 'other'] as const;
export type CommunicationChannel = (typeof communicationChannels)[number];

/**
 * Channels that count as a written notice (PDPA Art. 13: the reason for an extension is notified
 * in writing) unless the tenant's settings say otherwise: letter, e-mail, electronic document, SMS.
 */
export const defaultWrittenNoticeChannels: readonly CommunicationChannel[] = ['postalMail', 'email', 'electronicDocument', 'sms'];

/** A system or recipient where marketing use of personal data must stop (PDPA Art. 20 ¶2). */
export const marketingStopTargetSchema = z
  .object({
    id: text(100).describe('Stable id of the system or recipient'),
    name: text(200).describe('e.g. 電子報系統, 簡訊行銷供應商'),
    kind: z.enum(['system', 'recipient']).describe('Own system, or a recipient the data was provided to for marketing'),
    inventoryFileId: text(100).optional().describe('Data-inventory file it holds'),
  })
  .strict()
  .describe('Where marketing use must stop when a data subject objects');
export type MarketingStopTarget = z.output<typeof marketingStopTargetSchema>;

export const requesterSchema = z
  .object({
    name: text(200).describe('Name of the person submitting the request'),
    email: z.email().max(320).optional().describe('Contact e-mail'),
    phone: text(40).optional().describe('Contact phone'),
    postalAddress: text(500).optional().describe('Postal address for written notices'),
    preferredLocale: z.enum(['zh-TW', 'en']).default('zh-TW').describe('Language of notices'),
    actingAs: z.enum(['dataSubject', 'agent']).default('dataSubject').describe('The data subject or an agent (代理人)'),
    dataSubjectName: text(200).optional().describe('Name of the data subject when an agent submits'),
  })
  .strict()
  .refine((r) => Boolean(r.email || r.phone || r.postalAddress), { message: 'At least one way to reach the requester is needed' })
  .refine((r) => r.actingAs !== 'agent' || Boolean(r.dataSubjectName), {
    message: 'An agent must name the data subject',
    path: ['dataSubjectName'],
  })
  .describe('Who asks, and how to answer them');
export type Requester = z.output<typeof requesterSchema>;

export const newDataSubjectRequestSchema = z
  .object({
    receivedAt: isoInstantSchema.optional().describe('When the request reached the company (defaults to now)'),
    channel: z.enum(requestChannels).describe('How the request arrived'),
    requester: requesterSchema,
    items: z
      .array(
        z
          .object({
            type: requestTypeSchema,
            details: text(4000).optional().describe('What the request is about, e.g. the field to correct'),
          })
          .strict(),
      )
      .min(1)
      .max(requestTypes.length)
      .refine((items) => uniqueTypes(items.map((i) => i.type)), { message: 'Each request type may appear once' })
      .describe('Rights exercised in this submission'),
    periodSettings: periodSettingsSchema.prefault({}),
  })
  .strict()
  .describe('A new data-subject request');
export type NewDataSubjectRequestInput = z.input<typeof newDataSubjectRequestSchema>;

export const feeScheduleEntrySchema = z
  .object({
    id: text(100).describe('Fee schedule entry id'),
    requestType: z.enum(['inquiry', 'review', 'copy']).describe('Only inquiry, review and copies may carry a fee (Art. 14)'),
    description: localizedTextSchema.describe('What the fee covers, zh-TW and en'),
    unitAmountTwd: z.number().int().min(0).max(1_000_000).describe('Fee per unit in NT$'),
  })
  .strict()
  .describe("An entry of the tenant's fee schedule");
export type FeeScheduleEntry = z.output<typeof feeScheduleEntrySchema>;
export const feeScheduleSchema = z.array(feeScheduleEntrySchema).max(100).describe("The tenant's fee schedule");

const itemTypesSchema = z
  .array(requestTypeSchema)
  .min(1)
  .max(requestTypes.length)
  .refine(uniqueTypes, { message: 'Each request type may appear once' });

export const identityVerificationMethods = [
  'governmentIdInPerson',
  'accountLogin',
  'oneTimeCodeToRegisteredContact',
  'idDocumentCopy',
  'knowledgeQuestions',
  'other',
] as const;

const agentAuthoritySchema = z
  .object({
    kind: z.enum(['powerOfAttorney', 'legalRepresentative', 'other']).describe('委任書 / 法定代理 / other'),
    evidence: text(500).describe('Where the proof of authority is kept (reference, not the document)'),
  })
  .strict()
  .describe("Proof of the agent's authority");

export const startIdentityVerificationEventSchema = z
  .object({ type: z.literal('startIdentityVerification'), actor: actorSchema })
  .strict();

export const recordIdentityVerificationEventSchema = z
  .object({
    type: z.literal('recordIdentityVerification'),
    actor: actorSchema,
    outcome: z.enum(['verified', 'failed']).describe('Result of the check'),
    method: z.enum(identityVerificationMethods).describe('How identity was checked'),
    evidence: text(500).describe('Reference to the evidence kept (never the ID number itself)'),
    agentAuthority: agentAuthoritySchema.optional(),
  })
  .strict();

export const extendDeadlineEventSchema = z
  .object({
    type: z.literal('extendDeadline'),
    actor: actorSchema,
    itemTypes: itemTypesSchema.describe('Items the extension notice covers'),
    extensionDays: z.number().int().min(1).max(30).describe('Days added (max 15 for Art. 10, 30 for Art. 11 requests)'),
    reason: text(2000).describe('Written reason given to the requester'),
    notifiedAt: isoInstantSchema.describe('When the written notice was sent'),
    notificationChannel: z.enum(communicationChannels).describe('How the notice was sent; must be a written channel (Art. 13)'),
  })
  .strict();

const itemDecisionSchema = z
  .object({
    itemType: requestTypeSchema,
    outcome: z.enum(['granted', 'partiallyGranted', 'refused']).describe('准 / 部分准 / 駁'),
    refusalGrounds: z.array(z.enum(refusalGroundCodes)).max(refusalGroundCodes.length).default([]).describe('Legal grounds for (partial) refusal'),
    reasonToRequester: text(4000).optional().describe('Reasons told to the requester (required for a refusal)'),
  })
  .strict();

export const decideEventSchema = z
  .object({
    type: z.literal('decide'),
    actor: actorSchema,
    decidedAt: isoInstantSchema.optional().describe('When the decision was taken (not when it is recorded); defaults to now'),
    decisions: z
      .array(itemDecisionSchema)
      .min(1)
      .max(requestTypes.length)
      .refine((d) => uniqueTypes(d.map((x) => x.itemType)), { message: 'Each request type may be decided once' }),
  })
  .strict();

export const quoteFeeEventSchema = z
  .object({
    type: z.literal('quoteFee'),
    actor: actorSchema,
    itemType: requestTypeSchema,
    feeScheduleEntry: feeScheduleEntrySchema,
    quantity: z.number().int().min(1).max(100_000).describe('Units, e.g. pages copied'),
  })
  .strict();

export const recordFeePaymentEventSchema = z
  .object({
    type: z.literal('recordFeePayment'),
    actor: actorSchema,
    itemType: requestTypeSchema,
    amountTwd: z.number().int().min(0).describe('Amount received in NT$'),
    paidAt: isoInstantSchema,
    paymentReference: text(200).describe('Receipt or transaction reference'),
  })
  .strict();

export const waiveFeeEventSchema = z
  .object({ type: z.literal('waiveFee'), actor: actorSchema, itemType: requestTypeSchema, reason: text(1000).describe('Why the fee is waived') })
  .strict();

const disputeExceptionSchema = z
  .object({
    kind: z.enum(accuracyDisputeExceptionKinds).describe('Art. 11 ¶2 proviso relied on'),
    justification: text(2000),
    consentEvidence: text(500).optional().describe('Reference to the written consent'),
  })
  .strict()
  .refine((e) => e.kind !== 'writtenConsent' || Boolean(e.consentEvidence), {
    message: 'Written consent needs a reference to the consent document',
    path: ['consentEvidence'],
  });

export const flagAccuracyDisputeEventSchema = z
  .object({
    type: z.literal('flagAccuracyDispute'),
    actor: actorSchema,
    disputeId: text(100),
    dataDescription: text(1000).describe('The data item whose accuracy is disputed'),
    inventoryFileId: text(100).optional().describe('Data-inventory file holding it'),
    raisedBy: z.enum(['dataSubject', 'company']).describe('主動 (company) or 依當事人之請求'),
    exception: disputeExceptionSchema.optional(),
  })
  .strict();

/** Art. 11 ¶2 duty met by stopping: processing and use of the disputed data stopped at `stoppedAt`. */
export const recordDisputeProcessingStopEventSchema = z
  .object({
    type: z.literal('recordDisputeProcessingStop'),
    actor: actorSchema,
    disputeId: text(100),
    stoppedAt: isoInstantSchema.describe('When processing and use of the disputed data stopped'),
  })
  .strict();

/** Art. 11 ¶2 duty met by justifying: the proviso relied on, noted after the dispute was flagged. */
export const noteDisputeExceptionEventSchema = z
  .object({ type: z.literal('noteDisputeException'), actor: actorSchema, disputeId: text(100), exception: disputeExceptionSchema })
  .strict();

/** PDPA Art. 20 ¶2: marketing use stopped in the named systems or recipients at `stoppedAt`. */
export const recordMarketingStopEventSchema = z
  .object({
    type: z.literal('recordMarketingStop'),
    actor: actorSchema,
    targetIds: z.array(text(100)).min(1).max(100).refine(uniqueTypes, { message: 'Each target may appear once' }).describe('Systems or recipients (from the settings) where marketing use stopped'),
    stoppedAt: isoInstantSchema.describe('When marketing use stopped there'),
  })
  .strict();

export const resolveAccuracyDisputeEventSchema = z
  .object({
    type: z.literal('resolveAccuracyDispute'),
    actor: actorSchema,
    disputeId: text(100),
    resolution: z.enum(['corrected', 'confirmedAccurate']),
    note: text(2000).optional(),
  })
  .strict();

export const recordDownstreamNotificationEventSchema = z
  .object({
    type: z.literal('recordDownstreamNotification'),
    actor: actorSchema,
    itemType: requestTypeSchema,
    causedByCompany: z.boolean().describe('Whether the wrong data was attributable to the company (Art. 11 ¶5)'),
    recipients: z
      .array(z.object({ recipient: text(300), notifiedAt: isoInstantSchema, channel: z.enum(communicationChannels) }).strict())
      .max(500)
      .default([])
      .describe('Those the data had been provided to, and when they were told'),
    noRecipientsConfirmed: z.boolean().default(false).describe('The data was never provided to anyone'),
  })
  .strict();

export const recordCommunicationEventSchema = z
  .object({
    type: z.literal('recordCommunication'),
    actor: actorSchema,
    kind: z.enum(['acknowledgement', 'decision', 'fulfilment']).describe('Which notice was sent'),
    sentAt: isoInstantSchema,
    channel: z.enum(communicationChannels),
  })
  .strict();

export const fulfilEventSchema = z
  .object({
    type: z.literal('fulfil'),
    actor: actorSchema,
    itemTypes: itemTypesSchema,
    note: text(2000).optional(),
    inventoryFileIds: z.array(text(100)).max(500).default([]).describe('Inventory files changed (deletion, marketing objection)'),
    fulfilledAt: isoInstantSchema.optional().describe('When it was carried out (defaults to now)'),
  })
  .strict();

export const closeEventSchema = z.object({ type: z.literal('close'), actor: actorSchema }).strict();
export const withdrawEventSchema = z
  .object({ type: z.literal('withdraw'), actor: actorSchema, reason: text(1000).optional() })
  .strict();

export const dataSubjectRequestEventSchema = z
  .discriminatedUnion('type', [
    startIdentityVerificationEventSchema,
    recordIdentityVerificationEventSchema,
    extendDeadlineEventSchema,
    decideEventSchema,
    quoteFeeEventSchema,
    recordFeePaymentEventSchema,
    waiveFeeEventSchema,
    flagAccuracyDisputeEventSchema,
    resolveAccuracyDisputeEventSchema,
    recordDisputeProcessingStopEventSchema,
    noteDisputeExceptionEventSchema,
    recordMarketingStopEventSchema,
    recordDownstreamNotificationEventSchema,
    recordCommunicationEventSchema,
    fulfilEventSchema,
    closeEventSchema,
    withdrawEventSchema,
  ])
  .describe('Something that happened to a data-subject request');
export type DataSubjectRequestEventInput = z.input<typeof dataSubjectRequestEventSchema>;
export type DataSubjectRequestEvent = z.output<typeof dataSubjectRequestEventSchema>;

// ---------------------------------------------------------------------------------------------
// State

export const requestStatuses = ['received', 'identityVerification', 'inProgress', 'decided', 'fulfilled', 'closed', 'withdrawn'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const terminalStatuses: readonly RequestStatus[] = ['closed', 'withdrawn'];

export interface DeadlineExtension {
  extensionDays: number;
  reason: string;
  notifiedAt: string;
  notificationChannel: CommunicationChannel;
  recordedBy: string;
  deadline: DecisionDeadline;
}

export type DecisionOutcome = 'granted' | 'partiallyGranted' | 'refused';

export interface ItemDecision {
  outcome: DecisionOutcome;
  refusalGrounds: RefusalGroundCode[];
  reasonToRequester?: string;
  /** When the decision was taken, as the staff state it. */
  decidedAt: string;
  decidedBy: string;
  /** When it was entered; apart from decidedAt so a late entry is not a late decision. */
  recordedAt?: string;
  /** Decided after the deadline then in force. */
  late: boolean;
  /** When the requester was sent the decision notice. */
  notifiedAt?: string;
  /** The notice went out after the deadline then in force. */
  notifiedLate?: boolean;
}

export interface MarketingStopRecord extends MarketingStopTarget {
  stoppedAt?: string;
  recordedAt?: string;
  recordedBy?: string;
}

export interface FeeRecord {
  quote: { feeScheduleEntryId: string; description: LocalizedText; unitAmountTwd: number; quantity: number; amountTwd: number; quotedAt: string; quotedBy: string };
  payment?: { amountTwd: number; paidAt: string; paymentReference: string; recordedBy: string };
  waiver?: { reason: string; waivedAt: string; waivedBy: string };
}

export interface DownstreamNotificationRecord {
  causedByCompany: boolean;
  recipients: { recipient: string; notifiedAt: string; channel: (typeof communicationChannels)[number] }[];
  noRecipientsConfirmed: boolean;
  recordedAt: string;
  recordedBy: string;
}

export interface RequestItem {
  type: RequestType;
  details?: string;
  deadline: DecisionDeadline;
  /** Extension notices in order; the last one's deadline is in force (Art. 13 caps their total). */
  extensions: DeadlineExtension[];
  decision?: ItemDecision;
  /** Marketing objection: where marketing use must stop, and when it did (settings at receipt). */
  marketingStop?: { targets: MarketingStopRecord[] };
  fee?: FeeRecord;
  fulfilment?: { fulfilledAt: string; fulfilledBy: string; note?: string; inventoryFileIds: string[] };
  downstreamNotification?: DownstreamNotificationRecord;
}

export interface IdentityVerificationRecord {
  outcome: 'verified' | 'failed';
  method: (typeof identityVerificationMethods)[number];
  evidence: string;
  verifiedBy: string;
  verifiedAt: string;
  agentAuthority?: { kind: 'powerOfAttorney' | 'legalRepresentative' | 'other'; evidence: string };
}

export interface AccuracyDispute {
  disputeId: string;
  dataDescription: string;
  inventoryFileId?: string;
  raisedBy: 'dataSubject' | 'company';
  raisedAt: string;
  recordedBy: string;
  /** Art. 11 ¶2: the dispute is noted on the data in every case. */
  disputeNoted: true;
  exception?: { kind: AccuracyDisputeExceptionKind; justification: string; consentEvidence?: string; notedAt?: string; notedBy?: string };
  /** Art. 11 ¶2 met by stopping processing and use. */
  processingStop?: { stoppedAt: string; recordedAt: string; recordedBy: string };
  resolution?: { resolution: 'corrected' | 'confirmedAccurate'; resolvedAt: string; resolvedBy: string; note?: string };
}

export interface CommunicationRecord {
  kind: 'acknowledgement' | 'extensionNotice' | 'decision' | 'fulfilment';
  sentAt: string;
  channel: CommunicationChannel;
  recordedBy: string;
  itemTypes?: RequestType[];
  /** A decision notice sent after the deadline of an item it notifies. */
  late?: boolean;
}

export interface HistoryEntry {
  at: string;
  event: DataSubjectRequestEvent['type'] | 'created';
  actor: string;
  fromStatus?: RequestStatus;
  toStatus: RequestStatus;
}

export interface DataSubjectRequest {
  id: string;
  /** Short number people read out on the phone, e.g. DSR-1150302-0007; unique per tenant. */
  caseNumber?: string;
  tenantId: string;
  receivedAt: string;
  channel: (typeof requestChannels)[number];
  requester: Requester;
  periodSettings: PeriodSettings;
  status: RequestStatus;
  items: RequestItem[];
  identityVerification?: IdentityVerificationRecord;
  identityVerificationAttempts: IdentityVerificationRecord[];
  accuracyDisputes: AccuracyDispute[];
  communications: CommunicationRecord[];
  withdrawal?: { withdrawnAt: string; withdrawnBy: string; reason?: string };
  closedAt?: string;
  history: HistoryEntry[];
  /** Incremented by every accepted event, for optimistic concurrency in storage. */
  version: number;
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * Each code has one kind, so the same refusal reads the same wherever it is raised:
 * `conflict` when the request's current state forbids the step, `invalid` when the event itself
 * is incomplete or inconsistent, `forbiddenByRule` when the PDPA forbids it.
 */
export const dataSubjectRequestErrorKinds = {
  VALIDATION_FAILED: 'invalid',
  TIME_BEFORE_RECEIPT: 'invalid',
  TIME_IN_FUTURE: 'invalid',
  INVALID_TRANSITION: 'conflict',
  REQUEST_TERMINAL: 'conflict',
  ITEM_NOT_IN_REQUEST: 'invalid',
  AGENT_AUTHORITY_REQUIRED: 'invalid',
  EXTENSION_NOT_APPLICABLE: 'forbiddenByRule',
  EXTENSION_TOO_LONG: 'forbiddenByRule',
  EXTENSION_NOTICE_LATE: 'forbiddenByRule',
  EXTENSION_NOTICE_NOT_WRITTEN: 'forbiddenByRule',
  ITEM_ALREADY_DECIDED: 'conflict',
  MARKETING_OPT_OUT_CANNOT_BE_REFUSED: 'forbiddenByRule',
  REFUSAL_GROUND_REQUIRED: 'invalid',
  REFUSAL_GROUND_NOT_APPLICABLE: 'forbiddenByRule',
  REFUSAL_GROUND_NEEDS_NOTED_DISPUTE: 'forbiddenByRule',
  REFUSAL_REASON_REQUIRED: 'invalid',
  GROUNDS_ON_GRANT: 'invalid',
  IDENTITY_NOT_VERIFIED: 'conflict',
  FEE_NOT_ALLOWED: 'forbiddenByRule',
  FEE_ENTRY_TYPE_MISMATCH: 'invalid',
  FEE_ENTRY_NOT_IN_SCHEDULE: 'forbiddenByRule',
  FEE_NOT_QUOTED: 'conflict',
  FEE_ALREADY_SETTLED: 'conflict',
  FEE_AMOUNT_MISMATCH: 'invalid',
  FEE_UNPAID: 'conflict',
  DISPUTE_ALREADY_EXISTS: 'conflict',
  DISPUTE_NOT_FOUND: 'invalid',
  DISPUTE_ALREADY_RESOLVED: 'conflict',
  DISPUTE_ALREADY_SETTLED: 'conflict',
  DISPUTE_DUTY_OPEN: 'conflict',
  MARKETING_STOP_TARGET_UNKNOWN: 'invalid',
  MARKETING_STOP_ALREADY_RECORDED: 'conflict',
  MARKETING_STOP_INCOMPLETE: 'conflict',
  DOWNSTREAM_NOT_APPLICABLE: 'forbiddenByRule',
  DOWNSTREAM_RECIPIENTS_REQUIRED: 'invalid',
  DOWNSTREAM_NOTIFICATION_MISSING: 'conflict',
  ITEM_NOT_DECIDED: 'conflict',
  ITEM_REFUSED: 'conflict',
  ITEM_ALREADY_FULFILLED: 'conflict',
  INVENTORY_FILES_REQUIRED: 'invalid',
  NOTHING_TO_COMMUNICATE: 'conflict',
  DECISION_NOT_NOTIFIED: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;
export type DataSubjectRequestErrorCode = keyof typeof dataSubjectRequestErrorKinds;

export type DataSubjectRequestOutcome = Outcome<DataSubjectRequest, DataSubjectRequestErrorCode>;
type Rejection = Failure<DataSubjectRequestErrorCode>;

/** An error about one item names it as the input field `items.<type>`. */
function rejected(code: DataSubjectRequestErrorCode, zhTW: string, en: string, itemType?: RequestType): Rejection {
  return fail(dataSubjectRequestErrorKinds[code], code, { zhTW, en }, itemType ? { field: `items.${itemType}` } : {});
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function currentDeadline(item: Pick<RequestItem, 'deadline' | 'extensions'>): DecisionDeadline {
  return item.extensions.at(-1)?.deadline ?? item.deadline;
}

/** Days added by all extension notices so far. */
export function extendedDays(item: Pick<RequestItem, 'extensions'>): number {
  return item.extensions.reduce((sum, extension) => sum + extension.extensionDays, 0);
}

/** Whether the Art. 11 ¶2 stop-or-justify duty of a dispute is still to be met. */
export function disputeDutyOpen(dispute: AccuracyDispute): boolean {
  return !dispute.resolution && !dispute.exception && !dispute.processingStop;
}

/**
 * A duty the request puts on the company until it is met, each chased and shown overdue once
 * past due: the Art. 13 decision of each item with a period, the Art. 20 ¶2 marketing stop
 * (due at receipt), and the Art. 11 ¶2 stop-or-justify duty of each flagged dispute (due when
 * raised). A closed or withdrawn request has none.
 */
export type OpenDuty =
  | { kind: 'decision'; itemType: RequestType; dueAt: string; lastDay: IsoDate; legalBasis: LocalizedText }
  | { kind: 'marketingStop'; itemType: RequestType; dueAt: string; lastDay: IsoDate; legalBasis: LocalizedText }
  | { kind: 'accuracyDispute'; disputeId: string; dueAt: string; lastDay: IsoDate; legalBasis: LocalizedText };

export const ARTICLE_11_2: LocalizedText = { zhTW: '個人資料保護法第11條第2項', en: 'PDPA Art. 11 ¶2' };

export function openDuties(request: Pick<DataSubjectRequest, 'status' | 'items' | 'accuracyDisputes' | 'periodSettings'>): OpenDuty[] {
  if (terminalStatuses.includes(request.status)) return [];
  const duties: OpenDuty[] = [];
  for (const item of request.items) {
    const deadline = currentDeadline(item);
    const due = { itemType: item.type, dueAt: deadline.dueAt, lastDay: deadline.lastDay, legalBasis: deadline.legalBasis };
    if (deadlineRules[item.type].kind === 'period' && !item.decision) duties.push({ kind: 'decision', ...due });
    if (deadlineRules[item.type].kind === 'immediate' && !item.fulfilment) duties.push({ kind: 'marketingStop', ...due });
  }
  for (const dispute of request.accuracyDisputes) {
    if (!disputeDutyOpen(dispute)) continue;
    duties.push({ kind: 'accuracyDispute', disputeId: dispute.disputeId, dueAt: dispute.raisedAt, lastDay: zonedDateOf(dispute.raisedAt, request.periodSettings.timeZone), legalBasis: ARTICLE_11_2 });
  }
  return duties;
}

function isGrantedOutcome(outcome: DecisionOutcome | undefined): boolean {
  return outcome === 'granted' || outcome === 'partiallyGranted';
}

function needsFulfilment(item: RequestItem): boolean {
  return isGrantedOutcome(item.decision?.outcome);
}

function feeOutstanding(item: RequestItem): boolean {
  const fee = item.fee;
  return Boolean(fee && fee.quote.amountTwd > 0 && !fee.payment && !fee.waiver);
}

function ms(instant: string): number {
  return Date.parse(instant);
}

const STATUS_RANK: Record<RequestStatus, number> = {
  received: 0,
  identityVerification: 1,
  inProgress: 2,
  decided: 3,
  fulfilled: 4,
  closed: 5,
  withdrawn: 5,
};

/** Moves the request forward once all items are decided / all granted items are fulfilled. */
function settleStatus(request: DataSubjectRequest): RequestStatus {
  const { status, items } = request;
  if (terminalStatuses.includes(status)) return status;
  let next = status;
  if (items.every((item) => item.decision) && STATUS_RANK[next] < STATUS_RANK.decided) next = 'decided';
  const granted = items.filter(needsFulfilment);
  if (next === 'decided' && granted.length > 0 && granted.every((item) => item.fulfilment)) next = 'fulfilled';
  return next;
}

// ---------------------------------------------------------------------------------------------
// Creation

export interface CreateDataSubjectRequestContext {
  id: string;
  caseNumber?: string;
  tenantId: string;
  /** The tenant's marketing systems and recipients at receipt (settings). */
  marketingStopTargets?: readonly MarketingStopTarget[];
  /** Who recorded it (staff id, or "webForm"). */
  actor: string;
  now: string;
}

export function createDataSubjectRequest(input: NewDataSubjectRequestInput, context: CreateDataSubjectRequestContext): DataSubjectRequestOutcome {
  const parsed = newDataSubjectRequestSchema.safeParse(input);
  if (!parsed.success) return validationFailure(parsed.error);
  const data = parsed.data;
  const now = new Date(context.now).toISOString();
  const receivedAt = new Date(data.receivedAt ?? now).toISOString();
  if (ms(receivedAt) > ms(now)) return rejected('TIME_IN_FUTURE', '收件時間不得晚於現在', 'The receipt time cannot be in the future');
  const settings: PeriodSettings = data.periodSettings;
  const items: RequestItem[] = data.items.map((item) => {
    const base: RequestItem = { type: item.type, ...(item.details ? { details: item.details } : {}), deadline: decisionDeadline(item.type, receivedAt, settings), extensions: [] };
    if (deadlineRules[item.type].kind === 'immediate') {
      base.decision = { outcome: 'granted', refusalGrounds: [], decidedAt: receivedAt, decidedBy: 'system', recordedAt: now, late: false };
      if (context.marketingStopTargets?.length) base.marketingStop = { targets: context.marketingStopTargets.map((target) => ({ ...target })) };
    }
    return base;
  });
  const request: DataSubjectRequest = {
    id: context.id,
    ...(context.caseNumber ? { caseNumber: context.caseNumber } : {}),
    tenantId: context.tenantId,
    receivedAt,
    channel: data.channel,
    requester: data.requester,
    periodSettings: settings,
    status: 'received',
    items,
    identityVerificationAttempts: [],
    accuracyDisputes: [],
    communications: [],
    history: [],
    version: 1,
  };
  request.status = settleStatus(request);
  request.history.push({ at: now, event: 'created', actor: context.actor, toStatus: request.status });
  return ok(request);
}

function validationFailure(error: z.ZodError): Rejection {
  const summary = error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  return rejected('VALIDATION_FAILED', `輸入資料不正確：${summary}`, `Invalid input: ${summary}`);
}

// ---------------------------------------------------------------------------------------------
// Fees (PDPA Art. 14)

/**
 * Art. 14 fees follow the tenant's published schedule: a quote must use one of its entries
 * exactly as saved (same id, request type and unit amount), so a clerk cannot invent a price.
 */
export function quoteFollowsFeeSchedule(quoted: FeeScheduleEntry, schedule: readonly FeeScheduleEntry[]): Outcome<FeeScheduleEntry, DataSubjectRequestErrorCode> {
  const entry = schedule.find((candidate) => candidate.id === quoted.id);
  if (!entry || entry.requestType !== quoted.requestType || entry.unitAmountTwd !== quoted.unitAmountTwd) {
    return fail(dataSubjectRequestErrorKinds.FEE_ENTRY_NOT_IN_SCHEDULE, 'FEE_ENTRY_NOT_IN_SCHEDULE', {
      zhTW: '報價須依本公司已訂定之收費標準（個人資料保護法第14條）',
      en: 'A quote must use an entry of the tenant\'s fee schedule as saved (PDPA Art. 14)',
    }, { field: 'feeScheduleEntry' });
  }
  return ok(entry);
}

// ---------------------------------------------------------------------------------------------
// Transitions

/** The tenant's settings an event is judged under (defaults when not given). */
export interface EventPolicy {
  /** Channels that count as written (Art. 13 extension notice). */
  writtenNoticeChannels?: readonly CommunicationChannel[];
}

/**
 * Applies one event at `now` and returns the new request, or the refusal with its code and
 * kind. The input request is never modified.
 */
export function applyDataSubjectRequestEvent(
  request: DataSubjectRequest,
  eventInput: DataSubjectRequestEventInput,
  now: string,
  policy: EventPolicy = {},
): DataSubjectRequestOutcome {
  const parsed = dataSubjectRequestEventSchema.safeParse(eventInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const event = parsed.data;
  if (Number.isNaN(ms(now))) return rejected('VALIDATION_FAILED', '現在時間格式不正確', 'now is not an ISO instant');
  const nowIso = new Date(now).toISOString();
  if (ms(nowIso) < ms(request.receivedAt)) return rejected('TIME_BEFORE_RECEIPT', '事件時間早於收件時間', 'The event time is before the receipt of the request');
  if (terminalStatuses.includes(request.status)) {
    return rejected('REQUEST_TERMINAL', `請求已${request.status === 'closed' ? '結案' : '撤回'}，不得再變更`, `The request is ${request.status} and can no longer change`);
  }
  const next: DataSubjectRequest = structuredClone(request);
  const outcome = handle(next, event, nowIso, policy);
  if (outcome) return outcome;
  const fromStatus = request.status;
  next.status = settleStatus(next);
  next.version = request.version + 1;
  next.history.push({ at: nowIso, event: event.type, actor: event.actor, fromStatus, toStatus: next.status });
  return ok(next);
}

function statusNotAllowed(request: DataSubjectRequest, eventType: string): Rejection {
  return rejected('INVALID_TRANSITION', `目前狀態（${request.status}）不得執行 ${eventType}`, `${eventType} is not allowed while the request is ${request.status}`);
}

function findItem(request: DataSubjectRequest, type: RequestType): RequestItem | Rejection {
  const item = request.items.find((candidate) => candidate.type === type);
  return item ?? rejected('ITEM_NOT_IN_REQUEST', `本請求未包含「${requestTypeNames[type].zhTW}」`, `The request has no ${requestTypeNames[type].en} item`, type);
}

function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

function checkInstant(request: DataSubjectRequest, at: string, now: string, label: LocalizedText): Rejection | undefined {
  if (ms(at) < ms(request.receivedAt)) return rejected('TIME_BEFORE_RECEIPT', `${label.zhTW}早於收件時間`, `${label.en} is before the receipt of the request`);
  if (ms(at) > ms(now)) return rejected('TIME_IN_FUTURE', `${label.zhTW}不得晚於現在`, `${label.en} cannot be in the future`);
  return undefined;
}

function handle(request: DataSubjectRequest, event: DataSubjectRequestEvent, now: string, policy: EventPolicy): Rejection | undefined {
  switch (event.type) {
    case 'startIdentityVerification':
      if (request.status !== 'received') return statusNotAllowed(request, event.type);
      request.status = 'identityVerification';
      return undefined;

    case 'recordIdentityVerification': {
      if (request.status !== 'identityVerification') return statusNotAllowed(request, event.type);
      if (event.outcome === 'verified' && request.requester.actingAs === 'agent' && !event.agentAuthority) {
        return rejected('AGENT_AUTHORITY_REQUIRED', '代理人提出請求，應提出代理權限之證明', 'An agent must show proof of authority before the request proceeds');
      }
      const record: IdentityVerificationRecord = {
        outcome: event.outcome,
        method: event.method,
        evidence: event.evidence,
        verifiedBy: event.actor,
        verifiedAt: now,
        ...(event.agentAuthority ? { agentAuthority: event.agentAuthority } : {}),
      };
      request.identityVerificationAttempts.push(record);
      if (event.outcome === 'verified') {
        request.identityVerification = record;
        request.status = 'inProgress';
      }
      return undefined;
    }

    case 'extendDeadline':
      return extendDeadline(request, event, now, policy.writtenNoticeChannels ?? defaultWrittenNoticeChannels);

    case 'decide':
      return decide(request, event, now);

    case 'quoteFee': {
      const item = findItem(request, event.itemType);
      if (isRejection(item)) return item;
      if (!feeChargeableTypes.includes(item.type)) {
        return rejected('FEE_NOT_ALLOWED', `「${requestTypeNames[item.type].zhTW}」不得收費（個人資料保護法第14條僅限查詢、閱覽及複製本）`, `No fee may be charged for ${requestTypeNames[item.type].en} (PDPA Art. 14: inquiry, review and copies only)`, item.type);
      }
      if (event.feeScheduleEntry.requestType !== item.type) {
        return rejected('FEE_ENTRY_TYPE_MISMATCH', '收費標準項目與請求類型不符', 'The fee schedule entry is for another request type', item.type);
      }
      if (item.fee?.payment || item.fee?.waiver) return rejected('FEE_ALREADY_SETTLED', '費用已繳納或免收，不得重新報價', 'The fee is already paid or waived', item.type);
      if (item.fulfilment) return rejected('ITEM_ALREADY_FULFILLED', '已完成之項目不得報價', 'The item is already fulfilled', item.type);
      const entry = event.feeScheduleEntry;
      item.fee = {
        quote: {
          feeScheduleEntryId: entry.id,
          description: entry.description,
          unitAmountTwd: entry.unitAmountTwd,
          quantity: event.quantity,
          amountTwd: entry.unitAmountTwd * event.quantity,
          quotedAt: now,
          quotedBy: event.actor,
        },
      };
      return undefined;
    }

    case 'recordFeePayment': {
      const item = findItem(request, event.itemType);
      if (isRejection(item)) return item;
      if (!item.fee) return rejected('FEE_NOT_QUOTED', '尚未報價，無從記錄繳費', 'No fee was quoted for this item', item.type);
      if (item.fee.payment || item.fee.waiver) return rejected('FEE_ALREADY_SETTLED', '費用已繳納或免收', 'The fee is already paid or waived', item.type);
      if (event.amountTwd !== item.fee.quote.amountTwd) {
        return rejected('FEE_AMOUNT_MISMATCH', `繳費金額 ${event.amountTwd} 元與報價 ${item.fee.quote.amountTwd} 元不符`, `Amount paid NT$${event.amountTwd} differs from the quote NT$${item.fee.quote.amountTwd}`, item.type);
      }
      const timing = checkInstant(request, event.paidAt, now, { zhTW: '繳費時間', en: 'The payment time' });
      if (timing) return timing;
      item.fee.payment = { amountTwd: event.amountTwd, paidAt: new Date(event.paidAt).toISOString(), paymentReference: event.paymentReference, recordedBy: event.actor };
      return undefined;
    }

    case 'waiveFee': {
      const item = findItem(request, event.itemType);
      if (isRejection(item)) return item;
      if (!item.fee) return rejected('FEE_NOT_QUOTED', '尚未報價，無從免收', 'No fee was quoted for this item', item.type);
      if (item.fee.payment || item.fee.waiver) return rejected('FEE_ALREADY_SETTLED', '費用已繳納或免收', 'The fee is already paid or waived', item.type);
      item.fee.waiver = { reason: event.reason, waivedAt: now, waivedBy: event.actor };
      return undefined;
    }

    case 'flagAccuracyDispute': {
      if (request.accuracyDisputes.some((d) => d.disputeId === event.disputeId)) {
        return rejected('DISPUTE_ALREADY_EXISTS', '此爭議已登記', 'This dispute is already recorded');
      }
      request.accuracyDisputes.push({
        disputeId: event.disputeId,
        dataDescription: event.dataDescription,
        ...(event.inventoryFileId ? { inventoryFileId: event.inventoryFileId } : {}),
        raisedBy: event.raisedBy,
        raisedAt: now,
        recordedBy: event.actor,
        disputeNoted: true,
        ...(event.exception ? { exception: { ...event.exception, notedAt: now, notedBy: event.actor } } : {}),
      });
      return undefined;
    }

    case 'recordDisputeProcessingStop':
    case 'noteDisputeException': {
      const dispute = request.accuracyDisputes.find((d) => d.disputeId === event.disputeId);
      if (!dispute) return rejected('DISPUTE_NOT_FOUND', '查無此正確性爭議', 'No such accuracy dispute');
      if (dispute.resolution) return rejected('DISPUTE_ALREADY_RESOLVED', '此爭議已處理完畢', 'The dispute is already resolved');
      if (dispute.exception || dispute.processingStop) {
        return rejected('DISPUTE_ALREADY_SETTLED', '此爭議已停止處理或已註明例外事由', 'Processing already stopped or an exception is already noted for this dispute');
      }
      if (event.type === 'noteDisputeException') {
        dispute.exception = { ...event.exception, notedAt: now, notedBy: event.actor };
        return undefined;
      }
      const timing = checkInstant(request, event.stoppedAt, now, { zhTW: '停止處理時間', en: 'The time processing stopped' });
      if (timing) return timing;
      dispute.processingStop = { stoppedAt: new Date(event.stoppedAt).toISOString(), recordedAt: now, recordedBy: event.actor };
      return undefined;
    }

    case 'recordMarketingStop':
      return recordMarketingStop(request, event, now);

    case 'resolveAccuracyDispute': {
      const dispute = request.accuracyDisputes.find((d) => d.disputeId === event.disputeId);
      if (!dispute) return rejected('DISPUTE_NOT_FOUND', '查無此正確性爭議', 'No such accuracy dispute');
      if (dispute.resolution) return rejected('DISPUTE_ALREADY_RESOLVED', '此爭議已處理完畢', 'The dispute is already resolved');
      dispute.resolution = { resolution: event.resolution, resolvedAt: now, resolvedBy: event.actor, ...(event.note ? { note: event.note } : {}) };
      return undefined;
    }

    case 'recordDownstreamNotification': {
      const item = findItem(request, event.itemType);
      if (isRejection(item)) return item;
      if (!downstreamNotificationTypes.includes(item.type)) {
        return rejected('DOWNSTREAM_NOT_APPLICABLE', '僅更正或刪除需記錄通知曾提供利用之對象', 'Downstream notification applies to corrections and deletions only', item.type);
      }
      if (!isGrantedOutcome(item.decision?.outcome)) {
        return rejected('ITEM_NOT_DECIDED', '須先准許更正或刪除，方能記錄通知對象', 'The correction or deletion must be granted first', item.type);
      }
      if (event.causedByCompany && event.recipients.length === 0 && !event.noRecipientsConfirmed) {
        return rejected('DOWNSTREAM_RECIPIENTS_REQUIRED', '可歸責於本公司者，應列出已通知之曾提供利用對象，或確認未曾提供', 'When the company caused the error, list the recipients notified or confirm the data was never provided (PDPA Art. 11 ¶5)', item.type);
      }
      for (const recipient of event.recipients) {
        const timing = checkInstant(request, recipient.notifiedAt, now, { zhTW: '通知時間', en: 'The notification time' });
        if (timing) return timing;
      }
      item.downstreamNotification = {
        causedByCompany: event.causedByCompany,
        recipients: event.recipients.map((r) => ({ ...r, notifiedAt: new Date(r.notifiedAt).toISOString() })),
        noRecipientsConfirmed: event.noRecipientsConfirmed,
        recordedAt: now,
        recordedBy: event.actor,
      };
      return undefined;
    }

    case 'recordCommunication': {
      const timing = checkInstant(request, event.sentAt, now, { zhTW: '寄送時間', en: 'The sending time' });
      if (timing) return timing;
      if (event.kind === 'decision' && !request.items.some((i) => i.decision)) {
        return rejected('NOTHING_TO_COMMUNICATE', '尚無決定可通知', 'There is no decision to notify yet');
      }
      if (event.kind === 'fulfilment' && !request.items.some((i) => i.fulfilment)) {
        return rejected('NOTHING_TO_COMMUNICATE', '尚無已完成之項目可通知', 'Nothing has been fulfilled yet');
      }
      const sentAt = new Date(event.sentAt).toISOString();
      if (event.kind !== 'decision') {
        request.communications.push({ kind: event.kind, sentAt, channel: event.channel, recordedBy: event.actor });
        return undefined;
      }
      // The notice tells the decisions taken by then and not yet told; each is late when the
      // notice went out after that item's deadline then in force.
      const notified = request.items.filter((item) => item.decision && item.decision.decidedBy !== 'system' && !item.decision.notifiedAt && ms(item.decision.decidedAt) <= ms(sentAt));
      let late = false;
      for (const item of notified) {
        const notifiedLate = ms(sentAt) > ms(currentDeadline(item).dueAt);
        item.decision = { ...item.decision!, notifiedAt: sentAt, notifiedLate };
        late ||= notifiedLate;
      }
      request.communications.push({
        kind: event.kind, sentAt, channel: event.channel, recordedBy: event.actor,
        ...(notified.length ? { itemTypes: notified.map((item) => item.type) } : {}),
        ...(late ? { late } : {}),
      });
      return undefined;
    }

    case 'fulfil':
      return fulfil(request, event, now);

    case 'close':
      return close(request, now);

    case 'withdraw':
      request.status = 'withdrawn';
      request.withdrawal = { withdrawnAt: now, withdrawnBy: event.actor, ...(event.reason ? { reason: event.reason } : {}) };
      return undefined;
  }
}

function extendDeadline(
  request: DataSubjectRequest,
  event: Extract<DataSubjectRequestEvent, { type: 'extendDeadline' }>,
  now: string,
  writtenChannels: readonly CommunicationChannel[],
): Rejection | undefined {
  if (!['received', 'identityVerification', 'inProgress'].includes(request.status)) return statusNotAllowed(request, event.type);
  const timing = checkInstant(request, event.notifiedAt, now, { zhTW: '延長通知時間', en: 'The extension notice time' });
  if (timing) return timing;
  if (!writtenChannels.includes(event.notificationChannel)) {
    return rejected('EXTENSION_NOTICE_NOT_WRITTEN', `延長之原因應以書面通知請求人（個人資料保護法第13條）；「${event.notificationChannel}」非本公司設定之書面方式（${writtenChannels.join('、')}）`, `The reason for an extension must be notified in writing (PDPA Art. 13); ${event.notificationChannel} is not one of the written channels in the settings (${writtenChannels.join(', ')})`);
  }
  const notifiedAt = new Date(event.notifiedAt).toISOString();
  for (const type of event.itemTypes) {
    const item = findItem(request, type);
    if (isRejection(item)) return item;
    const rule = deadlineRules[type];
    const name = requestTypeNames[type];
    if (rule.kind !== 'period') {
      return rejected('EXTENSION_NOT_APPLICABLE', `「${name.zhTW}」應即停止，不得延長`, `An ${name.en} takes effect at once and cannot be extended`, type);
    }
    if (item.decision) return rejected('ITEM_ALREADY_DECIDED', `「${name.zhTW}」已作成決定，無從延長`, `The ${name.en} item is already decided`, type);
    // The law caps the total added, not the number of notices.
    const total = extendedDays(item) + event.extensionDays;
    if (total > rule.maxExtensionDays) {
      return rejected('EXTENSION_TOO_LONG', `「${name.zhTW}」延長期間合計不得逾${rule.maxExtensionDays}日（已延長${extendedDays(item)}日，本次${event.extensionDays}日；${rule.legalBasis.zhTW}）`, `The ${name.en} deadline may be extended by at most ${rule.maxExtensionDays} days in total (${extendedDays(item)} already, ${event.extensionDays} now; ${rule.legalBasis.en})`, type);
    }
    // The period ends at the end of its last day (Civil Code Art. 121), so a notice sent at any
    // moment of that day, up to dueAt inclusive, is in time.
    const inForce = currentDeadline(item);
    if (ms(notifiedAt) > ms(inForce.dueAt)) {
      return rejected('EXTENSION_NOTICE_LATE', `延長通知須於決定期限（${inForce.lastDay}）屆滿前以書面送出`, `The written extension notice must be sent before the deadline (${inForce.lastDay}) ends`, type);
    }
  }
  for (const type of event.itemTypes) {
    const item = request.items.find((candidate) => candidate.type === type)!;
    item.extensions.push({
      extensionDays: event.extensionDays,
      reason: event.reason,
      notifiedAt,
      notificationChannel: event.notificationChannel,
      recordedBy: event.actor,
      deadline: extendedDecisionDeadline(type, currentDeadline(item), event.extensionDays, request.periodSettings, extendedDays(item)),
    });
  }
  request.communications.push({ kind: 'extensionNotice', sentAt: notifiedAt, channel: event.notificationChannel, recordedBy: event.actor, itemTypes: [...event.itemTypes] });
  return undefined;
}

function recordMarketingStop(request: DataSubjectRequest, event: Extract<DataSubjectRequestEvent, { type: 'recordMarketingStop' }>, now: string): Rejection | undefined {
  const item = findItem(request, 'marketingOptOut');
  if (isRejection(item)) return item;
  const targets = item.marketingStop?.targets ?? [];
  for (const id of event.targetIds) {
    const target = targets.find((candidate) => candidate.id === id);
    if (!target) return rejected('MARKETING_STOP_TARGET_UNKNOWN', `「${id}」非收件時設定之行銷系統或對象`, `${id} is not a marketing system or recipient named in the settings at receipt`, 'marketingOptOut');
    if (target.stoppedAt) return rejected('MARKETING_STOP_ALREADY_RECORDED', `「${target.name}」已記錄停止行銷`, `The stop is already recorded for ${target.name}`, 'marketingOptOut');
  }
  const timing = checkInstant(request, event.stoppedAt, now, { zhTW: '停止行銷時間', en: 'The time marketing stopped' });
  if (timing) return timing;
  const stoppedAt = new Date(event.stoppedAt).toISOString();
  for (const target of targets) {
    if (event.targetIds.includes(target.id)) Object.assign(target, { stoppedAt, recordedAt: now, recordedBy: event.actor });
  }
  // Stopped everywhere named: the objection is carried out when the last place stopped.
  if (targets.every((target) => target.stoppedAt) && !item.fulfilment) {
    item.fulfilment = {
      fulfilledAt: targets.map((target) => target.stoppedAt!).sort().at(-1)!,
      fulfilledBy: event.actor,
      inventoryFileIds: [...new Set(targets.flatMap((target) => (target.inventoryFileId ? [target.inventoryFileId] : [])))],
    };
  }
  return undefined;
}

function decide(request: DataSubjectRequest, event: Extract<DataSubjectRequestEvent, { type: 'decide' }>, now: string): Rejection | undefined {
  const identityPending = request.status === 'identityVerification';
  if (request.status !== 'inProgress' && request.status !== 'decided' && !identityPending) return statusNotAllowed(request, event.type);
  const decidedAt = new Date(event.decidedAt ?? now).toISOString();
  if (event.decidedAt) {
    const timing = checkInstant(request, event.decidedAt, now, { zhTW: '決定時間', en: 'The decision time' });
    if (timing) return timing;
  }
  for (const decision of event.decisions) {
    const item = findItem(request, decision.itemType);
    if (isRejection(item)) return item;
    const type = item.type;
    const name = requestTypeNames[type];
    // Checked first: the marketing objection is granted at receipt, and refusing it is the error to report.
    if (deadlineRules[type].kind === 'immediate' && decision.outcome !== 'granted') {
      return rejected('MARKETING_OPT_OUT_CANNOT_BE_REFUSED', '拒絕行銷之表示不得拒絕（個人資料保護法第20條第2項）', 'An objection to marketing cannot be refused (PDPA Art. 20 ¶2)', type);
    }
    if (item.decision) return rejected('ITEM_ALREADY_DECIDED', `「${name.zhTW}」已作成決定`, `The ${name.en} item is already decided`, type);
    if (identityPending && (decision.outcome !== 'refused' || decision.refusalGrounds.some((g) => g !== 'identityNotVerified'))) {
      return rejected('IDENTITY_NOT_VERIFIED', '身分尚未確認，僅得以無法確認身分為由拒絕', 'Until identity is verified, a request can only be refused for that reason', type);
    }
    if (decision.outcome === 'granted') {
      if (decision.refusalGrounds.length > 0) return rejected('GROUNDS_ON_GRANT', '准許之決定不應附拒絕事由', 'A grant carries no refusal grounds', type);
      continue;
    }
    if (decision.refusalGrounds.length === 0) {
      return rejected('REFUSAL_GROUND_REQUIRED', `拒絕「${name.zhTW}」應至少引用一項法定事由`, `Refusing ${name.en} needs at least one legal ground`, type);
    }
    for (const code of decision.refusalGrounds) {
      const ground = refusalGrounds[code];
      if (!ground.appliesTo.includes(type)) {
        return rejected('REFUSAL_GROUND_NOT_APPLICABLE', `${ground.legalBasis.zhTW}不適用於「${name.zhTW}」`, `${ground.legalBasis.en} does not apply to ${name.en}`, type);
      }
      // Each proviso ground stands on its own exception: business necessity does not make a
      // written consent, nor the other way round.
      const needed = ground.requiresNotedAccuracyDispute;
      if (needed && !request.accuracyDisputes.some((d) => d.exception?.kind === needed && !d.resolution)) {
        const exception = needed === 'writtenConsent' ? { zhTW: '經當事人書面同意', en: 'written consent of the data subject' } : { zhTW: '執行職務或業務所必須', en: 'necessity for an official or business duty' };
        return rejected('REFUSAL_GROUND_NEEDS_NOTED_DISPUTE', `依第11條第2項但書（${exception.zhTW}）拒絕，須先登記正確性爭議並註明此一例外事由`, `Relying on the Art. 11 ¶2 proviso (${exception.en}) needs a recorded accuracy dispute noting that exception`, type);
      }
    }
    if (!decision.reasonToRequester) {
      return rejected('REFUSAL_REASON_REQUIRED', '拒絕時應附理由通知請求人', 'A refusal must state its reasons to the requester', type);
    }
  }
  for (const decision of event.decisions) {
    const item = request.items.find((candidate) => candidate.type === decision.itemType)!;
    item.decision = {
      outcome: decision.outcome,
      refusalGrounds: [...decision.refusalGrounds],
      ...(decision.reasonToRequester ? { reasonToRequester: decision.reasonToRequester } : {}),
      decidedAt,
      decidedBy: event.actor,
      recordedAt: now,
      late: ms(decidedAt) > ms(currentDeadline(item).dueAt),
    };
  }
  return undefined;
}

function fulfil(request: DataSubjectRequest, event: Extract<DataSubjectRequestEvent, { type: 'fulfil' }>, now: string): Rejection | undefined {
  if (event.fulfilledAt) {
    const timing = checkInstant(request, event.fulfilledAt, now, { zhTW: '完成時間', en: 'The time it was carried out' });
    if (timing) return timing;
  }
  for (const type of event.itemTypes) {
    const item = findItem(request, type);
    if (isRejection(item)) return item;
    const name = requestTypeNames[type];
    if (!item.decision) return rejected('ITEM_NOT_DECIDED', `「${name.zhTW}」尚未作成決定`, `The ${name.en} item is not decided yet`, type);
    if (!needsFulfilment(item)) return rejected('ITEM_REFUSED', `「${name.zhTW}」已拒絕，無須執行`, `The ${name.en} item was refused; there is nothing to fulfil`, type);
    if (item.fulfilment) return rejected('ITEM_ALREADY_FULFILLED', `「${name.zhTW}」已執行完畢`, `The ${name.en} item is already fulfilled`, type);
    if (feeOutstanding(item)) return rejected('FEE_UNPAID', `「${name.zhTW}」之費用尚未繳納或免收`, `The fee for ${name.en} is neither paid nor waived`, type);
    const pendingStops = item.marketingStop?.targets.filter((target) => !target.stoppedAt) ?? [];
    if (pendingStops.length > 0) {
      return rejected('MARKETING_STOP_INCOMPLETE', `尚未記錄下列系統或對象停止行銷：${pendingStops.map((t) => t.name).join('、')}`, `The stop is not yet recorded for: ${pendingStops.map((t) => t.name).join(', ')}`, type);
    }
    if (inventoryFileTypes.includes(type) && event.inventoryFileIds.length === 0) {
      return rejected('INVENTORY_FILES_REQUIRED', `「${name.zhTW}」應列出所涉之個資盤點檔案`, `List the data-inventory files the ${name.en} changed`, type);
    }
  }
  for (const type of event.itemTypes) {
    const item = request.items.find((candidate) => candidate.type === type)!;
    item.fulfilment = {
      fulfilledAt: new Date(event.fulfilledAt ?? now).toISOString(),
      fulfilledBy: event.actor,
      ...(event.note ? { note: event.note } : {}),
      inventoryFileIds: inventoryFileTypes.includes(type) ? [...new Set(event.inventoryFileIds)] : [],
    };
  }
  return undefined;
}

function close(request: DataSubjectRequest, now: string): Rejection | undefined {
  const nothingToFulfil = request.status === 'decided' && !request.items.some(needsFulfilment);
  if (request.status !== 'fulfilled' && !nothingToFulfil) return statusNotAllowed(request, 'close');
  for (const item of request.items) {
    if (downstreamNotificationTypes.includes(item.type) && needsFulfilment(item) && !item.downstreamNotification) {
      const name = requestTypeNames[item.type];
      return rejected('DOWNSTREAM_NOTIFICATION_MISSING', `結案前應記錄「${name.zhTW}」是否已通知曾提供利用之對象（個人資料保護法第11條第5項）`, `Before closing, record whether those the data was provided to were notified of the ${name.en} (PDPA Art. 11 ¶5)`, item.type);
    }
  }
  const openDispute = request.accuracyDisputes.find(disputeDutyOpen);
  if (openDispute) {
    return rejected('DISPUTE_DUTY_OPEN', `正確性爭議「${openDispute.disputeId}」尚未停止處理或註明例外事由，不得結案（個人資料保護法第11條第2項）`, `Accuracy dispute ${openDispute.disputeId} has neither a recorded stop nor a noted exception; the request cannot close (PDPA Art. 11 ¶2)`);
  }
  const lastHumanDecision = request.items
    .map((item) => item.decision)
    .filter((decision): decision is ItemDecision => Boolean(decision) && decision!.decidedBy !== 'system')
    .reduce((latest, decision) => Math.max(latest, ms(decision.decidedAt)), Number.NEGATIVE_INFINITY);
  // A decision notice must postdate the last decision; the automatic marketing grant needs none.
  const decisionNotices = request.communications.filter((c) => c.kind === 'decision');
  if (Number.isFinite(lastHumanDecision) && !decisionNotices.some((c) => ms(c.sentAt) >= lastHumanDecision)) {
    return rejected('DECISION_NOT_NOTIFIED', '結案前應將准駁決定（含拒絕理由）通知請求人', 'Before closing, the requester must be told of the decision (with reasons for any refusal)');
  }
  request.status = 'closed';
  request.closedAt = now;
  return undefined;
}

/** Whether processing of a disputed data item may go on (PDPA Art. 11 ¶2). */
export function accuracyDisputeProcessingStatus(dispute: AccuracyDispute): { mayProcess: boolean; reason: LocalizedText } {
  if (dispute.resolution) {
    return {
      mayProcess: true,
      reason: dispute.resolution.resolution === 'corrected'
        ? { zhTW: '資料已更正，爭議終結', en: 'The data was corrected; the dispute is over' }
        : { zhTW: '資料經查證正確，爭議終結', en: 'The data was verified as accurate; the dispute is over' },
    };
  }
  if (dispute.processingStop) {
    return {
      mayProcess: false,
      reason: { zhTW: `正確性有爭議，已於 ${dispute.processingStop.stoppedAt} 停止處理或利用（個人資料保護法第11條第2項）`, en: `Accuracy is disputed; processing and use stopped at ${dispute.processingStop.stoppedAt} (PDPA Art. 11 ¶2)` },
    };
  }
  if (dispute.exception) {
    const kind = dispute.exception.kind === 'writtenConsent'
      ? { zhTW: '經當事人書面同意', en: 'the data subject agreed in writing' }
      : { zhTW: '因執行職務或業務所必須', en: 'it is necessary for the performance of a business duty' };
    return {
      mayProcess: true,
      reason: {
        zhTW: `正確性有爭議，但${kind.zhTW}，並已註明其爭議，得繼續處理或利用（個人資料保護法第11條第2項但書）`,
        en: `Accuracy is disputed, but ${kind.en} and the dispute is noted, so processing may continue (PDPA Art. 11 ¶2 proviso)`,
      },
    };
  }
  return {
    mayProcess: false,
    reason: { zhTW: '正確性有爭議，應停止處理或利用（個人資料保護法第11條第2項）', en: 'Accuracy is disputed: stop processing and use (PDPA Art. 11 ¶2)' },
  };
}
