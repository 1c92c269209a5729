/**
 * Training sessions and attendance in a tenant table: item ↔ record mapping and the reads (keys
 * and access patterns: trainingEntities.ts).
 */
import { directoryPeople, heldInYear, requiredAudiencesFor, trainingAudiences, trainingCompliance, type PersonTrainingStatus, type SessionAttendee, type TrainingCompliance, type TrainingSession, type TrainingTaskCheck, type TrainingTopic } from '../../domain/training';
import type { LocalizedText } from '../../domain/shared/localizedText';
import { getTeamDirectory } from '../reviews/reminderStore';
import type { TransactItem } from '../store/auditedCommit';
import { EntityNotFoundError, putEntityWrite, queryAll, queryItems, queryPage, requireEntity, withoutKeys, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { sessionIndexKeys, trainingAccess, trainingKeys } from './trainingEntities';

export const TRAINING_SESSION_WHAT = { zhTW: '此教育訓練場次', en: 'training session' };
export const TRAINING_PERSON_WHAT = { zhTW: '此人員之教育訓練紀錄', en: 'training record of this person' };

/** How a session stood against one of the plan's training duties when last recorded or corrected (trainingDuties.ts). */
export interface SessionDutyCheck {
  dutyId: string;
  dutyKind: string;
  title: LocalizedText;
  outcome: Exclude<TrainingTaskCheck['kind'], 'otherAudience'>;
  taskId: string | null;
  dueDate: string | null;
  /** The task's period: after this day (null: no lower bound) up to dueDate. */
  periodAfter: string | null;
  missingStatutoryTopics: TrainingTopic[];
  /** What the check found, in words (domain trainingTaskCheckText). */
  message: LocalizedText;
}

export interface SessionDutyChecks {
  checkedOn: string;
  duties: SessionDutyCheck[];
}

export interface StoredTrainingSession extends TrainingSession {
  version: number;
  recordedAt: string;
  recordedBy: string;
  updatedAt: string;
  /** Absent on sessions recorded before duties were checked. */
  dutyChecks?: SessionDutyChecks;
}

/** One line of a person's history: what they attended, copied from the session when written. */
export interface TrainingAttendance {
  personId: string;
  name: string;
  source: SessionAttendee['source'];
  trainingSessionId: string;
  title: string;
  audience: TrainingSession['audience'];
  heldOn: string;
  topics: TrainingSession['topics'];
  durationMinutes: number;
  trainer: string;
  version: number;
}

export function sessionItem(session: StoredTrainingSession): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...trainingKeys.session(session.trainingSessionId), entity: 'TrainingSession', ...session, ...sessionIndexKeys(session) };
}

export function sessionWrite(tableName: string, session: StoredTrainingSession, expected: number | null): TransactItem {
  return putEntityWrite(tableName, sessionItem(session), expected);
}

function attendanceOf(session: StoredTrainingSession, attendee: SessionAttendee): TrainingAttendance {
  return {
    personId: attendee.personId,
    name: attendee.name,
    source: attendee.source,
    trainingSessionId: session.trainingSessionId,
    title: session.title,
    audience: session.audience,
    heldOn: session.heldOn,
    topics: session.topics,
    durationMinutes: session.durationMinutes,
    trainer: session.trainer,
    version: 1,
  };
}

/**
 * The attendance writes that bring the history in line with a session change: every attendee of
 * a held session gets its line (re)written — date, title or topics may have changed — and people
 * no longer on it (or all, once cancelled) lose theirs. Unconditional: the session item's own
 * version condition in the same transaction already orders concurrent changes.
 */
export function attendanceWrites(tableName: string, before: StoredTrainingSession | null, after: StoredTrainingSession): TransactItem[] {
  const current = after.status === 'held' ? after.attendees : [];
  const keep = new Set(current.map((a) => a.personId));
  const removed = (before?.attendees ?? []).filter((a) => !keep.has(a.personId));
  return [
    ...current.map((attendee) => ({ Put: { TableName: tableName, Item: { ...trainingKeys.attendance(attendee.personId, after.trainingSessionId), entity: 'TrainingAttendance', ...attendanceOf(after, attendee) } } })),
    ...removed.map((attendee) => ({ Delete: { TableName: tableName, Key: trainingKeys.attendance(attendee.personId, after.trainingSessionId) } })),
  ];
}

export function toStoredSession(item: Record<string, unknown>): StoredTrainingSession {
  return withoutKeys(item) as unknown as StoredTrainingSession;
}

/** One session, or EntityNotFoundError (404). */
export async function requireSession(table: TableRef, trainingSessionId: string): Promise<StoredTrainingSession> {
  return toStoredSession(await requireEntity<Record<string, unknown>>(table, trainingKeys.session(trainingSessionId), TRAINING_SESSION_WHAT));
}

/** Bounds a year's read: a company holds a few dozen sittings a year, not thousands. */
const YEAR_MAX_SESSIONS = 2_000;

export async function sessionsOfYear(table: TableRef, year: number): Promise<StoredTrainingSession[]> {
  return (await queryAll(table, trainingAccess.sessionsOfYear(year), { max: YEAR_MAX_SESSIONS })).items.map(toStoredSession);
}

export async function listSessionsOfYear<T>(table: TableRef, year: number, page: PageRequest, list: ListBinding, map: (session: StoredTrainingSession) => T) {
  return queryPage(table, trainingAccess.sessionsOfYear(year), page, list, (item) => map(toStoredSession(item)));
}

/** A person's attended sessions, newest first. */
export async function historyOf(table: TableRef, personId: string): Promise<TrainingAttendance[]> {
  const items = (await queryItems(table, trainingAccess.historyOf(personId))).map((item) => withoutKeys(item) as unknown as TrainingAttendance);
  return items.sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.trainingSessionId.localeCompare(a.trainingSessionId));
}

/** The year's training, person by person (domain trainingCompliance: the directory, and sign-ins of this year and last). */
export async function trainingComplianceOf(table: TableRef, year: number): Promise<TrainingCompliance> {
  const [directory, thisYear, lastYear] = await Promise.all([getTeamDirectory(table), sessionsOfYear(table, year), sessionsOfYear(table, year - 1)]);
  return trainingCompliance({ year, directory: directoryPeople(directory.members), sessions: [...thisYear, ...lastYear] });
}

/**
 * A person's history with their status in `year`; 404 for someone neither in the team directory
 * nor on any session (another tenant's person id reads the same as an unknown one).
 */
export async function personHistoryOf(table: TableRef, personId: string, year: number): Promise<{ person: PersonTrainingStatus; items: TrainingAttendance[] }> {
  const [items, directory] = await Promise.all([historyOf(table, personId), getTeamDirectory(table)]);
  const member = directoryPeople(directory.members).find((p) => p.personId === personId);
  if (!member && items.length === 0) throw new EntityNotFoundError(TRAINING_PERSON_WHAT);
  const roles = member?.roles ?? [];
  const requiredAudiences = requiredAudiencesFor(roles);
  const ofYear = items.filter((item) => item.heldOn.startsWith(`${year}-`));
  const attendedAudiences = trainingAudiences.filter((audience) => ofYear.some((item) => item.audience === audience));
  const person: PersonTrainingStatus = {
    personId,
    name: member?.name ?? items[0]!.name,
    inTeamDirectory: member !== undefined,
    roles,
    requiredAudiences,
    attendedAudiences,
    missingAudiences: requiredAudiences.filter((audience) => !attendedAudiences.includes(audience)),
    sessionIds: ofYear.map((item) => item.trainingSessionId).reverse(),
  };
  return { person, items };
}

/** Whether any training session was held in the tenant's year up to today (an assessment fact). */
export async function trainingHeldInYear(table: TableRef, today: string): Promise<boolean> {
  return heldInYear(await sessionsOfYear(table, Number(today.slice(0, 4))), Number(today.slice(0, 4))).some((session) => session.heldOn <= today);
}
