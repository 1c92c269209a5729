/**
 * Records an incident-response drill that was held. The recurring drill duty itself comes from
 * the approved plan (dutyKind incidentDrill), so no deadline is set here.
 */
import { drillMayBeRecorded, type DrillInput } from '../../../domain/incident';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import { newId } from '../../store/ids';
import { toDrillView } from '../incidentModel';
import { drillWrite, type StoredDrill } from '../incidentStore';
import { unwrapIncident } from './incidentRefusals';

export async function recordDrill(context: TenantCommandContext, input: DrillInput) {
  unwrapIncident(drillMayBeRecorded(input, tenantToday(context)));
  const now = context.clock();
  const drill: StoredDrill = {
    ...input,
    id: newId('drl', now.getTime()),
    tenantId: context.tenantId,
    version: 1,
    recordedAt: now.toISOString(),
    recordedBy: context.actor.actorId,
  };
  const view = toDrillView(drill);
  await commitChange(
    context,
    {
      changes: [{ action: 'incidentDrill.record', resourceType: 'incidentDrill', resourceId: drill.id, before: null, after: view }],
      writes: [drillWrite(context.table.tableName, drill)],
      response: { status: 201, body: view },
    },
    'create',
  );
  return { view };
}
