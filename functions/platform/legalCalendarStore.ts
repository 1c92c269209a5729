/**
 * The operator's legal data: calendar years, declared closures and the 2025 amendment's
 * configuration, in the control-plane table (keys: store/legalDataRecords.ts). Every write is
 * committed with its audit event on the platform chain.
 */
import { taiwanHolidayYears } from '../../domain/calendar/taiwanHolidays';
import { unsetPdpaAmendment2025 } from '../../domain/incident/incidentRegime';
import type { TransactItem } from '../store/auditedCommit';
import { putEntityWrite } from '../store/entityModel';
import { legalDataKeys, loadLegalData, type LegalData, type StoredAmendmentConfig, type StoredCalendarYear, type StoredDeclaredClosure } from '../store/legalDataRecords';
import type { TableRef } from '../store/tableRef';

export { loadLegalData, type LegalData };

export function calendarYearWrite(tableName: string, stored: StoredCalendarYear, expectedVersion: number | null): TransactItem {
  return putEntityWrite(tableName, { ...legalDataKeys.calendarYear(stored.year.year), entity: 'CalendarYear', ...stored }, expectedVersion);
}

export function declaredClosureWrite(tableName: string, stored: StoredDeclaredClosure, expectedVersion: number | null): TransactItem {
  return putEntityWrite(tableName, { ...legalDataKeys.declaredClosure(stored.closure.date), entity: 'DeclaredClosure', ...stored }, expectedVersion);
}

export function declaredClosureDelete(tableName: string, date: string, expectedVersion: number): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: legalDataKeys.declaredClosure(date),
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

export function amendmentConfigWrite(tableName: string, stored: StoredAmendmentConfig, expectedVersion: number | null): TransactItem {
  return putEntityWrite(tableName, { ...legalDataKeys.pdpaAmendment2025(), entity: 'RegimeConfig', ...stored }, expectedVersion);
}

/** The calendar in effect, year by year: the operator's year where loaded, else the built-in one. */
export async function legalCalendarView(controlPlane: TableRef) {
  const data = await loadLegalData(controlPlane);
  const loaded = new Map(data.years.map((stored) => [stored.year.year, stored]));
  const numbers = [...new Set([...taiwanHolidayYears.map((y) => y.year), ...loaded.keys()])].sort((a, b) => a - b);
  return {
    years: numbers.map((number) => {
      const stored = loaded.get(number);
      const year = stored?.year ?? taiwanHolidayYears.find((y) => y.year === number)!;
      return stored
        ? { ...toYearView(stored), origin: 'operator' as const }
        : { year: number, status: year.status, source: 'built-in (domain/calendar/taiwanHolidays.ts)', restDays: year.restDays, makeUpWorkingDays: year.makeUpWorkingDays, origin: 'builtIn' as const, version: 0, updatedAt: null, updatedBy: null };
    }),
    closures: data.closures.map(toClosureView).sort((a, b) => (a.date < b.date ? -1 : 1)),
    pdpaAmendment2025: data.pdpaAmendment2025 ? toAmendmentView(data.pdpaAmendment2025) : { ...unsetPdpaAmendment2025, version: 0, updatedAt: null, updatedBy: null },
  };
}

export function toYearView(stored: StoredCalendarYear) {
  const { year } = stored;
  return { year: year.year, status: year.status, source: stored.source, restDays: year.restDays, makeUpWorkingDays: year.makeUpWorkingDays, origin: 'operator' as const, version: stored.version, updatedAt: stored.updatedAt as string | null, updatedBy: stored.updatedBy as string | null };
}

export function toClosureView(stored: StoredDeclaredClosure) {
  return { ...stored.closure, version: stored.version, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
}

export function toAmendmentView(stored: StoredAmendmentConfig) {
  return { ...stored.config, version: stored.version, updatedAt: stored.updatedAt as string | null, updatedBy: stored.updatedBy as string | null };
}
