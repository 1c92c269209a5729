/**
 * The declared entity model of training (認知宣導及教育訓練, seed 000 §10) in a tenant table.
 *
 * Entities:
 *   TrainingSession ...... PK=TRAINING_SESSION#<trainingSessionId>  SK=SESSION   (attendees inside)
 *   TrainingAttendance ... PK=TRAINING_PERSON#<personId>            SK=SESSION#<trainingSessionId>
 *     (one per attendee of a held session, written in the session's own transaction; removed
 *     when the attendee is taken off the session or the session is cancelled)
 *
 * Access patterns:
 *   one session ........................... PK=TRAINING_SESSION#<id>  SK=SESSION (GetItem)
 *   sessions of a year by date, newest first  byResource  gsi1pk=TRAINING_SESSIONS#<yyyy>  gsi1sk=<heldOn>#<id>
 *     (feeds the register, "who missed this year's training", the plan training duties' topic check and the
 *     assessment fact "training held this year")
 *   a person's history ..................... PK=TRAINING_PERSON#<personId>  (one Query, any year)
 */
import type { EntityKey, KeyQuery } from '../store/entityModel';
import { tenantTableIndexes } from '../store/tableDesign';

const SESSION_SK = 'SESSION';
const ATTENDANCE_PREFIX = 'SESSION#';
const YEAR_REGISTER = 'TRAINING_SESSIONS#';

export const trainingKeys = {
  session: (trainingSessionId: string): EntityKey => ({ pk: `TRAINING_SESSION#${trainingSessionId}`, sk: SESSION_SK }),
  attendance: (personId: string, trainingSessionId: string): EntityKey => ({ pk: `TRAINING_PERSON#${personId}`, sk: `${ATTENDANCE_PREFIX}${trainingSessionId}` }),
};

/** The year register: a session moves with its date (an update of heldOn rewrites these keys). */
export function sessionIndexKeys(session: { trainingSessionId: string; heldOn: string }): Record<string, string> {
  return { gsi1pk: `${YEAR_REGISTER}${session.heldOn.slice(0, 4)}`, gsi1sk: `${session.heldOn}#${session.trainingSessionId}` };
}

export const trainingAccess = {
  sessionsOfYear: (year: number): KeyQuery => ({ index: tenantTableIndexes.byResource, pk: `${YEAR_REGISTER}${String(year).padStart(4, '0')}`, descending: true }),
  historyOf: (personId: string): KeyQuery => ({ pk: `TRAINING_PERSON#${personId}`, sk: { beginsWith: ATTENDANCE_PREFIX }, consistentRead: true }),
};
