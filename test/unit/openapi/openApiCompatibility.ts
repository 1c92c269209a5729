/**
 * Finds the changes between two OpenAPI 3.1 documents that break an integrator built against the
 * older one (openapi/VERSIONING.md). Written here because the npm diff tools do not read 3.1
 * in-process (openapi-diff 0.24 rejects `openapi: 3.1.0`; oasdiff and openapi-changes are Go
 * binaries). Each change has a stable id the changelog announces it by, e.g.
 * `removed-operation: GET /v1/vendors`.
 */

type Json = Record<string, unknown>;
type Schema = Json & { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; allOf?: Schema[]; anyOf?: Schema[]; oneOf?: Schema[]; additionalProperties?: unknown };
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema; $ref?: string };
type Operation = { parameters?: Parameter[]; requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> }; responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }> };
export type OpenApiDocument = { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

export type BreakingKind = 'removed-operation' | 'removed-response' | 'new-required-parameter' | 'new-required-property' | 'narrowed-enum' | 'type-change' | 'removed-response-property';

export interface BreakingChange {
  kind: BreakingKind;
  /** `kind: METHOD /path …where` — what the changelog quotes to announce it. */
  id: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Follows local `$ref`s (components), merging allOf, so both sides compare as plain schemas. */
function resolver(document: OpenApiDocument) {
  return function resolve(schema: Schema | undefined): Schema | undefined {
    let current = schema;
    const seen = new Set<string>();
    while (current?.$ref && current.$ref.startsWith('#/components/schemas/') && !seen.has(current.$ref)) {
      seen.add(current.$ref);
      const { $ref, ...siblings } = current;
      const target = document.components?.schemas?.[$ref.slice('#/components/schemas/'.length)];
      current = target ? { ...target, ...siblings } : undefined;
    }
    if (current?.allOf) {
      const parts = current.allOf.map((part) => resolve(part) ?? {});
      const { allOf: _allOf, ...rest } = current;
      current = parts.reduce<Schema>((merged, part) => ({
        ...merged,
        ...part,
        properties: { ...(merged.properties ?? {}), ...(part.properties ?? {}) },
        required: [...new Set([...(merged.required ?? []), ...(part.required ?? [])])],
      }), rest);
    }
    return current;
  };
}

const typesOf = (schema: Schema): string[] => {
  if (schema.type === undefined) return [];
  return [schema.type].flat().filter((type) => type !== 'null').map((type) => (type === 'integer' ? 'number' : type)).sort();
};

/**
 * Compares one schema position. `direction` is who sends it: in a request the client sends
 * (a new required property breaks it); in a response the server sends (a removed property
 * breaks a client that reads it). Narrowed enums and type changes break both ways.
 */
function compareSchemas(
  oldDoc: OpenApiDocument, newDoc: OpenApiDocument,
  oldSchema: Schema | undefined, newSchema: Schema | undefined,
  direction: 'request' | 'response', where: string, report: (kind: BreakingKind, at: string) => void, depth = 0,
): void {
  const older = resolver(oldDoc)(oldSchema);
  const newer = resolver(newDoc)(newSchema);
  if (!older || !newer || depth > 12) return;
  const oldTypes = typesOf(older);
  const newTypes = typesOf(newer);
  if (oldTypes.length && newTypes.length && oldTypes.join('|') !== newTypes.join('|')) {
    // Widening a request type (string → string|number) is fine; anything else changes the contract.
    const widenedRequest = direction === 'request' && oldTypes.every((type) => newTypes.includes(type));
    if (!widenedRequest) report('type-change', `${where} (${oldTypes.join('|')} → ${newTypes.join('|')})`);
    return;
  }
  if (older.enum && newer.enum) {
    const removed = older.enum.filter((value) => !newer.enum!.some((candidate) => JSON.stringify(candidate) === JSON.stringify(value)));
    if (removed.length) report('narrowed-enum', `${where} (${removed.map((value) => JSON.stringify(value)).join(', ')})`);
  } else if (!older.enum && newer.enum && direction === 'request') {
    report('narrowed-enum', `${where} (now an enum)`);
  }
  const oldProperties = older.properties ?? {};
  const newProperties = newer.properties ?? {};
  if (direction === 'request') {
    const wasRequired = new Set(older.required ?? []);
    for (const name of newer.required ?? []) {
      if (!wasRequired.has(name)) report('new-required-property', `${where}.${name}`);
    }
  } else {
    for (const name of Object.keys(oldProperties)) {
      if (!(name in newProperties) && (older.required ?? []).includes(name)) report('removed-response-property', `${where}.${name}`);
    }
  }
  for (const [name, property] of Object.entries(oldProperties)) {
    if (newProperties[name]) compareSchemas(oldDoc, newDoc, property, newProperties[name], direction, `${where}.${name}`, report, depth + 1);
  }
  if (older.items && newer.items) compareSchemas(oldDoc, newDoc, older.items, newer.items, direction, `${where}[]`, report, depth + 1);
  for (const combiner of ['anyOf', 'oneOf'] as const) {
    const oldParts = older[combiner];
    const newParts = newer[combiner];
    if (oldParts && newParts && oldParts.length === newParts.length) {
      oldParts.forEach((part, index) => compareSchemas(oldDoc, newDoc, part, newParts[index], direction, `${where}<${combiner}${index}>`, report, depth + 1));
    }
  }
}

export function breakingChanges(oldDoc: OpenApiDocument, newDoc: OpenApiDocument): BreakingChange[] {
  const changes = new Map<string, BreakingChange>();
  const report = (kind: BreakingKind, at: string) => {
    const id = `${kind}: ${at}`;
    changes.set(id, { kind, id });
  };
  for (const [path, item] of Object.entries(oldDoc.paths ?? {})) {
    for (const method of METHODS) {
      const older = item[method];
      if (!older) continue;
      const operation = `${method.toUpperCase()} ${path}`;
      const newer = newDoc.paths?.[path]?.[method];
      if (!newer) {
        report('removed-operation', operation);
        continue;
      }
      for (const status of Object.keys(older.responses ?? {})) {
        if (!newer.responses?.[status]) report('removed-response', `${operation} ${status}`);
      }
      const paramKey = (parameter: Parameter) => `${parameter.in}.${parameter.name.toLowerCase()}`;
      const oldParams = new Map((older.parameters ?? []).map((parameter) => [paramKey(parameter), parameter]));
      for (const parameter of newer.parameters ?? []) {
        const before = oldParams.get(paramKey(parameter));
        if (parameter.required && !before?.required) report('new-required-parameter', `${operation} ${parameter.in}.${parameter.name}`);
        if (before) compareSchemas(oldDoc, newDoc, before.schema, parameter.schema, 'request', `${operation} ${parameter.in}.${parameter.name}`, report);
      }
      if (newer.requestBody?.required && !older.requestBody?.required) report('new-required-property', `${operation} body`);
      for (const [media, content] of Object.entries(older.requestBody?.content ?? {})) {
        const next = newer.requestBody?.content?.[media];
        if (!next) {
          report('type-change', `${operation} body (${media} no longer accepted)`);
          continue;
        }
        compareSchemas(oldDoc, newDoc, content.schema, next.schema, 'request', `${operation} body`, report);
      }
      for (const [status, response] of Object.entries(older.responses ?? {})) {
        if (!status.startsWith('2')) continue;
        const next = newer.responses?.[status];
        for (const [media, content] of Object.entries(response.content ?? {})) {
          const nextContent = next?.content?.[media];
          if (next && !nextContent) report('type-change', `${operation} ${status} (${media} no longer returned)`);
          else if (nextContent) compareSchemas(oldDoc, newDoc, content.schema, nextContent.schema, 'response', `${operation} ${status}`, report);
        }
      }
    }
  }
  return [...changes.values()];
}

/** Semantic versions in ascending order. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let index = 0; index < 3; index += 1) if (x[index] !== y[index]) return (x[index] ?? 0) - (y[index] ?? 0);
  return 0;
}
