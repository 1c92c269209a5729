/** Every operation has exactly one stable, unique, camelCase operationId, declared in one place. */
import { describe, expect, it } from 'vitest';
import { operationIds, operationKey } from '../../../functions/http/operationIds';
import { describedOperations, registeredRoutes } from './routeDefinitions';

const routes = registeredRoutes();
const routeKeys = [...new Set(routes.map((route) => operationKey(route.method, route.path)))];

describe('operationIds (functions/http/operationIds.ts)', () => {
  it('reads every registered route', () => {
    expect(routeKeys.length).toBeGreaterThan(100);
  });

  it('maps every route to an operationId', () => {
    const missing = routeKeys.filter((key) => !(key in operationIds));
    expect(missing, `add to functions/http/operationIds.ts: ${missing.map((key) => `'${key}': '<verbNoun>'`).join(', ')}`).toEqual([]);
  });

  it('has no entry for a route that no longer exists', () => {
    const stale = Object.keys(operationIds).filter((key) => !routeKeys.includes(key));
    expect(stale, `remove from functions/http/operationIds.ts (or fix the path): ${stale.join(', ')}`).toEqual([]);
  });

  it('uses each operationId once, in camelCase', () => {
    const ids = Object.values(operationIds) as string[];
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(id))).toEqual([]);
  });

  it('publishes the mapped operationId on every operation of the description', () => {
    const operations = describedOperations();
    const wrong = routeKeys.filter((key) => operations.get(key)?.operationId !== (operationIds as Record<string, string>)[key]);
    expect(wrong).toEqual([]);
    expect(operations.get('post /v1/data-subject-requests')?.operationId).toBe('createDataSubjectRequest');
  });
});
