/**
 * The records an incident holds besides its facts: corrective and preventive actions, and the
 * five contents of a notice. Kept apart so the incident record (incident.ts) and the rules about
 * them (correctiveActions.ts, notices.ts) depend on them one way.
 */
import { z } from 'zod';
import type { CorrectiveActionCore } from '../correctiveAction';

// The action record and its rules are shared with assessment findings (domain/correctiveAction).
export { correctiveActionInputSchema, correctiveActionStatuses, type CorrectiveActionInput, type CorrectiveActionStatus } from '../correctiveAction';

export interface CorrectiveAction extends CorrectiveActionCore {
  incidentId: string;
}

const text = (max = 4000) => z.string().max(max).default('');

export const noticeContentSchema = z
  .object({
    whatHappened: text().describe('01 What happened and when'),
    emergencyMeasures: text().describe('01 Emergency and remedial measures already taken'),
    causeInvestigation: text().describe('02 The cause found so far'),
    remediation: text().describe('03 Fixes made or planned'),
    authoritiesNotified: text().describe('04 Authority notified and police report (e.g. 165)'),
    assistance: text().describe('05 How we help the recipient'),
    contact: z
      .object({
        name: z.string().max(100).default(''),
        phone: z.string().max(40).default(''),
        email: z.string().max(200).optional(),
      })
      .strict()
      .describe('05 Whom to call'),
    antiFraudReminder: z.string().max(2000).optional().describe('Optional extra; never enough on its own'),
  })
  .strict();
export type NoticeContent = z.infer<typeof noticeContentSchema>;
