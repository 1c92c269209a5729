/**
 * Platform-operator endpoints for the legal data every tenant's deadlines rely on: the official
 * calendar years (a published DGPA calendar needs no release), government-declared closures
 * (停止上班) per area, and the 2025 PDPA amendment's configuration (effective date, Commission
 * report, fines). Every change is audited on the platform chain.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { declaredClosureInputSchema, holidayYearInputSchema, taiwanAreaCodes } from '../../domain/calendar/officialCalendar';
import { pdpaAmendment2025ConfigSchema } from '../../domain/incident/incidentRegime';
import { isIsoDate } from '../../domain/shared/isoDate';
import { platformMutationScope, type ApiContext, type ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { routeTable } from '../http/route';
import { configurePdpaAmendment2025, declareClosure, loadCalendarYear, withdrawClosure } from './commands/legalCalendarCommands';
import type { PlatformCommandContext } from './commands/platformCommandContext';
import { legalCalendarView } from './legalCalendarStore';

const platformOnly = { plane: 'platform', roles: ['platformOperator'] } as const;

const yearParams = z.object({ year: z.coerce.number().int().openapi({ param: { name: 'year', in: 'path' }, example: 2027 }) });
const dateParams = z.object({
  date: z.string().refine(isIsoDate, { message: 'Expected a calendar date YYYY-MM-DD' }).openapi({ param: { name: 'date', in: 'path' }, example: '2025-07-29' }),
});

const stampShape = { version: z.number().int(), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() };
const restDaySchema = z.object({ date: z.string(), nameZh: z.string(), nameEn: z.string(), note: z.string().optional() });
const makeUpDaySchema = z.object({ date: z.string(), reason: z.object({ zhTW: z.string(), en: z.string() }) });
const calendarYearViewSchema = z
  .object({
    year: z.number().int(),
    status: z.enum(['published', 'provisional']),
    source: z.string(),
    origin: z.enum(['builtIn', 'operator']).openapi({ description: 'builtIn: shipped with the release; operator: loaded through this API' }),
    restDays: z.array(restDaySchema),
    makeUpWorkingDays: z.array(makeUpDaySchema),
    ...stampShape,
  })
  .openapi('CalendarYear');
const declaredClosureViewSchema = z
  .object({ date: z.string(), areas: z.array(z.enum(taiwanAreaCodes)), nameZh: z.string(), nameEn: z.string(), source: z.string(), ...stampShape })
  .openapi('DeclaredClosure');
const amendmentViewSchema = pdpaAmendment2025ConfigSchema.extend(stampShape).openapi('PdpaAmendment2025Config');

const route = routeTable(['Platform']);

const getLegalCalendarRoute = route.get('/v1/platform/legal-calendar', platformOnly, '法定期間所用之日曆與事故規範設定 / The calendar and incident-regime data deadlines use', { 200: [z.object({ years: z.array(calendarYearViewSchema), closures: z.array(declaredClosureViewSchema), pdpaAmendment2025: amendmentViewSchema }).openapi('LegalCalendar'), 'Years in effect (operator-loaded over built-in), declared closures, the 2025 amendment configuration'] });

const loadYearRoute = route.post('/v1/platform/legal-calendar/years/{year}', platformOnly, '載入或更正年度辦公日曆（人事行政總處）/ Load or correct a calendar year (DGPA calendar)', { params: yearParams, body: holidayYearInputSchema, 200: [calendarYearViewSchema, 'The year now in effect; it replaces the built-in one'] });

const declareClosureRoute = route.post('/v1/platform/legal-calendar/closures/{date}', platformOnly, '登錄政府宣布之停止上班日（如颱風假）/ Declare a government closure (e.g. a typhoon day)', { params: dateParams, body: declaredClosureInputSchema, 200: [declaredClosureViewSchema, 'The closure, a rest day for tenants in the areas it covers'] });

const withdrawClosureRoute = route.delete('/v1/platform/legal-calendar/closures/{date}', platformOnly, '撤銷誤登之停止上班日 / Withdraw a closure declared in error', { params: dateParams, 200: [declaredClosureViewSchema, 'The withdrawn closure'] });

const configureAmendmentRoute = route.post('/v1/platform/legal-regimes/pdpa-2025-amendment', platformOnly, '設定個資法2025年修正條文（施行日、通報個資會、罰鍰）/ Configure the 2025 PDPA amendment (effective date, Commission report, fines)', { body: pdpaAmendment2025ConfigSchema, 200: [amendmentViewSchema, 'The configuration; incidents discovered on or after the effective date follow it'] });

function platformContextOf(c: ApiContext): PlatformCommandContext {
  const deps = c.get('deps');
  return { controlPlane: deps.controlPlane, scope: platformMutationScope(c), deps };
}

export const legalCalendarArea = {
  name: 'legalCalendar',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(getLegalCalendarRoute, async (c) => c.json(await legalCalendarView(c.get('deps').controlPlane), 200));

    app.openapi(loadYearRoute, async (c) => {
      const view = await loadCalendarYear(platformContextOf(c), { year: c.req.valid('param').year, body: c.req.valid('json'), expectedVersion: expectedVersion(c, { required: false }) });
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(declareClosureRoute, async (c) => {
      const view = await declareClosure(platformContextOf(c), { date: c.req.valid('param').date, body: c.req.valid('json'), expectedVersion: expectedVersion(c, { required: false }) });
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(withdrawClosureRoute, async (c) => {
      const view = await withdrawClosure(platformContextOf(c), { date: c.req.valid('param').date, expectedVersion: expectedVersion(c) });
      return c.json(view, 200);
    });

    app.openapi(configureAmendmentRoute, async (c) => {
      const view = await configurePdpaAmendment2025(platformContextOf(c), { config: c.req.valid('json'), expectedVersion: expectedVersion(c, { required: false }) });
      setEtag(c, view.version);
      return c.json(view, 200);
    });
  },
};
