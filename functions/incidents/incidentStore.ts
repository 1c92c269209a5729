/**
 * Storage of incidents (個資事故) and their drills in a tenant table.
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
 *   get a drill ............................. PK=INCIDENT_DRILL#<id> SK=DRILL
 *
 * Notices and corrective actions are separate items so an incident with many of them stays far
 * below DynamoDB's 400 KB item limit and their lists can be paged with Queries.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { regulatorDeadline, type CorrectiveAction, type Drill, type Incident, type NoticeRecord } from '../../domain/incident';
import type { PersonOwner } from '../../domain/reviews/duty';
import { putEntityWrite } from '../store/entityStore';
import type { TransactItem } from '../store/auditedCommit';

export const NOTIFICATION_DUE_PK = 'DUE#incidentNotification';

export const incidentKeys = {
  incident: (incidentId: string) => ({ pk: `INCIDENT#${incidentId}`, sk: 'INCIDENT' }),
  action: (incidentId: string, actionId: string) => ({ pk: `INCIDENT#${incidentId}`, sk: `ACTION#${actionId}` }),
  notice: (incidentId: string, noticeId: string) => ({ pk: `INCIDENT#${incidentId}`, sk: `NOTICE#${noticeId}` }),
  drill: (drillId: string) => ({ pk: `INCIDENT_DRILL#${drillId}`, sk: 'DRILL' }),
};

/** What the incident item holds: the domain incident without its child lists. */
export interface StoredIncident extends Omit<Incident, 'notices' | 'correctiveActions'> {
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** The plan's incident contact, when given: owns the 72-hour deadline task instead of the privacy officer role. */
  incidentContact: PersonOwner | null;
}

export interface StoredCorrectiveAction extends CorrectiveAction {
  version: number;
}

export interface StoredNotice extends NoticeRecord {
  version: number;
}

export interface StoredDrill extends Drill {
  version: number;
  recordedAt: string;
  recordedBy: string;
}

export interface LoadedIncident {
  stored: StoredIncident;
  actions: StoredCorrectiveAction[];
  notices: StoredNotice[];
  /** The domain view of the aggregate, for the domain functions. */
  incident: Incident;
}

/** The report to the authority is still owed: open and neither done nor ruled not applicable. */
export function notificationPending(incident: Pick<Incident, 'status' | 'timeline'>): boolean {
  return incident.status === 'open' && incident.timeline.regulatorNotified === undefined;
}

function utc(instant: string): string {
  return new Date(Date.parse(instant)).toISOString();
}

export function incidentItem(incident: StoredIncident): Record<string, unknown> & { pk: string; sk: string; version: number } {
  const order = `${utc(incident.discoveredAt)}#${incident.id}`;
  const item: Record<string, unknown> & { pk: string; sk: string; version: number } = {
    ...incidentKeys.incident(incident.id),
    entity: 'Incident',
    ...incident,
    gsi1pk: 'INCIDENTS',
    gsi1sk: order,
    gsi2pk: `INCIDENTS#${incident.status}`,
    gsi2sk: order,
  };
  if (notificationPending(incident)) {
    item.duePk = NOTIFICATION_DUE_PK;
    item.dueSk = `${regulatorDeadline(incident.discoveredAt)}#${incident.id}`;
  }
  return item;
}

export function actionItem(action: StoredCorrectiveAction): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...incidentKeys.action(action.incidentId, action.id), entity: 'IncidentCorrectiveAction', ...action };
}

export function noticeItem(incidentId: string, notice: StoredNotice): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...incidentKeys.notice(incidentId, notice.id), entity: 'IncidentNotice', incidentId, ...notice };
}

export function drillItem(drill: StoredDrill): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...incidentKeys.drill(drill.id), entity: 'IncidentDrill', ...drill, gsi1pk: 'INCIDENT_DRILLS', gsi1sk: `${drill.date}#${drill.id}` };
}

const STORAGE_FIELDS = ['pk', 'sk', 'entity', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'duePk', 'dueSk'];

function strip<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const field of STORAGE_FIELDS) delete copy[field];
  return copy as T;
}

export function toStoredAction(item: Record<string, unknown>): StoredCorrectiveAction {
  return strip<StoredCorrectiveAction>(item);
}

export function toStoredNotice(item: Record<string, unknown>): StoredNotice {
  const notice = strip<StoredNotice & { incidentId?: string }>(item);
  delete notice.incidentId;
  return notice;
}

export function toStoredIncident(item: Record<string, unknown>): StoredIncident {
  return strip<StoredIncident>(item);
}

export function toStoredDrill(item: Record<string, unknown>): StoredDrill {
  return strip<StoredDrill>(item);
}

export function assembleIncident(stored: StoredIncident, actions: StoredCorrectiveAction[], notices: StoredNotice[]): Incident {
  const { version: _v, createdAt: _c, updatedAt: _u, createdBy: _b, incidentContact: _ic, ...rest } = stored;
  return {
    ...rest,
    correctiveActions: actions.map(({ version: _av, ...action }) => action),
    notices: notices.map(({ version: _nv, ...notice }) => notice),
  };
}

/** Reads the whole aggregate with one consistent Query (paged only for very large incidents). */
export async function loadIncident(doc: DynamoDBDocumentClient, tableName: string, incidentId: string): Promise<LoadedIncident | null> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': incidentKeys.incident(incidentId).pk },
      ConsistentRead: true,
      ExclusiveStartKey: startKey,
    }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const head = items.find((item) => item.sk === 'INCIDENT');
  if (!head) return null;
  const stored = toStoredIncident(head);
  // Sort keys carry ULIDs, so Query order is creation order.
  const actions = items.filter((item) => String(item.sk).startsWith('ACTION#')).map(toStoredAction);
  const notices = items.filter((item) => String(item.sk).startsWith('NOTICE#')).map(toStoredNotice);
  return { stored, actions, notices, incident: assembleIncident(stored, actions, notices) };
}

/**
 * The incident item after a domain change: child lists are written separately by the caller,
 * the version moves by one and the write is conditioned on the version read, so every change
 * to the aggregate (a notice, an action) serialises on the incident.
 */
export function nextStoredIncident(current: StoredIncident, next: Incident, now: string): StoredIncident {
  const { correctiveActions: _a, notices: _n, ...rest } = next;
  return { ...current, ...rest, version: current.version + 1, updatedAt: now };
}

export function incidentWrite(tableName: string, next: StoredIncident, expected: number | null): TransactItem {
  return putEntityWrite(tableName, incidentItem(next), expected);
}
