/**
 * 事故預防、通報及應變機制之演練: drills are recorded here and their yearly rhythm reported.
 * The recurring drill duty itself comes from the approved plan (dutyKind incidentDrill), so this
 * area does not create a second one.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { drillStatus } from '../../domain/incident';
import { compareIsoDate, zonedDateOf } from '../../domain/shared/isoDate';
import { tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { pageQuerySchema } from '../http/pagination';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { queryPage } from '../store/entityStore';
import { newId } from '../store/ids';
import { tenantTableIndexes } from '../store/tableDesign';
import { commitIncidentChange, refuse } from './incidentHandling';
import { drillBodySchema, drillPageSchema, drillViewSchema, toDrillStatusView, toDrillView } from './incidentModel';
import { drillItem, toStoredDrill, type StoredDrill } from './incidentStore';

const TAG = 'Incidents';

export const drillRoutes = {
  recordDrill: defineRoute({
    method: 'post',
    path: '/v1/incident-drills',
    tags: [TAG],
    summary: '記錄事故應變演練 / Record an incident-response drill',
    access: { plane: 'tenant', roles: WRITE_ROLES },
    request: { body: jsonBody(drillBodySchema) },
    responses: { 201: jsonContent(drillViewSchema, 'The drill') },
  }),
  listDrills: defineRoute({
    method: 'get',
    path: '/v1/incident-drills',
    tags: [TAG],
    summary: '事故應變演練紀錄與下次期限 / Drills held and when the next one is due (yearly)',
    access: { plane: 'tenant', roles: READ_ROLES },
    request: { query: pageQuerySchema },
    responses: { 200: jsonContent(drillPageSchema, 'Newest first, with the yearly status') },
  }),
};

function today(c: ApiContext): string {
  return zonedDateOf(c.get('deps').clock(), tenantOf(c).profile.timeZone);
}

/** The latest drill held on or before `asOf`: one Query on the date-sorted index, newest first. */
async function lastDrillOnOrBefore(c: ApiContext, asOf: string): Promise<StoredDrill | undefined> {
  const tenant = tenantOf(c);
  const index = tenantTableIndexes.byResource;
  const result = await tenant.doc.send(new QueryCommand({
    TableName: tenant.tableName,
    IndexName: index.name,
    KeyConditionExpression: '#pk = :pk AND #sk <= :asOf',
    ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
    ExpressionAttributeValues: { ':pk': 'INCIDENT_DRILLS', ':asOf': `${asOf}#~` },
    ScanIndexForward: false,
    Limit: 1,
  }));
  const item = result.Items?.[0];
  return item ? toStoredDrill(item) : undefined;
}

export function registerDrillRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(drillRoutes.recordDrill, async (c) => {
    const tenant = tenantOf(c);
    const input = c.req.valid('json');
    const asOf = today(c);
    // A drill is recorded after it was held; a planned one belongs in the plan's schedule.
    if (compareIsoDate(input.date, asOf) > 0) {
      refuse('DRILL_IN_FUTURE', 'date', { zhTW: '演練日期不得晚於今天', en: 'The drill date cannot be after today' });
    }
    const now = c.get('deps').clock();
    const drill: StoredDrill = {
      ...input,
      id: newId('drl', now.getTime()),
      tenantId: tenant.tenantId,
      version: 1,
      recordedAt: now.toISOString(),
      recordedBy: c.get('principal').actorId,
    };
    const view = toDrillView(drill);
    await commitIncidentChange(
      c,
      {
        changes: [{ action: 'incidentDrill.record', resourceType: 'incidentDrill', resourceId: drill.id, before: null, after: view }],
        writes: [{ Put: { TableName: tenant.tableName, Item: drillItem(drill), ConditionExpression: 'attribute_not_exists(pk)' } }],
        response: { status: 201, body: view },
      },
      'create',
    );
    return c.json(view, 201);
  });

  app.openapi(drillRoutes.listDrills, async (c) => {
    const tenant = tenantOf(c);
    const { limit, cursor } = c.req.valid('query');
    const index = tenantTableIndexes.byResource;
    const page = await queryPage(
      c,
      'incident-drills',
      {},
      { limit, cursor },
      { IndexName: index.name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': index.pk }, ExpressionAttributeValues: { ':pk': 'INCIDENT_DRILLS' }, ScanIndexForward: false },
      (item) => toDrillView(toStoredDrill(item)),
    );
    const asOf = today(c);
    const last = await lastDrillOnOrBefore(c, asOf);
    // With no drill yet, the first is due a year after the tenant joined (the plan's adoption is not known here).
    const since = zonedDateOf(tenant.profile.createdAt, tenant.profile.timeZone);
    const status = drillStatus(last ? [last] : [], asOf, since);
    return c.json({ ...page, status: toDrillStatusView(status) }, 200);
  });
}
