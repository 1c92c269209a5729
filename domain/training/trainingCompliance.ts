/**
 * This year's training, person by person and for the company: who attended which of the three
 * yearly trainings, who has missed one their roles require, and whether the year's required
 * training has been held at all (seed 000 §10: each of the three trainings 每年至少一次, at least
 * once per calendar year). The plan's training duties are met session by session (trainingDuties.ts).
 */
import { compareIsoDate, type IsoDate } from '../shared/isoDate';
import { missingStatutoryTopicsOf } from './trainingDuties';
import { requiredAudiencesFor, type DirectoryPerson } from './trainingPeople';
import { trainingAudiences, type TrainingAudience, type TrainingSession, type TrainingTopic } from './trainingSession';

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/** Sessions that count: held (not cancelled) in the given calendar year. */
export function heldInYear(sessions: readonly TrainingSession[], year: number): TrainingSession[] {
  return sessions.filter((session) => session.status === 'held' && yearOf(session.heldOn) === year);
}

export interface YearCoverage {
  year: number;
  /** Held sessions per audience. */
  sessionsByAudience: Record<TrainingAudience, number>;
  missingAudiences: TrainingAudience[];
  /** Statutory all-staff topics no all-staff session of the year covered. */
  missingStatutoryTopics: TrainingTopic[];
  /** All three trainings held and the all-staff ones covered the statutory topics. */
  covered: boolean;
}

/**
 * Whether a year's required training was held: one session or more for each audience, and the
 * year's all-staff sessions together covering the statutory minimum topics. Every audience is
 * required every year (§10 lists all three 每年至少一次), whoever is in the directory.
 */
export function yearCoverage(sessions: readonly TrainingSession[], year: number): YearCoverage {
  const held = heldInYear(sessions, year);
  const sessionsByAudience = Object.fromEntries(trainingAudiences.map((audience) => [audience, held.filter((s) => s.audience === audience).length])) as Record<TrainingAudience, number>;
  const missingAudiences = trainingAudiences.filter((audience) => sessionsByAudience[audience] === 0);
  const missingStatutoryTopics = missingStatutoryTopicsOf(held);
  return { year, sessionsByAudience, missingAudiences, missingStatutoryTopics, covered: missingAudiences.length === 0 && missingStatutoryTopics.length === 0 };
}

export interface PersonTrainingStatus {
  personId: string;
  name: string;
  /** In the team directory now, or known only from sign-in records. */
  inTeamDirectory: boolean;
  roles: string[];
  requiredAudiences: TrainingAudience[];
  attendedAudiences: TrainingAudience[];
  missingAudiences: TrainingAudience[];
  /** The year's sessions attended, oldest first. */
  sessionIds: string[];
}

export interface TrainingCompliance extends YearCoverage {
  people: PersonTrainingStatus[];
  /** People with at least one missing required training (the same entries as in `people`). */
  missed: PersonTrainingStatus[];
}

/**
 * Who has missed the year's required training. The people considered are the team directory's
 * (their roles decide what they need: requiredAudiencesFor) and everyone who signed in to a
 * session this year or the year before (all-staff training only, since their roles are not
 * known): someone trained last year and not yet this year shows up as missing. Nobody else on
 * the staff is known to the product, so a missing list is only as complete as those records.
 */
export function trainingCompliance(input: { year: number; directory: readonly DirectoryPerson[]; sessions: readonly TrainingSession[] }): TrainingCompliance {
  const { year } = input;
  const thisYear = heldInYear(input.sessions, year).sort((a, b) => compareIsoDate(a.heldOn, b.heldOn) || a.trainingSessionId.localeCompare(b.trainingSessionId));
  const lastYear = heldInYear(input.sessions, year - 1);
  const people = new Map<string, { name: string; inTeamDirectory: boolean; roles: string[] }>();
  for (const person of input.directory) people.set(person.personId, { name: person.name, inTeamDirectory: true, roles: [...person.roles] });
  // Newest sign-in first, so a person's latest spelling of their name is the one shown.
  for (const session of [...thisYear].reverse().concat(lastYear)) {
    for (const attendee of session.attendees) {
      if (!people.has(attendee.personId)) people.set(attendee.personId, { name: attendee.name, inTeamDirectory: false, roles: [] });
    }
  }
  const statuses: PersonTrainingStatus[] = [...people.entries()].map(([personId, person]) => {
    const attended = thisYear.filter((session) => session.attendees.some((a) => a.personId === personId));
    const requiredAudiences = requiredAudiencesFor(person.roles);
    const attendedAudiences = trainingAudiences.filter((audience) => attended.some((s) => s.audience === audience));
    return {
      personId,
      name: person.name,
      inTeamDirectory: person.inTeamDirectory,
      roles: person.roles,
      requiredAudiences,
      attendedAudiences,
      missingAudiences: requiredAudiences.filter((audience) => !attendedAudiences.includes(audience)),
      sessionIds: attended.map((s) => s.trainingSessionId),
    };
  });
  statuses.sort((a, b) => Number(b.inTeamDirectory) - Number(a.inTeamDirectory) || a.name.localeCompare(b.name, 'zh-Hant') || a.personId.localeCompare(b.personId));
  return { ...yearCoverage(input.sessions, year), people: statuses, missed: statuses.filter((s) => s.missingAudiences.length > 0) };
}
