import { updateDraftVersion, type PlanContent } from '../../../domain/plan';
import type { IsoDate } from '../../../domain/shared/isoDate';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertLabelDate, changeVersion } from './planVersionChange';

/** Replaces a draft's content (and optionally the date in its label). Drafts only. */
export function updatePlanDraft(context: TenantCommandContext, input: { versionNumber: number; content: PlanContent; versionDate?: IsoDate; expectedVersion: number | undefined }) {
  return changeVersion(context, {
    versionNumber: input.versionNumber,
    expectedVersion: input.expectedVersion,
    action: 'plan.version.updateContent',
    transition: (version) => {
      assertLabelDate(input.versionDate);
      return updateDraftVersion(version, { content: input.content, versionDate: input.versionDate, now: context.clock().toISOString() });
    },
  });
}
