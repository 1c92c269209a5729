/**
 * Which Lambda serves which route, derived from the code: each area group's app is built with
 * inert dependencies and its OpenAPI paths read back. API Gateway therefore routes exactly the
 * routes the apps define — nothing is listed twice by hand.
 */
import { createApiApp } from '../functions/http/app';
import { openApiDocument } from '../functions/http/openApiDocument';
import type { AppDeps } from '../functions/http/appDeps';
import { areaGroups, type AreaGroup } from '../functions/apps/areas';

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

export interface ProxyRoute {
  group: AreaGroup;
  /** A path prefix; API Gateway serves it and everything below it (`{proxy+}`) with the group's Lambda. */
  prefix: string;
}

/**
 * The fewest API Gateway resources that still send every route to its own area: the shortest
 * path prefixes under which all routes belong to one group. (One resource and method per route
 * would exceed CloudFormation's 500-resource limit.)
 */
export function proxyRoutes(routes: RouteOwnership[] = routeOwnership()): ProxyRoute[] {
  const segmentsOf = (path: string) => path.split('/').filter(Boolean);
  const result: ProxyRoute[] = [];
  const visit = (prefix: string[], candidates: RouteOwnership[]) => {
    const groups = new Set(candidates.map((route) => route.group));
    if (groups.size === 1 && prefix.length >= 2) {
      result.push({ group: candidates[0]!.group, prefix: `/${prefix.join('/')}` });
      return;
    }
    const exact = candidates.filter((route) => segmentsOf(route.path).length === prefix.length);
    if (exact.length) throw new Error(`routes of several groups meet at /${prefix.join('/')}; split them by path`);
    const children = new Map<string, RouteOwnership[]>();
    for (const route of candidates) {
      const next = segmentsOf(route.path)[prefix.length]!;
      children.set(next, [...(children.get(next) ?? []), route]);
    }
    for (const [segment, below] of children) {
      if (segment.startsWith('{') && children.size > 1) throw new Error(`a path parameter and a literal share /${prefix.join('/')}`);
      visit([...prefix, segment], below);
    }
  };
  visit([], routes);
  return result.sort((a, b) => a.prefix.localeCompare(b.prefix));
}
