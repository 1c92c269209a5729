/**
 * API shapes of the public request form. The submission's validation is the domain's
 * (domain/dataSubjectRequest/publicIntake.ts); the answers say only what the person may know:
 * their own case, never whether they or anyone else has other requests.
 */
import { z } from '@hono/zod-openapi';
import { CONFIRMATION_VALID_HOURS, FORM_SLUG_PATTERN, publicStageNames, publicSubmissionSchema, type PublicCaseStatus } from '../../domain/dataSubjectRequest/publicIntake';
import { requestTypes } from '../../domain/dataSubjectRequest/requestTypes';

const localizedText = z.object({ zhTW: z.string(), en: z.string() });

export const formSlugParams = z.object({
  formSlug: z
    .string()
    .regex(FORM_SLUG_PATTERN)
    .openapi({ param: { name: 'formSlug', in: 'path' }, example: 'example-shop', description: 'The form\'s address, chosen by the company in its data-subject request settings' }),
});

export const linkTokenParams = z.object({
  token: z.string().max(200).openapi({ param: { name: 'token', in: 'path' }, description: 'The secret from the e-mailed link' }),
});

/** The domain's submission rules, named for the API document. */
export const publicSubmissionBodySchema = publicSubmissionSchema.openapi('PublicRequestSubmission');

/** What the form page shows before anything is typed: to whom the request goes, and the rights to pick from. */
export const publicFormViewSchema = z
  .object({
    companyName: z.string().openapi({ description: 'The company the request is made to' }),
    rights: z.array(z.object({ right: z.enum(requestTypes), name: localizedText })),
  })
  .openapi('PublicRequestForm');

/** The same answer whatever the address: whether this person has other requests is never told. */
export const submissionAcceptedSchema = z
  .object({
    status: z.literal('confirmationSent'),
    confirmationValidHours: z.number().int(),
    message: localizedText,
  })
  .openapi('PublicRequestSubmissionAccepted');

export const submissionAccepted = {
  status: 'confirmationSent' as const,
  confirmationValidHours: CONFIRMATION_VALID_HOURS,
  message: {
    zhTW: `已寄出確認信。請於 ${CONFIRMATION_VALID_HOURS} 小時內開啟信中連結確認，確認後本公司始受理您的請求。`,
    en: `A confirmation e-mail is on its way. Open its link within ${CONFIRMATION_VALID_HOURS} hours; your request is received when you confirm.`,
  },
};

const caseItemSchema = z.object({
  right: z.enum(requestTypes),
  rightName: localizedText,
  decisionDueDate: z.string().openapi({ description: 'Local date by which the company must decide (PDPA Art. 13), extensions included' }),
  decisionDueAt: z.string(),
  immediate: z.boolean().openapi({ description: 'A marketing objection: marketing use must stop at once (Art. 20 ¶2), no decision period' }),
  extended: z.boolean(),
  decided: z.boolean(),
});

export const publicCaseStatusSchema = z
  .object({
    companyName: z.string().openapi({ description: 'The company the request was made to' }),
    caseNumber: z.string(),
    stage: z.enum(Object.keys(publicStageNames) as [keyof typeof publicStageNames, ...(keyof typeof publicStageNames)[]]),
    stageName: localizedText,
    receivedAt: z.string(),
    items: z.array(caseItemSchema),
  })
  .openapi('PublicRequestCaseStatus');

export const confirmationResultSchema = publicCaseStatusSchema
  .extend({
    identityCheck: z.literal('started').openapi({ description: 'Confirming the e-mail starts the identity check; it does not verify identity' }),
    statusToken: z.string().openapi({ description: 'Secret of the status link (shown once; also e-mailed)' }),
    statusPath: z.string().openapi({ description: 'API path of this case\'s status' }),
  })
  .openapi('PublicRequestConfirmation');

export type PublicCaseStatusView = z.infer<typeof publicCaseStatusSchema>;

export function toPublicCaseStatusView(status: PublicCaseStatus, companyName: string, rightName: (right: PublicCaseStatus['items'][number]['right']) => { zhTW: string; en: string }): PublicCaseStatusView {
  return { companyName, ...status, items: status.items.map((item) => ({ ...item, rightName: rightName(item.right) })) };
}

export const publicStatusPath = (token: string) => `/v1/public/request-status/${token}`;
