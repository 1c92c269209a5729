/**
 * The declared entity model of incidents (個資事故), their notices and corrective actions, and
 * drills, in a tenant table.
 *
 * Access patterns:
 *   an incident with its children ........... PK=INCIDENT#<id>  SK=INCIDENT | ACTION#<actionId> | NOTICE#<noticeId>
 *     (one consistent Query reads the whole aggregate; the incident item's version guards it)
 *   corrective actions of an incident ....... PK=INCIDENT#<id>  SK begins_with ACTION#
 *   notices of an incident .................. PK=INCIDENT#<id>  SK begins_with NOTICE#
 *   list incidents (newest discovery first) . GSI byResource     gsi1pk=INCIDENTS            gsi1sk=<discoveredAt UTC>#<id>
 *   list incidents by status ................ GSI byOwnerOrActor gsi2pk=INCIDENTS#<status>   gsi2sk=<discoveredAt UTC>#<id>
 *   regulator report pending / overdue ...... GSI dueByDate      duePk=DUE#incidentNotification dueSk=<deadline UTC>#<id>
 *     (sparse: only open incidents whose report is neither done nor ruled out carry it; the sort key
 *      is the exact UTC instant, not a date, because the 72 hours end at an instant)
 *   list drills (newest first) .............. GSI byResource     gsi1pk=INCIDENT_DRILLS      gsi1sk=<date>#<id>
 *   the last drill on or before a date ...... GSI byResource     gsi1pk=INCIDENT_DRILLS      gsi1sk <= <date>#~ (newest first)
 *   get a drill ............................. PK=INCIDENT_DRILL#<id> SK=DRILL
 *
 * Notices and corrective actions are separate items so an incident with many of them stays far
 * below DynamoDB's 400 KB item limit and their lists can be paged with Queries.
 */
import type { EntityKey, KeyQuery } from '../store/entityModel';
import { tenantTableIndexes } from '../store/tableDesign';

const INCIDENT_SK = 'INCIDENT';
const ACTION_PREFIX = 'ACTION#';
const NOTICE_PREFIX = 'NOTICE#';
const INCIDENTS = 'INCIDENTS';
const INCIDENT_DRILLS = 'INCIDENT_DRILLS';
const NOTIFICATION_DUE_PK = 'DUE#incidentNotification';

export const incidentKeys = {
  incident: (incidentId: string): EntityKey => ({ pk: `INCIDENT#${incidentId}`, sk: INCIDENT_SK }),
  action: (incidentId: string, actionId: string): EntityKey => ({ pk: `INCIDENT#${incidentId}`, sk: `${ACTION_PREFIX}${actionId}` }),
  notice: (incidentId: string, noticeId: string): EntityKey => ({ pk: `INCIDENT#${incidentId}`, sk: `${NOTICE_PREFIX}${noticeId}` }),
  drill: (drillId: string): EntityKey => ({ pk: `INCIDENT_DRILL#${drillId}`, sk: 'DRILL' }),
};

/** Which kind of item of the incident partition a sort key names. */
export const incidentPartItem = {
  isIncident: (sk: unknown) => sk === INCIDENT_SK,
  isAction: (sk: unknown) => String(sk).startsWith(ACTION_PREFIX),
  isNotice: (sk: unknown) => String(sk).startsWith(NOTICE_PREFIX),
};

/** The index keys an incident item carries; the due keys only while the report is still owed. */
export function incidentIndexKeys(incident: { id: string; status: string }, order: string, notificationDeadline: string | null): Record<string, string> {
  return {
    gsi1pk: INCIDENTS,
    gsi1sk: order,
    gsi2pk: `${INCIDENTS}#${incident.status}`,
    gsi2sk: order,
    ...(notificationDeadline === null ? {} : { duePk: NOTIFICATION_DUE_PK, dueSk: `${notificationDeadline}#${incident.id}` }),
  };
}

export function drillIndexKeys(drill: { id: string; date: string }): Record<string, string> {
  return { gsi1pk: INCIDENT_DRILLS, gsi1sk: `${drill.date}#${drill.id}` };
}

export const incidentAccess = {
  /** The incident item with its actions and notices, read consistently. */
  aggregate: (incidentId: string): KeyQuery => ({ pk: incidentKeys.incident(incidentId).pk, consistentRead: true }),
  actionsOf: (incidentId: string): KeyQuery => ({ pk: incidentKeys.incident(incidentId).pk, sk: { beginsWith: ACTION_PREFIX } }),
  noticesOf: (incidentId: string): KeyQuery => ({ pk: incidentKeys.incident(incidentId).pk, sk: { beginsWith: NOTICE_PREFIX } }),
  newestFirst: (): KeyQuery => ({ index: tenantTableIndexes.byResource, pk: INCIDENTS, descending: true }),
  byStatus: (status: 'open' | 'closed'): KeyQuery => ({ index: tenantTableIndexes.byOwnerOrActor, pk: `${INCIDENTS}#${status}`, descending: true }),
  /** Reports still owed, nearest deadline first. */
  notificationPending: (): KeyQuery => ({ index: tenantTableIndexes.dueByDate, pk: NOTIFICATION_DUE_PK }),
  /** Reports whose 72 hours ended before `now` (a deadline equal to now is still on time). */
  notificationOverdue: (now: string): KeyQuery => ({ index: tenantTableIndexes.dueByDate, pk: NOTIFICATION_DUE_PK, sk: { lessThan: now } }),
};

export const drillAccess = {
  newestFirst: (): KeyQuery => ({ index: tenantTableIndexes.byResource, pk: INCIDENT_DRILLS, descending: true }),
  /** Drills held on or before `asOf`, newest first ('~' sorts after every id). */
  heldOnOrBefore: (asOf: string): KeyQuery => ({ index: tenantTableIndexes.byResource, pk: INCIDENT_DRILLS, sk: { atMost: `${asOf}#~` }, descending: true }),
};
