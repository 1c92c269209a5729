/**
 * The reviews read models: duties and tasks lists, the compliance calendar and summary, a task's
 * reminder history, the team directory — each an access pattern of reviewEntities.ts.
 *
 * Default duties before they are written: a tenant without an approved plan has the example
 * plan's duties from its onboarding day. Until a write path stores them (the daily sweep, or the
 * first change to one of them: commands/writeDefaultDuties.ts), reads compute them — the same
 * items the write will store — and answer each access pattern with the stored items plus the
 * pending ones that the pattern's key condition and filter select. A read never writes.
 */
import { complianceSummary } from '../../domain/reviews/complianceSummary';
import type { DutyOwner, DutySource } from '../../domain/reviews/duty';
import { complianceCalendar } from '../../domain/reviews/reviewTask';
import { addDays, addMonths, type IsoDate } from '../../domain/shared/isoDate';
import type { TenantRecord } from '../store/controlPlaneRecords';
import { decodeCursor, encodeCursor, listIdentity } from '../store/cursor';
import { EntityNotFoundError, getEntity, queryItems, queryPage, type KeyQuery, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { dutyItem, dutyKeys, parseTaskId, storedDutyFrom, storedTaskFrom, taskItem, type StoredDuty, type StoredTask } from './dutyStore';
import { dutiesToCreate, loadAllDuties, newDutyRecords } from './dutySync';
import { reminderKeys, reviewAccess, taskFilterAccepts, type TaskListFilter } from './reviewEntities';
import { defaultDutiesAsOf, defaultDutyDefinitions } from './reviewsTenant';
import { asDomainDuty, toDutyView, toReminderView, toTaskView } from './reviewModel';
import { batchGetItems, getTeamDirectory, type ReminderRecord, type StoredMail } from './reminderStore';

export { getTeamDirectory };

const TASK_NOT_FOUND = { zhTW: '此檢視工作', en: 'review task' };

export interface PendingDefaults {
  duties: StoredDuty[];
  tasks: StoredTask[];
  /** Their storage items, keys and index keys included (what the write will store). */
  items: Record<string, unknown>[];
}

/**
 * The default duties a tenant has but has not stored yet, or null: none once the marker says
 * the decision was made, or when plan or default duties are stored already.
 */
export async function pendingDefaultDuties(table: TableRef, profile: Pick<TenantRecord, 'createdAt' | 'timeZone'>): Promise<PendingDefaults | null> {
  if (await getEntity(table, reminderKeys.defaultsApplied())) return null;
  const existing = await loadAllDuties(table);
  if (existing.some((duty) => duty.source === 'plan' || duty.source === 'default')) return null;
  const created = dutiesToCreate(existing, defaultDutyDefinitions, { asOf: defaultDutiesAsOf(profile), source: 'default', retireFrom: [] }).map(newDutyRecords);
  if (created.length === 0) return null;
  return {
    duties: created.map((entry) => entry.duty),
    tasks: created.map((entry) => entry.task),
    items: created.flatMap((entry) => [dutyItem(entry.duty), taskItem(entry.task)]),
  };
}

function sortCondition(value: string, sk: NonNullable<KeyQuery['sk']>): boolean {
  if ('beginsWith' in sk) return value.startsWith(sk.beginsWith);
  if ('equals' in sk) return value === sk.equals;
  if ('lessThan' in sk) return value < sk.lessThan;
  if ('atMost' in sk) return value <= sk.atMost;
  if ('greaterThan' in sk) return value > sk.greaterThan;
  if ('atLeast' in sk) return value >= sk.atLeast;
  return value >= sk.between[0] && value <= sk.between[1];
}

/** Whether an item (not read from the table) falls under an access pattern's key condition. */
function selectedByKey(item: Record<string, unknown>, query: KeyQuery): boolean {
  if (item[query.index?.pk ?? 'pk'] !== query.pk) return false;
  if (!query.sk) return true;
  const value = item[query.index?.sk ?? 'sk'];
  return typeof value === 'string' && sortCondition(value, query.sk);
}

/** The position of an item in a query's order, as DynamoDB keeps it: index key, then table key. */
function orderKeyOf(item: Record<string, unknown>, query: KeyQuery): Record<string, unknown> {
  const key: Record<string, unknown> = { pk: item.pk, sk: item.sk };
  if (query.index) {
    key[query.index.pk] = item[query.index.pk];
    key[query.index.sk] = item[query.index.sk];
  }
  return key;
}

function inQueryOrder(query: KeyQuery) {
  // DynamoDB orders string keys by UTF-8 bytes; for these (ASCII) keys code-unit comparison is that order.
  const skName = query.index?.sk ?? 'sk';
  const text = (value: unknown) => String(value ?? '');
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (a: Record<string, unknown>, b: Record<string, unknown>): number => {
    const order = compare(text(a[skName]), text(b[skName])) || compare(`${text(a.pk)}|${text(a.sk)}`, `${text(b.pk)}|${text(b.sk)}`);
    return query.descending ? -order : order;
  };
}

/**
 * One page of an access pattern, with the pending default items it selects merged in order.
 * Without pending items this is queryPage. With them (a tenant's first day at most: the sweep
 * writes them) the pattern is read whole and paged here; the cursor is the same signed
 * last-key a Query would return, so a list started before the defaults were written continues
 * after.
 */
async function pageWithPending<T>(
  table: TableRef,
  query: KeyQuery,
  pending: readonly Record<string, unknown>[],
  accepts: (item: Record<string, unknown>) => boolean,
  page: PageRequest,
  list: ListBinding,
  map: (item: Record<string, unknown>) => T,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const extra = pending.filter((item) => selectedByKey(item, query) && accepts(item));
  if (extra.length === 0) return queryPage(table, query, page, list, map);
  const compare = inQueryOrder(query);
  const all = [...(await queryItems(table, query)), ...extra].sort(compare);
  const binding = { tenant: list.tenant, list: listIdentity(list.listName, list.filters) };
  const start = decodeCursor(list.secret, binding, page.cursor);
  const from = start ? all.findIndex((item) => compare(item, start) > 0) : 0;
  const slice = from < 0 ? [] : all.slice(from, from + page.limit);
  const more = from >= 0 && from + page.limit < all.length;
  return { items: slice.map(map), nextCursor: encodeCursor(list.secret, binding, more ? orderKeyOf(slice[slice.length - 1]!, query) : undefined) };
}

export async function listDuties(
  table: TableRef,
  profile: TenantRecord,
  filter: { kind?: string; source?: DutySource },
  page: PageRequest,
  list: ListBinding,
) {
  const pending = await pendingDefaultDuties(table, profile);
  const query = reviewAccess.dutiesByKind(filter);
  const accepts = (item: Record<string, unknown>) => item.entity === 'Duty' && (!filter.source || item.source === filter.source);
  return pageWithPending(table, query, pending?.items ?? [], accepts, page, list, (item) => toDutyView(storedDutyFrom(item)));
}

export interface TaskListQuery {
  dueBefore?: IsoDate;
  overdue?: 'true' | 'false';
  owner?: string;
  kind?: string;
  status?: string;
}

/** Which access pattern answers a task list, and how it is narrowed. */
function taskListPattern(query: TaskListQuery, today: IsoDate): { pattern: KeyQuery; filter: TaskListFilter } {
  // Upper bound on the due date (exclusive): dueBefore, and for overdue lists today.
  let before = query.dueBefore ?? null;
  if (query.overdue === 'true' && (before === null || today < before)) before = today;
  const status = query.status ?? (query.overdue === 'true' ? 'open' : undefined);
  const filter: TaskListFilter = { kind: query.kind, ...(query.overdue === 'false' ? { notOverdueOn: today } : {}) };
  if (query.owner) {
    // The owner index answers "what does this person (or role) have to do?".
    const owner: DutyOwner = query.owner.startsWith('role:') ? { role: query.owner.slice(5) } : { name: '', email: query.owner };
    return { pattern: reviewAccess.tasksOfOwner(owner, before, { ...filter, status }), filter: { ...filter, status } };
  }
  if (query.status === 'open' || query.overdue === 'true') {
    // The sparse due index holds open tasks only: overdue and open lists read nothing else.
    return { pattern: reviewAccess.openTasksDueBefore(before, filter), filter: { ...filter, status: 'open' } };
  }
  return { pattern: reviewAccess.tasksByDueDate(before, { ...filter, status }), filter: { ...filter, status } };
}

export async function listTasks(table: TableRef, profile: TenantRecord, query: TaskListQuery, today: IsoDate, page: PageRequest, list: ListBinding) {
  const pending = await pendingDefaultDuties(table, profile);
  const { pattern, filter } = taskListPattern(query, today);
  const accepts = (item: Record<string, unknown>) => item.entity === 'ReviewTask' && taskFilterAccepts(filter, item as unknown as StoredTask);
  return pageWithPending(table, pattern, pending?.items ?? [], accepts, page, list, (item) => toTaskView(storedTaskFrom(item), today));
}

/** Every occurrence of the active duties in the next 12 months. */
export async function complianceCalendarOf(table: TableRef, profile: TenantRecord, today: IsoDate) {
  const pending = await pendingDefaultDuties(table, profile);
  const stored = (await loadAllDuties(table)).map((duty) => storedDutyFrom(duty as unknown as Record<string, unknown>));
  const duties = [...stored, ...(pending?.duties ?? [])].map(asDomainDuty);
  const entries = complianceCalendar(duties, today, 12).map((entry) => ({
    dueDate: entry.dueDate,
    month: entry.month,
    taskId: entry.taskId,
    dutyId: entry.dutyId,
    dutyKind: entry.duty.dutyKind,
    title: entry.duty.title,
    legalBasis: entry.duty.legalBasis,
    owner: entry.duty.owner,
    source: entry.duty.source,
    urgent: entry.duty.urgent,
  }));
  return { asOf: today, until: addMonths(today, 12), entries };
}

/** Due this month, overdue, and reviews done on time over the last 12 months. */
export async function complianceSummaryOf(table: TableRef, profile: TenantRecord, today: IsoDate) {
  const pending = (await pendingDefaultDuties(table, profile))?.items ?? [];
  const monthEnd = addDays(addMonths(`${today.slice(0, 7)}-01`, 1), -1);
  const windowStart = addMonths(today, -12);
  // Tasks due in (today − 12 months, end of this month], plus open ones overdue for longer.
  const patterns = [reviewAccess.tasksDueBetween(windowStart, monthEnd), reviewAccess.openTasksDueUpTo(windowStart)];
  const found = await Promise.all(patterns.map(async (pattern) => [...(await queryItems(table, pattern)), ...pending.filter((item) => selectedByKey(item, pattern))]));
  const tasks = new Map(found.flat().map((item) => [item.taskId as string, storedTaskFrom(item)]));
  return complianceSummary([...tasks.values()], today, profile.timeZone);
}

/** Whether a task exists: stored, or one of the pending defaults' first tasks. */
export async function taskExists(table: TableRef, profile: TenantRecord, ids: { dutyId: string; dueDate: string }): Promise<boolean> {
  if (await getEntity(table, dutyKeys.task(ids.dutyId, ids.dueDate))) return true;
  const pending = await pendingDefaultDuties(table, profile);
  return pending?.tasks.some((task) => task.dutyId === ids.dutyId && task.dueDate === ids.dueDate) ?? false;
}

/** A task's reminders, oldest first, each with the delivery state of the mail that carried it. */
export async function reminderHistory(table: TableRef, profile: TenantRecord, taskId: string, page: PageRequest, list: ListBinding) {
  const ids = parseTaskId(taskId);
  if (!ids || !(await taskExists(table, profile, ids))) throw new EntityNotFoundError(TASK_NOT_FOUND);
  const records = await queryPage(table, reviewAccess.remindersOfTask(taskId), page, list, (item) => item as unknown as ReminderRecord);
  // One BatchGet for the page's mails: the delivery state lives on the mail, not on each record.
  const mails = await batchGetItems(table, [...new Set(records.items.map((record) => record.mailId))].map(reminderKeys.mail));
  const byId = new Map(mails.map((mail) => [mail.mailId as string, mail as unknown as StoredMail]));
  return { items: records.items.map((record) => toReminderView(record, byId.get(record.mailId))), nextCursor: records.nextCursor };
}
