/**
 * Only the Lambdas that serve evidence or inspection packs (and the pack builder) wire the S3
 * object store into their deps (functions/runtime/awsDeps.ts `AwsDepsOptions.objectStore`), so
 * the S3 client is not in the other bundles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_FUNCTIONS } from '../../../infra/pdpaStack';
import { routeOwnership } from '../../../infra/routeMap';
import { areaGroups } from '../../../functions/apps/areas';

const root = join(import.meta.dirname, '../../..');
const keepsObjects = (path: string) => path.startsWith('/v1/evidence') || path.startsWith('/v1/inspection-packs');
const owners = routeOwnership();
const entries = [
  ...Object.keys(areaGroups).map((group) => ({ file: `${group}Api.ts`, usesObjects: owners.some((route) => route.group === group && keepsObjects(route.path)) })),
  ...Object.keys(BACKGROUND_FUNCTIONS).map((name) => ({ file: `${name}.ts`, usesObjects: name === 'inspectionPackBuilder' })),
];

describe('object-store wiring of the Lambda entry points', () => {
  it('finds the evidence and inspection-pack routes', () => {
    expect(entries.filter((entry) => entry.usesObjects).map((entry) => entry.file).sort()).toEqual(['assessmentsApi.ts', 'inspectionPackBuilder.ts']);
  });

  it.each(entries)('$file: wires the S3 store exactly when it serves stored files', ({ file, usesObjects }) => {
    const source = readFileSync(join(root, 'functions/lambda', file), 'utf8');
    expect(source.includes('s3ObjectStoreFromEnvironment')).toBe(usesObjects);
  });
});
