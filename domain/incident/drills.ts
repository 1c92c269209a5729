/**
 * 事故預防、通報及應變機制之演練 (seed 000 §5(6)): at least one drill a year in the example plan
 * (the reviewer notes one or two years is usual, so the frequency is configurable).
 */
import { z } from 'zod';
import { compareIsoDate, daysBetween, type IsoDate } from '../shared/isoDate';
import { advanceByFrequency, YEARLY, type Frequency } from '../shared/frequency';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { IncidentErrorCode } from './errors';

export const drillInputSchema = z
  .object({
    date: z.iso.date().describe('Date of the drill'),
    scenario: z.string().trim().min(1).max(2000).describe('e.g. abnormal access alert on the CRM database'),
    participants: z.array(z.string().trim().min(1).max(200)).min(1).describe('Who took part'),
    findings: z.array(z.string().trim().min(1).max(2000)).default([]).describe('What did not work as planned'),
    evidenceRefs: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();
export type DrillInput = z.infer<typeof drillInputSchema>;
export interface Drill extends DrillInput {
  id: string;
  tenantId: string;
}

export interface DrillStatus {
  lastDrillDate: IsoDate | null;
  nextDue: IsoDate;
  overdue: boolean;
  daysOverdue: number;
}

/**
 * Next drill due one period after the last one held on or before `asOf`, or after `since` (the
 * plan's adoption) when none was held. The due day itself is on time.
 */
export function drillStatus(drills: readonly Pick<Drill, 'date'>[], asOf: IsoDate, since: IsoDate, frequency: Frequency = YEARLY): DrillStatus {
  const last = drills.map((d) => d.date).filter((d) => compareIsoDate(d, asOf) <= 0).sort().at(-1) ?? null;
  const nextDue = advanceByFrequency(last ?? since, frequency);
  const late = daysBetween(nextDue, asOf);
  return { lastDrillDate: last, nextDue, overdue: late > 0, daysOverdue: Math.max(0, late) };
}

/** A drill is recorded after it was held; a planned one belongs in the plan's schedule. */
export function drillMayBeRecorded(input: DrillInput, today: IsoDate): Outcome<DrillInput, IncidentErrorCode> {
  if (compareIsoDate(input.date, today) > 0) {
    return fail('invalid', 'DRILL_IN_FUTURE', { zhTW: '演練日期不得晚於今天', en: 'The drill date cannot be after today' }, { field: 'date' });
  }
  return ok(input);
}
