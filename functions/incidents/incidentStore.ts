/**
 * Storage of incidents (個資事故), their notices and corrective actions, and drills: item ↔ record
 * mapping and the reads (keys and access patterns: incidentEntities.ts).
 */
import { drillStatus, regulatorDeadline, type CorrectiveAction, type Drill, type DrillStatus, type Incident, type NoticeRecord, type NotificationReporter } from '../../domain/incident';
import type { PersonOwner } from '../../domain/reviews/duty';
import type { TransactItem } from '../store/auditedCommit';
import { EntityNotFoundError, putEntityWrite, queryAll, queryItems, queryPage, requireEntity, withoutKeys, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { drillAccess, drillIndexKeys, incidentAccess, incidentIndexKeys, incidentKeys, incidentPartItem } from './incidentEntities';

export const INCIDENT_WHAT = { zhTW: '此個資事故', en: 'incident' };
export const CORRECTIVE_ACTION_WHAT = { zhTW: '此矯正預防措施', en: 'corrective action' };

/** What the incident item holds: the domain incident without its child lists. */
export interface StoredIncident extends Omit<Incident, 'notices' | 'correctiveActions'> {
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** The plan's incident contact, when given: owns the 72-hour deadline task instead of the privacy officer role. */
  incidentContact: PersonOwner | null;
  /** 通報人 for the authority's form, as given with the incident (absent on older records). */
  reporter?: NotificationReporter | null;
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
  const deadline = notificationPending(incident) ? regulatorDeadline(incident) : null;
  return { ...incidentKeys.incident(incident.id), entity: 'Incident', ...incident, ...incidentIndexKeys(incident, order, deadline) };
}

export function actionItem(action: StoredCorrectiveAction): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...incidentKeys.action(action.incidentId, action.id), entity: 'IncidentCorrectiveAction', ...action };
}

export function noticeItem(incidentId: string, notice: StoredNotice): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...incidentKeys.notice(incidentId, notice.id), entity: 'IncidentNotice', incidentId, ...notice };
}

export function drillItem(drill: StoredDrill): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...incidentKeys.drill(drill.id), entity: 'IncidentDrill', ...drill, ...drillIndexKeys(drill) };
}

function strip<T>(item: Record<string, unknown>): T {
  return withoutKeys(item) as unknown as T;
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
export async function loadIncident(table: TableRef, incidentId: string): Promise<LoadedIncident | null> {
  const items = await queryItems(table, incidentAccess.aggregate(incidentId));
  const head = items.find((item) => incidentPartItem.isIncident(item.sk));
  if (!head) return null;
  const stored = toStoredIncident(head);
  // Sort keys carry ULIDs, so Query order is creation order.
  const actions = items.filter((item) => incidentPartItem.isAction(item.sk)).map(toStoredAction);
  const notices = items.filter((item) => incidentPartItem.isNotice(item.sk)).map(toStoredNotice);
  return { stored, actions, notices, incident: assembleIncident(stored, actions, notices) };
}

/** The aggregate, or a 404 (another tenant's id reads as none: the table is the caller's own). */
export async function requireIncident(table: TableRef, incidentId: string): Promise<LoadedIncident> {
  const loaded = await loadIncident(table, incidentId);
  if (!loaded) throw new EntityNotFoundError(INCIDENT_WHAT);
  return loaded;
}

export function requireCorrectiveAction(loaded: LoadedIncident, actionId: string): StoredCorrectiveAction {
  const action = loaded.actions.find((candidate) => candidate.id === actionId);
  if (!action) throw new EntityNotFoundError(CORRECTIVE_ACTION_WHAT);
  return action;
}

// ------------------------------------------------------------------------------------- read models

export type IncidentListFilter = { status?: 'open' | 'closed'; notification?: 'pending' | 'overdue' };

/** Incidents newest discovery first, by status, or those whose report is pending / overdue (nearest deadline first). */
export async function listIncidents<T>(table: TableRef, filter: IncidentListFilter, now: Date, page: PageRequest, list: ListBinding, map: (incident: StoredIncident) => T) {
  const query = filter.notification
    ? filter.notification === 'overdue'
      ? incidentAccess.notificationOverdue(now.toISOString())
      : incidentAccess.notificationPending()
    : filter.status
      ? incidentAccess.byStatus(filter.status)
      : incidentAccess.newestFirst();
  return queryPage(table, query, page, list, (item) => map(toStoredIncident(item)));
}

export async function listNotices<T>(table: TableRef, incidentId: string, page: PageRequest, list: ListBinding, map: (notice: StoredNotice) => T) {
  await requireEntity(table, incidentKeys.incident(incidentId), INCIDENT_WHAT);
  return queryPage(table, incidentAccess.noticesOf(incidentId), page, list, (item) => map(toStoredNotice(item)));
}

export async function listCorrectiveActions<T>(table: TableRef, incidentId: string, page: PageRequest, list: ListBinding, map: (action: StoredCorrectiveAction) => T) {
  await requireEntity(table, incidentKeys.incident(incidentId), INCIDENT_WHAT);
  return queryPage(table, incidentAccess.actionsOf(incidentId), page, list, (item) => map(toStoredAction(item)));
}

export async function listDrills<T>(table: TableRef, page: PageRequest, list: ListBinding, map: (drill: StoredDrill) => T) {
  return queryPage(table, drillAccess.newestFirst(), page, list, (item) => map(toStoredDrill(item)));
}

/** The latest drill held on or before `asOf` (the date-sorted index, newest first). */
export async function lastDrillOnOrBefore(table: TableRef, asOf: string): Promise<StoredDrill | undefined> {
  const { items } = await queryAll(table, drillAccess.heldOnOrBefore(asOf), { max: 1 });
  return items[0] ? toStoredDrill(items[0]) : undefined;
}

/** Whether the yearly drill is due, from the last one held on or before `asOf` (or `since`, when none). */
export async function drillStatusAsOf(table: TableRef, asOf: string, since: string): Promise<DrillStatus> {
  const last = await lastDrillOnOrBefore(table, asOf);
  return drillStatus(last ? [last] : [], asOf, since);
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

export function correctiveActionWrite(tableName: string, action: StoredCorrectiveAction, expected: number | null): TransactItem {
  return putEntityWrite(tableName, actionItem(action), expected);
}

export function noticeWrite(tableName: string, incidentId: string, notice: StoredNotice): TransactItem {
  return putEntityWrite(tableName, noticeItem(incidentId, notice), null);
}

export function drillWrite(tableName: string, drill: StoredDrill): TransactItem {
  return putEntityWrite(tableName, drillItem(drill), null);
}
