/** API views of training (認知宣導及教育訓練): zod schemas for validation, types and docs. */
import { z } from '@hono/zod-openapi';
import {
  MAX_ATTENDEES_PER_SESSION,
  statutoryAllStaffTopics,
  trainingAudienceLabels,
  trainingAudiences,
  trainingEvidenceKinds,
  trainingEvidenceTexts,
  trainingTopics,
  trainingTopicTexts,
  type PersonTrainingStatus,
  type TrainingAudience,
  type TrainingCompliance,
  type TrainingEvidenceKind,
  type TrainingTopic,
} from '../../domain/training';
import { isoDateSchema } from '../../domain/shared/schemas';
import type { StoredTrainingSession, TrainingAttendance } from './trainingStore';

const localized = z.object({ zhTW: z.string(), en: z.string() });

// ------------------------------------------------------------------------------------- inputs

const directoryAttendeeSchema = z
  .object({ personId: z.string().regex(/^tdp_[0-9a-f]{24}$/).describe('A team-directory person (ids are listed by GET /v1/training/compliance)') })
  .strict();
const namedAttendeeSchema = z.object({ name: z.string().trim().min(1).max(100).describe('Someone not in the team directory, as on the sign-in sheet') }).strict();
export const attendeeInputSchema = z.union([directoryAttendeeSchema, namedAttendeeSchema]).openapi('TrainingAttendeeInput', { example: { name: '陳小華' } });
export type AttendeeInput = z.infer<typeof attendeeInputSchema>;

const sessionFields = {
  title: z.string().trim().min(1).max(200).openapi({ example: '115年度個資保護教育訓練（第1梯次）' }),
  audience: z.enum(trainingAudiences).describe('allStaff 全體員工一般訓練, privacyTeam 個資小組特殊訓練, itStaff 資訊人員特殊訓練'),
  heldOn: isoDateSchema.openapi({ example: '2026-03-05' }).describe('The day it was held (not after today)'),
  topics: z.array(z.enum(trainingTopics)).min(1).max(trainingTopics.length).describe('Seed 000 §10 topics; all-staff training must cover law, responsibilities and planRequirements within the year'),
  otherTopic: z.string().trim().min(1).max(200).optional().describe('Required with the topic "other"'),
  trainer: z.string().trim().min(1).max(200).openapi({ example: '林小美（個資管理專職人員）' }),
  durationMinutes: z.number().int().min(1).max(24 * 60).describe('Duration in minutes, greater than 0'),
  attendees: z.array(attendeeInputSchema).min(1).max(MAX_ATTENDEES_PER_SESSION).describe(`A team-directory person id or a name; at most ${MAX_ATTENDEES_PER_SESSION} per session (record larger trainings per sitting)`),
  evidenceKinds: z.array(z.enum(trainingEvidenceKinds)).min(1).max(trainingEvidenceKinds.length).describe('attendanceSheet 簽到簽退, meetingMinutes 會議紀錄, assessment 課後評量, other'),
  otherEvidence: z.string().trim().min(1).max(200).optional().describe('Required with the evidence kind "other"'),
  evidenceRefs: z.array(z.string().trim().min(1).max(300)).max(20).optional().describe('Where the evidence is kept: document numbers, file paths, URLs'),
};

export const recordSessionSchema = z.object(sessionFields).strict().openapi('TrainingSessionCreate');
export type RecordSessionInput = z.infer<typeof recordSessionSchema>;

export const updateSessionSchema = z
  .object(sessionFields)
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'Nothing to change', params: { zhTW: '未提供任何變更欄位', en: 'Nothing to change' } })
  .openapi('TrainingSessionUpdate', { description: 'The fields given replace the recorded ones; attendees replace the whole list.' });
export type UpdateSessionInput = z.infer<typeof updateSessionSchema>;

export const cancelSessionSchema = z.object({ reason: z.string().trim().min(1).max(1000).openapi({ example: '誤植，同一梯次重複登錄' }) }).strict().openapi('TrainingSessionCancel');

const yearSchema = z.coerce.number().int().min(2000).max(2100).optional().openapi({ example: 2026, description: "Calendar year; defaults to the tenant's current year" });
export const yearQuerySchema = z.object({ year: yearSchema }).strict();

// -------------------------------------------------------------------------------------- views

const topicViewSchema = z.object({ code: z.enum(trainingTopics), label: localized });
const evidenceViewSchema = z.object({ code: z.enum(trainingEvidenceKinds), label: localized });
const audienceViewSchema = z.object({ code: z.enum(trainingAudiences), label: localized });

const topicView = (code: TrainingTopic) => ({ code, label: trainingTopicTexts[code] });
const evidenceView = (code: TrainingEvidenceKind) => ({ code, label: trainingEvidenceTexts[code] });
const audienceView = (code: TrainingAudience) => ({ code, label: trainingAudienceLabels[code] });

const planDutyCheckSchema = z
  .object({
    dutyId: z.string(),
    dutyKind: z.string(),
    title: localized,
    outcome: z
      .enum(['met', 'statutoryTopicsMissing', 'taskClosed', 'noTask'])
      .describe('met: the session completed (or had completed) the task of its period; statutoryTopicsMissing: the period\'s all-staff sessions lack statutory topics, the task stays open; taskClosed: the period\'s task was already done or skipped; noTask: no task of the duty covers the date'),
    taskId: z.string().nullable(),
    dueDate: z.string().nullable(),
    periodAfter: z.string().nullable().describe("The task's period runs from the day after this date to dueDate"),
    missingStatutoryTopics: z.array(topicViewSchema),
    message: localized,
  })
  .openapi('TrainingPlanDutyCheck');

export const sessionViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    audience: audienceViewSchema,
    heldOn: z.string(),
    topics: z.array(topicViewSchema),
    otherTopic: z.string().nullable(),
    trainer: z.string(),
    durationMinutes: z.number().int(),
    attendees: z.array(z.object({ personId: z.string(), name: z.string(), source: z.enum(['teamDirectory', 'named']) })),
    evidenceKinds: z.array(evidenceViewSchema),
    otherEvidence: z.string().nullable(),
    evidenceRefs: z.array(z.string()),
    status: z.enum(['held', 'cancelled']),
    cancellation: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
    planDuties: z
      .object({
        checkedOn: z.string().describe('When the session was last recorded or corrected (tenant date)'),
        duties: z.array(planDutyCheckSchema),
      })
      .nullable()
      .describe("How the session stood against its audience's plan training duty (training, leadershipTraining or itStaffTraining; before a plan is approved, the default duties) when last recorded or corrected; null for sessions recorded before duties were checked. An empty list: the tenant has no active duty for this audience."),
    recordedAt: z.string(),
    recordedBy: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('TrainingSession');
export type SessionView = z.infer<typeof sessionViewSchema>;

export function toSessionView(session: StoredTrainingSession): SessionView {
  return {
    id: session.trainingSessionId,
    title: session.title,
    audience: audienceView(session.audience),
    heldOn: session.heldOn,
    topics: session.topics.map(topicView),
    otherTopic: session.otherTopic ?? null,
    trainer: session.trainer,
    durationMinutes: session.durationMinutes,
    attendees: session.attendees.map(({ personId, name, source }) => ({ personId, name, source })),
    evidenceKinds: session.evidenceKinds.map(evidenceView),
    otherEvidence: session.otherEvidence ?? null,
    evidenceRefs: session.evidenceRefs,
    status: session.status,
    cancellation: session.cancellation ?? null,
    planDuties: session.dutyChecks
      ? { checkedOn: session.dutyChecks.checkedOn, duties: session.dutyChecks.duties.map((check) => ({ ...check, missingStatutoryTopics: check.missingStatutoryTopics.map(topicView) })) }
      : null,
    recordedAt: session.recordedAt,
    recordedBy: session.recordedBy,
    updatedAt: session.updatedAt,
    version: session.version,
  };
}

export const sessionSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    audience: z.enum(trainingAudiences),
    heldOn: z.string(),
    topics: z.array(z.enum(trainingTopics)),
    trainer: z.string(),
    durationMinutes: z.number().int(),
    attendeeCount: z.number().int(),
    status: z.enum(['held', 'cancelled']),
    version: z.number().int(),
  })
  .openapi('TrainingSessionSummary');

export function toSessionSummary(session: StoredTrainingSession): z.infer<typeof sessionSummarySchema> {
  return {
    id: session.trainingSessionId,
    title: session.title,
    audience: session.audience,
    heldOn: session.heldOn,
    topics: session.topics,
    trainer: session.trainer,
    durationMinutes: session.durationMinutes,
    attendeeCount: session.attendees.length,
    status: session.status,
    version: session.version,
  };
}

const personStatusSchema = z
  .object({
    personId: z.string(),
    name: z.string(),
    inTeamDirectory: z.boolean(),
    roles: z.array(z.string()),
    requiredAudiences: z.array(z.enum(trainingAudiences)),
    attendedAudiences: z.array(z.enum(trainingAudiences)),
    missingAudiences: z.array(z.enum(trainingAudiences)),
    sessionIds: z.array(z.string()),
  })
  .openapi('TrainingPersonStatus');

const toPersonStatus = (status: PersonTrainingStatus): z.infer<typeof personStatusSchema> => ({ ...status });

export const complianceViewSchema = z
  .object({
    year: z.number().int(),
    covered: z.boolean().describe('All three trainings held in the calendar year and the all-staff ones covered the statutory topics (the plan\'s training duties are met session by session: see a session\'s planDuties and GET /v1/review-tasks)'),
    sessionsByAudience: z.object({ allStaff: z.number().int(), privacyTeam: z.number().int(), itStaff: z.number().int() }),
    missingAudiences: z.array(audienceViewSchema),
    missingStatutoryTopics: z.array(topicViewSchema).describe('Topics J0030130 Art. 11, K0010162 Art. 13 and Q0010012 Art. 12 require that no all-staff session of the year covered'),
    people: z.array(personStatusSchema).describe('The team directory (roles decide the trainings required) and everyone who signed in this year or last'),
    missed: z.array(personStatusSchema).describe('People missing at least one required training this year'),
  })
  .openapi('TrainingCompliance');

export function toComplianceView(compliance: TrainingCompliance): z.infer<typeof complianceViewSchema> {
  return {
    year: compliance.year,
    covered: compliance.covered,
    sessionsByAudience: compliance.sessionsByAudience,
    missingAudiences: compliance.missingAudiences.map(audienceView),
    missingStatutoryTopics: compliance.missingStatutoryTopics.map(topicView),
    people: compliance.people.map(toPersonStatus),
    missed: compliance.missed.map(toPersonStatus),
  };
}

export const historyViewSchema = z
  .object({
    person: personStatusSchema.describe("The person and this year's status"),
    items: z.array(
      z.object({
        trainingSessionId: z.string(),
        title: z.string(),
        audience: z.enum(trainingAudiences),
        heldOn: z.string(),
        topics: z.array(z.enum(trainingTopics)),
        durationMinutes: z.number().int(),
        trainer: z.string(),
      }),
    ).describe('Sessions attended, newest first (cancelled sessions are not listed)'),
    totalMinutes: z.number().int(),
  })
  .openapi('TrainingHistory');

export function toHistoryView(person: PersonTrainingStatus, items: readonly TrainingAttendance[]): z.infer<typeof historyViewSchema> {
  return {
    person: toPersonStatus(person),
    items: items.map(({ trainingSessionId, title, audience, heldOn, topics, durationMinutes, trainer }) => ({ trainingSessionId, title, audience, heldOn, topics, durationMinutes, trainer })),
    totalMinutes: items.reduce((sum, item) => sum + item.durationMinutes, 0),
  };
}

export const codesViewSchema = z
  .object({
    audiences: z.array(audienceViewSchema),
    topics: z.array(topicViewSchema.extend({ statutoryForAllStaff: z.boolean() })),
    evidenceKinds: z.array(evidenceViewSchema),
  })
  .openapi('TrainingCodes');

export function trainingCodesView(): z.infer<typeof codesViewSchema> {
  return {
    audiences: trainingAudiences.map(audienceView),
    topics: trainingTopics.map((code) => ({ ...topicView(code), statutoryForAllStaff: statutoryAllStaffTopics.includes(code) })),
    evidenceKinds: trainingEvidenceKinds.map(evidenceView),
  };
}
