/**
 * The decision on a file whose specific purpose ended or retention period expired
 * (PDPA Art. 11 ¶3): delete, stop processing/use, or keep — keeping is an exception that
 * needs its ground (執行職務或業務所必須 / 當事人書面同意, or a law requiring retention) and
 * a written reason.
 */
import { z } from 'zod';
import { isIsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';

const date = z.string().refine(isIsoDate, 'a calendar date YYYY-MM-DD');
const actor = z.string().trim().min(1).max(200).describe('Who decided');

export const keepReasonCategories = ['law', 'businessNecessity', 'writtenConsent'] as const;
export type KeepReasonCategory = (typeof keepReasonCategories)[number];
export const keepReasonLabels: Record<KeepReasonCategory, LocalizedText> = {
  law: { zhTW: '法令規定須保存', en: 'retention required by law' },
  businessNecessity: { zhTW: '執行業務所必須', en: 'necessary for the business' },
  writtenConsent: { zhTW: '經當事人書面同意', en: "data subject's written consent" },
};

export const purposeReviewDecisionSchema = z.discriminatedUnion('decision', [
  z
    .object({
      decision: z.literal('delete').describe('Delete the data'),
      decidedOn: date.describe('Date of the decision'),
      decidedBy: actor,
      note: z.string().trim().max(1000).optional(),
    })
    .strict(),
  z
    .object({
      decision: z.literal('stop').describe('Stop processing and use'),
      decidedOn: date.describe('Date of the decision'),
      decidedBy: actor,
      note: z.string().trim().max(1000).optional(),
    })
    .strict(),
  z
    .object({
      decision: z.literal('keep').describe('Keep under an Art. 11 ¶3 exception'),
      decidedOn: date.describe('Date of the decision'),
      decidedBy: actor,
      reasonCategory: z.enum(keepReasonCategories).describe('law, businessNecessity or writtenConsent'),
      reason: z.string().trim().min(1).max(1000).describe('Why the data is kept'),
      reviewAgainOn: date.optional().describe('When to review again (default one year on)'),
    })
    .strict(),
]);
export type PurposeReviewDecision = z.output<typeof purposeReviewDecisionSchema>;
