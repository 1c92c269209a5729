/** Starts an assessment of one of the tenant's catalogs: a self-check, an internal or a third-party audit. */
import { createAssessment as startAssessment } from '../../../domain/assessment';
import type { TenantCommandContext } from '../../application/commandContext';
import { tenantToday } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { newId } from '../../store/ids';
import { toAssessmentView, type CreateAssessmentInput } from '../assessmentModel';
import { assessmentWrite, type StoredAssessment } from '../assessmentStore';
import { requireTenantCatalog } from './assessmentCatalogs';

export async function createAssessment(context: TenantCommandContext, input: CreateAssessmentInput) {
  const now = context.clock();
  // The class comes from the tenant's profile, never the caller: a class I supplier answers class I items.
  const entry = requireTenantCatalog(context, input.catalogId, 'catalogId');
  const assessmentId = newId('cas', now.getTime());
  const started = unwrap(startAssessment({ assessmentId, catalog: entry.catalog, businessClass: entry.businessClass, kind: input.kind, ...(input.auditor ? { auditor: input.auditor } : {}) }));
  const stored: StoredAssessment = {
    ...started,
    title: input.title ?? `${tenantToday(context)} ${entry.catalog.title.zhTW}`,
    version: 1,
    createdAt: now.toISOString(),
    createdBy: context.actor.actorId,
    updatedAt: now.toISOString(),
  };
  const view = toAssessmentView(stored, entry.catalog);
  await commitChange(context, {
    changes: [{ action: 'complianceAssessment.create', resourceType: 'complianceAssessment', resourceId: assessmentId, before: null, after: view }],
    writes: [assessmentWrite(context.table.tableName, stored, null)],
    response: { status: 201, body: view },
  }, 'create');
  return { view, version: stored.version };
}
