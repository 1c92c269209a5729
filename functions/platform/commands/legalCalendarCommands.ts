/**
 * Operator commands on the legal data: load or correct a calendar year, declare or withdraw a
 * closure, configure the 2025 amendment. Each is validated, committed with its audit event on
 * the platform chain (If-Match optional, as for tenant lifecycle actions), then installed on
 * this process at once; other processes pick it up within a minute.
 */
import type { z } from 'zod';
import { declaredClosureInputSchema, holidayYearInputSchema, validatedHolidayYear } from '../../../domain/calendar/officialCalendar';
import type { PdpaAmendment2025Config } from '../../../domain/incident/incidentRegime';
import { assertVersion, unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { EntityNotFoundError, getEntity } from '../../store/entityModel';
import { expireLegalData, legalDataKeys, type StoredAmendmentConfig, type StoredCalendarYear, type StoredDeclaredClosure } from '../../store/legalDataRecords';
import { amendmentConfigWrite, calendarYearWrite, declaredClosureDelete, declaredClosureWrite, toAmendmentView, toClosureView, toYearView } from '../legalCalendarStore';
import type { PlatformCommandContext } from './platformCommandContext';

function stamp(context: PlatformCommandContext, before: { version: number } | undefined) {
  return { version: (before?.version ?? 0) + 1, updatedAt: context.deps.clock().toISOString(), updatedBy: context.scope.actor.actorId };
}

/** Loads (or corrects) one calendar year; it replaces the built-in year of the same number. */
export async function loadCalendarYear(context: PlatformCommandContext, input: { year: number; body: z.output<typeof holidayYearInputSchema>; expectedVersion: number | undefined }) {
  const year = unwrap(validatedHolidayYear(input.year, input.body));
  const before = await getEntity<StoredCalendarYear>(context.controlPlane, legalDataKeys.calendarYear(input.year));
  if (before) assertVersion(before.version, input.expectedVersion);
  const after: StoredCalendarYear = { year, source: input.body.source, ...stamp(context, before) };
  const view = toYearView(after);
  await commitChange(context.scope, {
    changes: [{ action: before ? 'legalCalendar.correctYear' : 'legalCalendar.loadYear', resourceType: 'calendarYear', resourceId: String(input.year), before: before ? toYearView(before) : null, after: view }],
    writes: [calendarYearWrite(context.controlPlane.tableName, after, before?.version ?? null)],
    response: { status: 200, body: view },
  }, before ? 'update' : 'create');
  expireLegalData();
  return view;
}

/** Declares a government closure (停止上班) on a date for the areas it covers. */
export async function declareClosure(context: PlatformCommandContext, input: { date: string; body: z.output<typeof declaredClosureInputSchema>; expectedVersion: number | undefined }) {
  const before = await getEntity<StoredDeclaredClosure>(context.controlPlane, legalDataKeys.declaredClosure(input.date));
  if (before) assertVersion(before.version, input.expectedVersion);
  const areas = [...new Set(input.body.areas)].sort();
  const after: StoredDeclaredClosure = { closure: { date: input.date, areas, nameZh: input.body.nameZh, nameEn: input.body.nameEn, source: input.body.source }, ...stamp(context, before) };
  const view = toClosureView(after);
  await commitChange(context.scope, {
    changes: [{ action: 'legalCalendar.declareClosure', resourceType: 'declaredClosure', resourceId: input.date, before: before ? toClosureView(before) : null, after: view }],
    writes: [declaredClosureWrite(context.controlPlane.tableName, after, before?.version ?? null)],
    response: { status: 200, body: view },
  }, before ? 'update' : 'create');
  expireLegalData();
  return view;
}

/** Withdraws a closure declared in error. */
export async function withdrawClosure(context: PlatformCommandContext, input: { date: string; expectedVersion: number | undefined }) {
  const before = await getEntity<StoredDeclaredClosure>(context.controlPlane, legalDataKeys.declaredClosure(input.date));
  if (!before) throw new EntityNotFoundError({ zhTW: '此停止上班日', en: 'declared closure' });
  assertVersion(before.version, input.expectedVersion);
  const view = toClosureView(before);
  await commitChange(context.scope, {
    changes: [{ action: 'legalCalendar.withdrawClosure', resourceType: 'declaredClosure', resourceId: input.date, before: view, after: null }],
    writes: [declaredClosureDelete(context.controlPlane.tableName, input.date, before.version)],
    response: { status: 200, body: view },
  });
  expireLegalData();
  return view;
}

/** Sets the 2025 amendment's configuration (effective date, Commission report, fines). */
export async function configurePdpaAmendment2025(context: PlatformCommandContext, input: { config: PdpaAmendment2025Config; expectedVersion: number | undefined }) {
  const before = await getEntity<StoredAmendmentConfig>(context.controlPlane, legalDataKeys.pdpaAmendment2025());
  if (before) assertVersion(before.version, input.expectedVersion);
  const after: StoredAmendmentConfig = { config: input.config, ...stamp(context, before) };
  const view = toAmendmentView(after);
  await commitChange(context.scope, {
    changes: [{ action: 'legalRegime.configure', resourceType: 'legalRegime', resourceId: 'pdpa-2025-amendment', before: before ? toAmendmentView(before) : null, after: view }],
    writes: [amendmentConfigWrite(context.controlPlane.tableName, after, before?.version ?? null)],
    response: { status: 200, body: view },
  }, before ? 'update' : 'create');
  expireLegalData();
  return view;
}
