/**
 * 認知宣導及教育訓練 (seed 000 §10): a training session as held — who it was for, when, what it
 * covered, who gave it, how long, who attended, and what evidence was kept.
 *
 * Audiences are the three trainings §10 asks for every year:
 *   allStaff ..... 全體員工一般訓練 (§10.1; J0030130 Art. 11, K0010162 Art. 13 ¶1, Q0010012 Art. 12)
 *   privacyTeam .. 個資小組人員（代表人、負責人及管理人員）特殊訓練 (§10.2; K0010162 Art. 13 ¶2)
 *   itStaff ...... 資訊人員特殊訓練 (§10.3)
 * Topic and evidence codes are the plan's own (domain/plan/planContent.ts §10), so a session and
 * the plan that promises it speak one vocabulary.
 */
import {
  trainingEvidenceKinds,
  trainingEvidenceLabels,
  trainingTopicLabels,
  trainingTopics,
  type TrainingEvidenceKind,
  type TrainingTopic,
} from '../plan/planContent';
import { compareIsoDate, isIsoDate, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type Outcome } from '../shared/outcome';

export { trainingEvidenceKinds, trainingTopics, type TrainingEvidenceKind, type TrainingTopic };

export const trainingAudiences = ['allStaff', 'privacyTeam', 'itStaff'] as const;
export type TrainingAudience = (typeof trainingAudiences)[number];

export const trainingAudienceLabels: Record<TrainingAudience, LocalizedText> = {
  allStaff: { zhTW: '全體員工一般訓練', en: 'General training for all staff' },
  privacyTeam: { zhTW: '個資小組人員（代表人、負責人及管理人員）特殊訓練', en: 'Special training for the privacy team (representative, lead and managers)' },
  itStaff: { zhTW: '資訊人員特殊訓練', en: 'Special training for IT staff' },
};

const topicLabelsEn: Record<TrainingTopic, string> = {
  law: 'Personal data protection law and regulations',
  responsibilities: 'Staff responsibilities',
  planRequirements: 'The procedures, mechanisms and measures of the security maintenance plan',
  awareness: 'Data protection and security awareness',
  socialEngineering: 'Social engineering drills or how to recognise social engineering',
  other: 'Other',
};

export const trainingTopicTexts: Record<TrainingTopic, LocalizedText> = Object.fromEntries(
  trainingTopics.map((topic) => [topic, { zhTW: trainingTopicLabels[topic], en: topicLabelsEn[topic] }]),
) as Record<TrainingTopic, LocalizedText>;

const evidenceLabelsEn: Record<TrainingEvidenceKind, string> = {
  attendanceSheet: 'Sign-in / sign-out sheet',
  meetingMinutes: 'Minutes',
  assessment: 'Post-training quiz results',
  other: 'Other evidence',
};

export const trainingEvidenceTexts: Record<TrainingEvidenceKind, LocalizedText> = Object.fromEntries(
  trainingEvidenceKinds.map((kind) => [kind, { zhTW: trainingEvidenceLabels[kind], en: evidenceLabelsEn[kind] }]),
) as Record<TrainingEvidenceKind, LocalizedText>;

/**
 * The topics every all-staff training must include at least (至少應包括): the same three items in
 * J0030130 Art. 11 ¶2, K0010162 Art. 13 ¶1 and Q0010012 Art. 12 ¶2. The seed's plan also ticks
 * awareness, but that is the example company's choice, not the regulations' minimum.
 */
export const statutoryAllStaffTopics: readonly TrainingTopic[] = ['law', 'responsibilities', 'planRequirements'];

/**
 * Large trainings are recorded per sitting (one sign-in sheet each): every attendee is one
 * history item written in the session's own audited transaction (≤ 100 items).
 */
export const MAX_ATTENDEES_PER_SESSION = 40;

/** An attendee as recorded: a team-directory person, or someone named on the sign-in sheet. */
export interface SessionAttendee {
  personId: string;
  name: string;
  source: 'teamDirectory' | 'named';
}

export interface TrainingSessionFields {
  title: string;
  audience: TrainingAudience;
  heldOn: IsoDate;
  topics: TrainingTopic[];
  otherTopic?: string;
  trainer: string;
  durationMinutes: number;
  attendees: SessionAttendee[];
  evidenceKinds: TrainingEvidenceKind[];
  otherEvidence?: string;
  evidenceRefs: string[];
}

export interface TrainingSession extends TrainingSessionFields {
  trainingSessionId: string;
  status: 'held' | 'cancelled';
  cancellation?: { reason: string; by: string; at: string };
}

export type TrainingSessionCode =
  | 'HELD_IN_FUTURE'
  | 'INVALID_DATE'
  | 'TOPICS_REQUIRED'
  | 'DUPLICATE_TOPIC'
  | 'OTHER_TOPIC_UNDESCRIBED'
  | 'DURATION_NOT_POSITIVE'
  | 'ATTENDEES_REQUIRED'
  | 'TOO_MANY_ATTENDEES'
  | 'DUPLICATE_ATTENDEE'
  | 'EVIDENCE_REQUIRED'
  | 'OTHER_EVIDENCE_UNDESCRIBED'
  | 'TRAINER_REQUIRED'
  | 'SESSION_CANCELLED'
  | 'CANCEL_REASON_REQUIRED';

const invalid = (code: TrainingSessionCode, field: string, zhTW: string, en: string) => fail('invalidInput', code, { zhTW, en }, { field });

/**
 * The rules a session must meet to be recorded (or after an update). `today` is the tenant's
 * date: a session is a record of training held, so it cannot lie in the future.
 */
export function checkTrainingSession(fields: TrainingSessionFields, today: IsoDate): Outcome<TrainingSessionFields, TrainingSessionCode> {
  if (!isIsoDate(fields.heldOn)) return invalid('INVALID_DATE', 'heldOn', '日期格式不正確', 'Not a calendar date');
  if (compareIsoDate(fields.heldOn, today) > 0) return invalid('HELD_IN_FUTURE', 'heldOn', `訓練日期不得晚於今日（${today}）`, `The training date cannot be after today (${today})`);
  if (!fields.trainer.trim()) return invalid('TRAINER_REQUIRED', 'trainer', '請填寫講師', 'Name the trainer');
  if (fields.topics.length === 0) return invalid('TOPICS_REQUIRED', 'topics', '至少選擇一項訓練主題', 'Choose at least one topic');
  if (new Set(fields.topics).size !== fields.topics.length) return invalid('DUPLICATE_TOPIC', 'topics', '訓練主題重複', 'A topic is listed twice');
  if (fields.topics.includes('other') && !fields.otherTopic?.trim()) return invalid('OTHER_TOPIC_UNDESCRIBED', 'otherTopic', '選擇「其他」主題時須說明內容', 'Describe the "other" topic');
  if (!Number.isInteger(fields.durationMinutes) || fields.durationMinutes <= 0) return invalid('DURATION_NOT_POSITIVE', 'durationMinutes', '訓練時數（分鐘）須大於 0', 'The duration in minutes must be greater than 0');
  if (fields.attendees.length === 0) return invalid('ATTENDEES_REQUIRED', 'attendees', '至少一位參加人員', 'At least one attendee');
  if (fields.attendees.length > MAX_ATTENDEES_PER_SESSION) {
    return invalid('TOO_MANY_ATTENDEES', 'attendees', `每場次最多 ${MAX_ATTENDEES_PER_SESSION} 人；人數較多時請依梯次分別登錄`, `At most ${MAX_ATTENDEES_PER_SESSION} attendees per session; record larger trainings per sitting`);
  }
  const seen = new Set<string>();
  for (const [index, attendee] of fields.attendees.entries()) {
    if (seen.has(attendee.personId)) return invalid('DUPLICATE_ATTENDEE', `attendees[${index}]`, `參加人員重複：${attendee.name}`, `Attendee listed twice: ${attendee.name}`);
    seen.add(attendee.personId);
  }
  if (fields.evidenceKinds.length === 0) return invalid('EVIDENCE_REQUIRED', 'evidenceKinds', '請選擇實施之佐證紀錄（簽到簽退、會議紀錄或課後評量）', 'Choose the evidence kept (sign-in sheet, minutes or quiz results)');
  if (new Set(fields.evidenceKinds).size !== fields.evidenceKinds.length) return invalid('EVIDENCE_REQUIRED', 'evidenceKinds', '佐證種類重複', 'An evidence kind is listed twice');
  if (fields.evidenceKinds.includes('other') && !fields.otherEvidence?.trim()) return invalid('OTHER_EVIDENCE_UNDESCRIBED', 'otherEvidence', '選擇「其他佐證方式」時須說明', 'Describe the "other" evidence');
  return ok(fields);
}

/** A cancelled session (recorded in error, or called off) stays in the register but counts for nobody. */
export function cancelTrainingSession(session: TrainingSession, input: { reason: string; by: string; at: string }): Outcome<TrainingSession, TrainingSessionCode> {
  if (session.status === 'cancelled') return fail('conflict', 'SESSION_CANCELLED', { zhTW: '此場次已取消', en: 'The session is already cancelled' });
  if (!input.reason.trim()) return invalid('CANCEL_REASON_REQUIRED', 'reason', '請說明取消理由', 'Give the reason for cancelling');
  return ok({ ...session, status: 'cancelled', cancellation: { reason: input.reason.trim(), by: input.by, at: input.at } });
}

/** Updates are refused on a cancelled session: its record is kept as it was. */
export function updatableSession(session: TrainingSession): Outcome<TrainingSession, TrainingSessionCode> {
  if (session.status === 'cancelled') return fail('conflict', 'SESSION_CANCELLED', { zhTW: '已取消之場次不得修改', en: 'A cancelled session cannot be changed' });
  return ok(session);
}
