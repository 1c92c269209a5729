/**
 * 事故預防、通報及應變機制之演練: drills are recorded here and their yearly rhythm reported.
 * The recurring drill duty itself comes from the approved plan (dutyKind incidentDrill), so this
 * area does not create a second one.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { zonedDateOf } from '../../domain/shared/isoDate';
import { commandContextOf, listBindingOf, todayOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { pageQuerySchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { recordDrill } from './commands/recordDrill';
import { drillBodySchema, drillPageSchema, drillViewSchema, toDrillStatusView, toDrillView } from './incidentModel';
import { drillStatusAsOf, listDrills } from './incidentStore';

const TAG = 'Incidents';

const route = routeTable([TAG]);

export const drillRoutes = {
  recordDrill: route.post('/v1/incident-drills', { plane: 'tenant', roles: WRITE_ROLES }, '記錄事故應變演練 / Record an incident-response drill', { body: drillBodySchema, 201: [drillViewSchema, 'The drill'] }),
  listDrills: route.get('/v1/incident-drills', { plane: 'tenant', roles: READ_ROLES }, '事故應變演練紀錄與下次期限 / Drills held and when the next one is due (yearly)', { query: pageQuerySchema, 200: [drillPageSchema, 'Newest first, with the yearly status'] }),
};

export function registerDrillRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(drillRoutes.recordDrill, async (c) => {
    const { view } = await recordDrill(commandContextOf(c), c.req.valid('json'));
    return c.json(view, 201);
  });

  app.openapi(drillRoutes.listDrills, async (c) => {
    const context = commandContextOf(c);
    const { limit, cursor } = c.req.valid('query');
    const page = await listDrills(context.table, { limit, cursor }, listBindingOf(c, 'incident-drills', {}), toDrillView);
    // With no drill yet, the first is due a year after the tenant joined (the plan's adoption is not known here).
    const since = zonedDateOf(context.profile.createdAt, context.profile.timeZone);
    const status = await drillStatusAsOf(context.table, todayOf(c), since);
    return c.json({ ...page, status: toDrillStatusView(status) }, 200);
  });
}
