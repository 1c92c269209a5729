/**
 * The facts from other records that consistency warnings check answers against ("compliant"
 * on a drill item with no drill this year). Only records the product keeps are asked; a fact
 * with no record kind yet stays unknown, and an unknown fact never warns.
 */
import type { RecordFacts } from '../../domain/assessment';
import type { TenantCommandContext } from '../application/commandContext';
import { tenantToday } from '../application/commandContext';
import { lastDrillOnOrBefore } from '../incidents/incidentStore';
import { loadAllAssessments } from '../risk/riskStore';
import { trainingHeldInYear } from '../training/trainingStore';
import { allAssessments } from './assessmentStore';

/** Held in the tenant's current calendar year, up to today. */
const inYearOf = (today: string) => (date: string | undefined | null) => typeof date === 'string' && date.slice(0, 4) === today.slice(0, 4) && date.slice(0, 10) <= today;

export async function recordFactsFor(context: Pick<TenantCommandContext, 'table' | 'clock' | 'profile'>, assessmentId: string): Promise<RecordFacts> {
  const today = tenantToday(context);
  const thisYear = inYearOf(today);
  const [drill, risks, audits, trained] = await Promise.all([lastDrillOnOrBefore(context.table, today), loadAllAssessments(context.table), allAssessments(context.table), trainingHeldInYear(context.table, today)]);
  return {
    incidentDrillHeldThisYear: thisYear(drill?.date),
    riskAssessedThisYear: risks.some((record) => thisYear(record.assessment.assessedOn)),
    // Another assessment signed off this year; the one being checked does not vouch for itself.
    internalAuditHeldThisYear: audits.some((a) => a.assessmentId !== assessmentId && a.status === 'signedOff' && thisYear(a.signedOff?.at.slice(0, 10))),
    trainingHeldThisYear: trained,
  };
}
