/**
 * Plan templates a tenant can start a draft from in one call. Today one: the worked example of
 * seed 000 (小叮噹股份有限公司, 7版), with the example company's name replaced by the tenant's.
 * Everything else (team names, e-mail placeholders, schedules) stays as the example wrote it:
 * the draft is the starting point the officer edits, and the completeness check lists the gaps.
 */
import { examplePlanContent } from './examplePlan';
import type { PlanContent } from './planContent';

export const planTemplateIds = ['seed000WorkedExample'] as const;
export type PlanTemplateId = (typeof planTemplateIds)[number];

const EXAMPLE_COMPANY = '小叮噹股份有限公司';

/** A fresh copy of the template's content for `companyName` (never the shared example object). */
export function planContentFromTemplate(templateId: PlanTemplateId, companyName: string): PlanContent {
  switch (templateId) {
    case 'seed000WorkedExample': {
      const copy = structuredClone(examplePlanContent);
      const name = companyName.trim() || EXAMPLE_COMPANY;
      copy.organisationName = name;
      if (copy.preamble) copy.preamble = copy.preamble.split(EXAMPLE_COMPANY).join(name);
      return copy;
    }
  }
}
