/**
 * The operator's legal data in the control-plane table, read on the request path before any
 * area runs (like the tenant record): calendar years that replace the built-in ones, declared
 * closures (停止上班) per area, and the 2025 PDPA amendment's configuration. One small partition:
 *
 *   calendar year ............ PK=LEGAL_DATA  SK=CALENDAR_YEAR#<yyyy>
 *   declared closure ......... PK=LEGAL_DATA  SK=DECLARED_CLOSURE#<yyyy-mm-dd>
 *   2025 amendment config .... PK=LEGAL_DATA  SK=REGIME#pdpa-2025-amendment
 *
 * The data is the same for every tenant, so it is installed into the domain's snapshots
 * (domain/calendar/officialCalendar.ts, domain/incident/incidentRegime.ts) for the code that
 * computes deadlines without taking the calendar as an argument (e.g. the DSR deadlines).
 * Read at most once a minute per process; a write on this process refreshes at once.
 */
import { installOfficialCalendar, type DeclaredClosure } from '../../domain/calendar/officialCalendar';
import type { HolidayYear } from '../../domain/calendar/taiwanHolidays';
import { installPdpaAmendment2025, type PdpaAmendment2025Config } from '../../domain/incident/incidentRegime';
import { queryItems, type KeyQuery } from './entityModel';
import type { TableRef } from './tableRef';

const LEGAL_DATA = 'LEGAL_DATA';

export const legalDataKeys = {
  calendarYear: (year: number) => ({ pk: LEGAL_DATA, sk: `CALENDAR_YEAR#${year}` }),
  declaredClosure: (date: string) => ({ pk: LEGAL_DATA, sk: `DECLARED_CLOSURE#${date}` }),
  pdpaAmendment2025: () => ({ pk: LEGAL_DATA, sk: 'REGIME#pdpa-2025-amendment' }),
};

export const legalDataAccess = {
  /** Everything the operator loaded (a handful of items). */
  all: (): KeyQuery => ({ pk: LEGAL_DATA, consistentRead: true }),
};

interface Stamp {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface StoredCalendarYear extends Stamp {
  year: HolidayYear;
  source: string;
}
export interface StoredDeclaredClosure extends Stamp {
  closure: DeclaredClosure;
}
export interface StoredAmendmentConfig extends Stamp {
  config: PdpaAmendment2025Config;
}

export interface LegalData {
  years: StoredCalendarYear[];
  closures: StoredDeclaredClosure[];
  pdpaAmendment2025: StoredAmendmentConfig | null;
}

export async function loadLegalData(controlPlane: TableRef): Promise<LegalData> {
  const items = await queryItems(controlPlane, legalDataAccess.all());
  const data: LegalData = { years: [], closures: [], pdpaAmendment2025: null };
  for (const item of items) {
    const sk = String(item.sk);
    if (sk.startsWith('CALENDAR_YEAR#')) data.years.push(item as unknown as StoredCalendarYear);
    else if (sk.startsWith('DECLARED_CLOSURE#')) data.closures.push(item as unknown as StoredDeclaredClosure);
    else if (sk === legalDataKeys.pdpaAmendment2025().sk) data.pdpaAmendment2025 = item as unknown as StoredAmendmentConfig;
  }
  return data;
}

export function installLegalData(data: LegalData): void {
  installOfficialCalendar({ years: data.years.map((stored) => stored.year), closures: data.closures.map((stored) => stored.closure) });
  installPdpaAmendment2025(data.pdpaAmendment2025?.config ?? null);
}

const REFRESH_MS = 60_000;
let loadedAt = Number.NEGATIVE_INFINITY;

/**
 * Installs the operator's legal data if the last read is older than a minute. A failed read keeps
 * what was installed before (the built-in data at worst) and is logged: deadlines are still
 * computed, and the operator's data returns on the next successful read.
 */
export async function refreshLegalData(controlPlane: TableRef, now: Date, onError: (error: unknown) => void): Promise<void> {
  if (now.getTime() - loadedAt < REFRESH_MS) return;
  try {
    installLegalData(await loadLegalData(controlPlane));
    loadedAt = now.getTime();
  } catch (error) {
    onError(error);
  }
}

/** The next request reads the data again (after an operator write, and in tests). */
export function expireLegalData(): void {
  loadedAt = Number.NEGATIVE_INFINITY;
}
