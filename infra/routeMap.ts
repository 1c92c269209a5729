/**
 * Which Lambda serves which route, derived from the code: each area group's app is built with
 * inert dependencies and its OpenAPI paths read back. API Gateway therefore routes exactly the
 * routes the apps define — nothing is listed twice by hand.
 */
import { createApiApp, openApiDocument } from '../functions/http/app';
import type { AppDeps } from '../functions/http/appDeps';
import { areaGroups, type AreaGroup } from '../functions/http/areas';

const inertDeps = new Proxy({} as AppDeps, {
  get(_target, property) {
    if (property === 'config') return { publicBaseUrl: 'https://api.example.com', consoleBaseUrl: '', bodyLimitBytes: 1 };
    if (property === 'logger') return { info() {}, warn() {}, error() {} };
    throw new Error(`deps.${String(property)} is not available at synth time`);
  },
});

export interface RouteOwnership {
  group: AreaGroup;
  /** API Gateway path, e.g. /v1/vendors/{vendorId} */
  path: string;
  methods: string[];
}

export function routeOwnership(): RouteOwnership[] {
  const routes: RouteOwnership[] = [];
  for (const group of Object.keys(areaGroups) as AreaGroup[]) {
    const document = openApiDocument(createApiApp(inertDeps, areaGroups[group]), 'https://api.example.com');
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (path === '/openapi.json' || path === '/docs') continue;
      const methods = Object.keys(item as object).filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method)).map((m) => m.toUpperCase());
      routes.push({ group, path, methods });
    }
  }
  return routes;
}

export function areaGroupNames(): AreaGroup[] {
  return Object.keys(areaGroups) as AreaGroup[];
}
