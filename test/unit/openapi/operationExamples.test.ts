/**
 * Every operation with a JSON body or a JSON reply has an example of each in the published
 * description, and each example parses with the route's own zod schema (refinements included).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exampleOf, stringMatching } from '../../../functions/http/operationExamples';
import { operationKey } from '../../../functions/http/operationIds';
import { describedOperations, registeredRoutes, requestSchemaOf, successSchemaOf } from './routeDefinitions';

const routes = registeredRoutes();
const operations = describedOperations();

const problemsOf = (schema: z.ZodType, example: unknown) => {
  const parsed = schema.safeParse(example);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
};

describe('operation examples (functions/http/operationExamples.ts)', () => {
  it('gives every JSON request body an example that its own schema accepts', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const schema = requestSchemaOf(route);
      if (!schema) continue;
      const key = operationKey(route.method, route.path);
      const example = operations.get(key)?.requestBody?.content?.['application/json']?.example;
      if (example === undefined) {
        failures.push(`${key}: no request example`);
        continue;
      }
      checked += 1;
      for (const problem of problemsOf(schema, example)) failures.push(`${key} request ${problem}`);
    }
    expect(checked).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });

  it('gives every JSON success reply an example that its own schema accepts', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const success = successSchemaOf(route);
      if (!success?.schema) continue;
      const key = operationKey(route.method, route.path);
      const example = operations.get(key)?.responses?.[success.status]?.content?.['application/json']?.example;
      if (example === undefined) {
        failures.push(`${key}: no ${success.status} example`);
        continue;
      }
      checked += 1;
      for (const problem of problemsOf(success.schema, example)) failures.push(`${key} ${success.status} ${problem}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('the check can fail: an example that breaks its schema is reported', () => {
    const schema = z.object({ id: z.string().regex(/^ras_[0-9a-z]{26}$/), count: z.number().int().min(1) });
    expect(problemsOf(schema, { id: 'ras_01j...', count: 0 })).toHaveLength(2);
  });

  it('builds values from a schema: formats, patterns, enums, bounds and references', () => {
    const components = { Id: { type: 'string', pattern: '^ras_[0-9a-z]{26}$' } };
    const value = exampleOf(
      {
        type: 'object',
        required: ['id', 'at', 'kind', 'count'],
        properties: { id: { $ref: '#/components/schemas/Id' }, at: { type: 'string', format: 'date-time' }, kind: { enum: ['access', 'erasure'] }, count: { type: 'integer', minimum: 3 }, tags: { type: 'array', items: { type: 'string' }, minItems: 2 } },
      },
      components,
    ) as Record<string, unknown>;
    expect(value.id).toMatch(/^ras_[0-9a-z]{26}$/);
    expect(Number.isNaN(Date.parse(value.at as string))).toBe(false);
    expect(value).toMatchObject({ kind: 'access', count: 3 });
    expect(value.tags).toHaveLength(2);
  });

  it('synthesises strings for the patterns the API uses', () => {
    for (const pattern of ['^ras_[0-9a-z]{26}$', '^duty:[^#]+$', '^\\d{4}-\\d{2}-\\d{2}$', '^(?:tn|dsr)_[0-9a-z]{26}$', '^[A-Z]{2}(-[A-Z0-9]+)?$']) {
      const value = stringMatching(pattern);
      expect(value, pattern).toBeDefined();
      expect(new RegExp(pattern).test(value!), pattern).toBe(true);
    }
  });
});
