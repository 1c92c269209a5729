/** API views of duties, review tasks, reminders and the team directory (zod: validation, types and docs). */
import { z } from '@hono/zod-openapi';
import { frequencySchema } from '../../domain/shared/frequency';
import {
  dutyOwnerSchema,
  dutySources,
  dutySubjectSchema,
  isoDateSchema,
  localeSchema,
  localizedTextSchema,
  type Duty,
} from '../../domain/reviews/duty';
import { isOverdue, reviewTaskStatuses, taskCompletionSchema, taskSkipSchema } from '../../domain/reviews/reviewTask';
import type { IsoDate } from '../../domain/shared/isoDate';
import { parseTaskId, type StoredDuty, type StoredTask } from './dutyStore';
import type { ReminderRecord, StoredMail, TeamDirectoryRecord } from './reminderStore';

const invalidId = { zhTW: '識別碼格式不正確', en: 'Unknown id format' };

export const taskIdParams = z.object({
  taskId: z
    .string()
    .min(1)
    .max(600)
    .refine((value) => parseTaskId(value) !== null, { message: 'Unknown id format', params: invalidId })
    .openapi({ param: { name: 'taskId', in: 'path' }, description: 'Task id `<dutyId>#<dueDate>`, percent-encoded in the path', example: 'duty:dataInventory|organization|self#2027-01-01' }),
});

export const dutyIdParams = z.object({
  dutyId: z
    .string()
    .min(6)
    .max(500)
    .regex(/^duty:[^#]+$/, { message: 'Unknown id format' })
    .openapi({ param: { name: 'dutyId', in: 'path' }, description: 'Duty id `duty:<kind>|<subjectKind>|<subjectId>`, percent-encoded in the path', example: 'duty:dataInventory|organization|self' }),
});

export const dutyViewSchema = z
  .object({
    dutyId: z.string(),
    dutyKind: z.string(),
    subject: dutySubjectSchema,
    title: localizedTextSchema,
    legalBasis: localizedTextSchema,
    frequency: frequencySchema.nullable(),
    owner: dutyOwnerSchema,
    source: z.enum(dutySources),
    anchorDate: isoDateSchema,
    lastCompletedOn: isoDateSchema.nullable(),
    urgent: z.boolean(),
    retiredOn: isoDateSchema.nullable(),
    version: z.number().int(),
  })
  .openapi('Duty');

export function toDutyView(duty: StoredDuty): z.infer<typeof dutyViewSchema> {
  return {
    dutyId: duty.dutyId,
    dutyKind: duty.dutyKind,
    subject: duty.subject,
    title: duty.title,
    legalBasis: duty.legalBasis,
    frequency: duty.frequency,
    owner: duty.owner,
    source: duty.source,
    anchorDate: duty.anchorDate,
    lastCompletedOn: duty.lastCompletedOn,
    urgent: duty.urgent,
    retiredOn: duty.retiredOn,
    version: duty.version,
  };
}

export function asDomainDuty(duty: StoredDuty): Duty {
  const { version: _v, ...rest } = toDutyView(duty);
  return rest;
}

/** Duty ids are `duty:<kind>|<subject kind>|<subject id>` (domain dutyIdFor). */
export function dutyKindOf(dutyId: string): string {
  return dutyId.slice('duty:'.length).split('|')[0] ?? '';
}

export const taskViewSchema = z
  .object({
    taskId: z.string(),
    dutyId: z.string(),
    dutyKind: z.string(),
    dueDate: isoDateSchema,
    dueAt: z.string().nullable().openapi({ description: 'Exact instant for precise deadlines (incident 72 h), else null' }),
    owner: dutyOwnerSchema,
    status: z.enum(reviewTaskStatuses),
    overdue: z.boolean().openapi({ description: 'Open and past its due date (tenant time zone)' }),
    completion: taskCompletionSchema.nullable(),
    skip: taskSkipSchema.nullable(),
    resourcePath: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('ReviewTask');

export function toTaskView(task: StoredTask, today: IsoDate): z.infer<typeof taskViewSchema> {
  return {
    taskId: task.taskId,
    dutyId: task.dutyId,
    dutyKind: dutyKindOf(task.dutyId),
    dueDate: task.dueDate,
    dueAt: task.dueAt ?? null,
    owner: task.owner,
    status: task.status,
    overdue: isOverdue(task, today),
    completion: task.completion ?? null,
    skip: task.skip ?? null,
    resourcePath: task.resourcePath ?? null,
    version: task.version,
  };
}

// Same shapes as the domain's completeTaskInputSchema / skipTaskInputSchema, declared with the
// OpenAPI-aware zod so they are named components (the domain module may load first).
export const completeTaskSchema = z
  .object({
    notes: z.string().max(5000).default('').openapi({ description: 'What was reviewed or found' }),
    evidenceRefs: z.array(z.string().min(1).max(500)).max(50).default([]).openapi({ description: 'Evidence references (plan §11: kept 5 years)' }),
  })
  .strict()
  .openapi('CompleteReviewTask');
export const skipTaskSchema = z
  .object({ reason: z.string().trim().min(1).max(2000).openapi({ description: 'Why this occurrence is skipped' }) })
  .strict()
  .openapi('SkipReviewTask');

export const taskTransitionSchema = z
  .object({
    task: taskViewSchema,
    next: taskViewSchema.nullable().openapi({ description: 'The next occurrence, counted from the DUE date (no drift); null for one-time or retired duties' }),
  })
  .openapi('ReviewTaskTransition');

const recipientSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    locale: localeSchema.default('zh-TW'),
  })
  .strict()
  .openapi('ReminderRecipient');

const roleNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,49}$/, { message: 'Role names are letters, digits, - and _' });

export const teamDirectoryInputSchema = z
  .object({
    members: z
      .record(roleNameSchema, z.array(recipientSchema).max(20))
      .refine((value) => Object.keys(value).length <= 30, { message: 'At most 30 roles', params: { zhTW: '最多 30 個角色', en: 'At most 30 roles' } })
      .openapi({
        description: 'People per team role: convener 召集人, representative 代表人, privacyOfficer 個資管理專職人員, securityLead 資訊安全主管, unitPrivacyOfficer …',
        example: { convener: [{ name: '陳大文', email: 'convener@example.com', locale: 'zh-TW' }], privacyOfficer: [{ name: '林小美', email: 'dpo@example.com', locale: 'zh-TW' }] },
      }),
  })
  .strict()
  .openapi('TeamDirectoryInput');

export const teamDirectoryViewSchema = z
  .object({
    members: z.record(z.string(), z.array(recipientSchema)),
    roleLabels: z.record(z.string(), localizedTextSchema).openapi({ description: 'The roles the product knows, with their zh-TW and English names' }),
    updatedAt: z.string().nullable(),
    version: z.number().int().openapi({ description: '0 until the directory is first saved (send If-Match: "0" to create it)' }),
  })
  .openapi('TeamDirectory');

export function toTeamDirectoryView(record: TeamDirectoryRecord, roleLabels: Record<string, { zhTW: string; en: string }>): z.infer<typeof teamDirectoryViewSchema> {
  return { members: record.members as Record<string, { name: string; email: string; locale: 'zh-TW' | 'en' }[]>, roleLabels, updatedAt: record.updatedAt, version: record.version };
}

export const deliveryViewSchema = z
  .object({
    status: z.enum(['pending', 'sent', 'failed', 'deadLetter']),
    attempts: z.number().int(),
    sentAt: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    providerMessageId: z.string().nullable(),
  })
  .openapi('ReminderDelivery');

export const reminderViewSchema = z
  .object({
    reminderKey: z.string(),
    taskId: z.string(),
    stepId: z.string().openapi({ description: 'before30, before7, before1, dueDay, overdue7, overdue14 …, or deadline.<moment>.<instant>' }),
    audience: z.enum(['owner', 'escalation']),
    urgent: z.boolean(),
    recipient: recipientSchema,
    sentOn: isoDateSchema,
    queuedAt: z.string(),
    mailId: z.string(),
    messageId: z.string(),
    subject: z.string().nullable(),
    delivery: deliveryViewSchema.nullable(),
  })
  .openapi('ReminderRecord');

export function toReminderView(record: ReminderRecord, mail: StoredMail | undefined): z.infer<typeof reminderViewSchema> {
  const delivery = mail?.delivery;
  return {
    reminderKey: record.reminderKey,
    taskId: record.taskId,
    stepId: record.stepId,
    audience: record.audience,
    urgent: record.urgent,
    recipient: record.recipient,
    sentOn: record.sentOn,
    queuedAt: record.queuedAt,
    mailId: record.mailId,
    messageId: record.messageId,
    subject: mail?.subject ?? null,
    delivery: delivery
      ? {
          status: delivery.status,
          attempts: delivery.attempts,
          sentAt: delivery.status === 'sent' ? delivery.sentAt : null,
          nextAttemptAt: delivery.status === 'failed' ? delivery.nextAttemptAt : null,
          lastError: delivery.status === 'failed' || delivery.status === 'deadLetter' ? delivery.lastError : null,
          providerMessageId: delivery.status === 'sent' ? delivery.providerMessageId : null,
        }
      : null,
  };
}

export const calendarSchema = z
  .object({
    asOf: isoDateSchema,
    until: z.string().openapi({ description: 'Exclusive end (YYYY-MM-DD): 12 months after asOf' }),
    entries: z.array(
      z.object({
        dueDate: isoDateSchema,
        month: z.string(),
        taskId: z.string(),
        dutyId: z.string(),
        dutyKind: z.string(),
        title: localizedTextSchema,
        legalBasis: localizedTextSchema,
        owner: dutyOwnerSchema,
        source: z.enum(dutySources),
        urgent: z.boolean(),
      }),
    ),
  })
  .openapi('ComplianceCalendar');

export const summarySchema = z
  .object({
    asOf: isoDateSchema,
    dueThisMonth: z.object({ count: z.number().int(), taskIds: z.array(z.string()) }),
    overdue: z.object({ count: z.number().int(), taskIds: z.array(z.string()) }),
    onTimeLast12Months: z.object({ onTime: z.number().int(), total: z.number().int(), percentage: z.number().nullable() }),
  })
  .openapi('ComplianceSummary');

export const sweepRequestSchema = z
  .object({
    asOf: z
      .union([isoDateSchema, z.iso.datetime({ offset: true })])
      .openapi({ description: 'A date (runs as of 09:00 Asia/Taipei that day) or an instant', example: '2027-01-15' }),
    tenantId: z.string().regex(/^tn_[0-9a-z]{26}$/, { message: 'Unknown id format' }).optional(),
  })
  .strict()
  .openapi('ReviewSweepRequest');

export const sweepSummarySchema = z
  .object({
    sweepId: z.string(),
    asOf: z.string(),
    tenants: z.number().int(),
    tasksSeen: z.number().int(),
    remindersSent: z.number().int(),
    tasksOpened: z.number().int(),
    mailsSent: z.number().int(),
    mailsFailed: z.number().int(),
    tenantsFailed: z.number().int(),
  })
  .openapi('ReviewSweepSummary');
