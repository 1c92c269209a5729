/**
 * The openapi-diff check: the current description against the latest release
 * (openapi/releases/<version>.json). A breaking change (openapi/VERSIONING.md) fails the run
 * unless the changelog announces it by its id.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../functions/apps/openapiDocument';
import { breakingChanges, compareVersions, type OpenApiDocument } from './openApiCompatibility';

const OPENAPI_DIR = join(import.meta.dirname, '../../../openapi');
const releases = readdirSync(join(OPENAPI_DIR, 'releases')).filter((name) => /^\d+\.\d+\.\d+\.json$/.test(name)).map((name) => name.slice(0, -'.json'.length)).sort(compareVersions);
const latest = releases[releases.length - 1]!;
const changelog = readFileSync(join(OPENAPI_DIR, 'CHANGELOG.md'), 'utf8');

describe('breaking changes against the latest release', () => {
  it('every breaking change since the latest release is announced in the changelog', () => {
    const released = JSON.parse(readFileSync(join(OPENAPI_DIR, 'releases', `${latest}.json`), 'utf8')) as OpenApiDocument;
    const current = buildOpenApiDocument() as unknown as OpenApiDocument;
    const unannounced = breakingChanges(released, current).filter((change) => !changelog.includes(`\`${change.id}\``)).map((change) => change.id);
    expect(unannounced, `announce these in openapi/CHANGELOG.md (see openapi/VERSIONING.md), e.g. - \`${unannounced[0]}\` — why and what to do`).toEqual([]);
  }, 60_000);

  it('each release has a changelog section and the document\'s version is not behind the latest release', () => {
    expect(releases.length).toBeGreaterThan(0);
    for (const version of releases) expect(changelog).toMatch(new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm'));
    const version = (buildOpenApiDocument() as unknown as { info: { version: string } }).info.version;
    expect(compareVersions(version, latest)).toBeGreaterThanOrEqual(0);
    expect(changelog).toMatch(new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm'));
  }, 60_000);
});

describe('the comparator finds each kind of breaking change', () => {
  const base = (): OpenApiDocument => ({
    paths: {
      '/v1/things': {
        get: {
          parameters: [{ name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'closed'] } }],
          responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } }, 404: {} },
        },
        post: {
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' }, size: { type: 'integer' } }, required: ['name'] } } } },
          responses: { 201: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
        },
      },
    },
    components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['a', 'b'] } }, required: ['id'] } } },
  });
  const ids = (change: (document: any) => void) => {
    const next = base();
    change(next);
    return breakingChanges(base(), next).map((found) => found.id);
  };

  it('reports nothing for an identical or merely extended document', () => {
    expect(ids(() => {})).toEqual([]);
    expect(ids((doc) => {
      doc.paths['/v1/other'] = { get: { responses: { 200: {} } } };
      doc.paths['/v1/things'].get.responses[429] = {};
      doc.paths['/v1/things'].get.parameters.push({ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } });
      doc.paths['/v1/things'].post.requestBody.content['application/json'].schema.properties.note = { type: 'string' };
      doc.components.schemas.Thing.properties.extra = { type: 'string' };
      doc.paths['/v1/things'].get.parameters[0].schema.enum.push('archived');
    })).toEqual([]);
  });

  it('reports removals, new requirements, narrowed enums and type changes', () => {
    expect(ids((doc) => delete doc.paths['/v1/things'].get)).toEqual(['removed-operation: GET /v1/things']);
    expect(ids((doc) => delete doc.paths['/v1/things'].get.responses[404])).toEqual(['removed-response: GET /v1/things 404']);
    expect(ids((doc) => doc.paths['/v1/things'].get.parameters.push({ name: 'owner', in: 'query', required: true, schema: { type: 'string' } }))).toEqual(['new-required-parameter: GET /v1/things query.owner']);
    expect(ids((doc) => doc.paths['/v1/things'].post.requestBody.content['application/json'].schema.required.push('size'))).toEqual(['new-required-property: POST /v1/things body.size']);
    expect(ids((doc) => (doc.paths['/v1/things'].get.parameters[0].schema.enum = ['open']))).toEqual(['narrowed-enum: GET /v1/things query.status ("closed")']);
    expect(ids((doc) => (doc.components.schemas.Thing.properties.kind.enum = ['a'])).sort()).toEqual(['narrowed-enum: GET /v1/things 200.kind ("b")', 'narrowed-enum: POST /v1/things 201.kind ("b")']);
    expect(ids((doc) => (doc.paths['/v1/things'].post.requestBody.content['application/json'].schema.properties.size = { type: 'string' }))).toEqual(['type-change: POST /v1/things body.size (number → string)']);
    expect(ids((doc) => delete doc.components.schemas.Thing.properties.id).sort()).toEqual(['removed-response-property: GET /v1/things 200.id', 'removed-response-property: POST /v1/things 201.id']);
  });

  it('lets a request type widen but not a response type', () => {
    expect(ids((doc) => (doc.paths['/v1/things'].post.requestBody.content['application/json'].schema.properties.size = { type: ['integer', 'string'] }))).toEqual([]);
    expect(ids((doc) => (doc.components.schemas.Thing.properties.id = { type: ['string', 'number'] })).length).toBe(2);
  });
});
