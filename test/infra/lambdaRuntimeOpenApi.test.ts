/**
 * Lambda bundles alias @asteasolutions/zod-to-openapi to infra/bundling/zodToOpenApiRuntime.js:
 * the OpenAPI document is built at build time, so a Lambda keeps @hono/zod-openapi's validators
 * and drops the generator and the per-`.openapi()` schema clones. This bundles a probe route with
 * the deployed options and runs it.
 */
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaEsbuildOptions } from '../../infra/lambdaBundling';

type Probe = typeof import('./support/bundledValidationProbe').probe;
let probe: Probe;
let bundleText: string;

beforeAll(async () => {
  const result = await build({ ...lambdaEsbuildOptions(join(import.meta.dirname, 'support/bundledValidationProbe.ts')), write: false, logLevel: 'silent' });
  bundleText = result.outputFiles[0]!.text;
  const file = join(mkdtempSync(join(tmpdir(), 'probe-')), 'probe.mjs');
  writeFileSync(file, bundleText);
  probe = ((await import(pathToFileURL(file).href)) as { probe: Probe }).probe;
}, 60_000);

describe('a Lambda bundle validates with the same schemas and carries no OpenAPI generator', () => {
  it('accepts a valid request', async () => {
    const response = await probe.request('/probe/p-1', { requester: { name: '王小明', email: 'wang@example.com' }, items: ['inquiry'] });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ probeId: 'p-1', items: ['inquiry'] });
  });

  it('refuses a bad body and a bad path parameter with the field named', async () => {
    const badBody = await probe.request('/probe/p-1', { requester: { name: '', email: 'not-an-address' }, items: [] });
    expect(badBody.status).toBe(400);
    expect(((await badBody.json()) as { fields: string[] }).fields).toEqual(expect.arrayContaining(['requester.name', 'requester.email', 'items']));
    const badParam = await probe.request('/probe/x', { requester: { name: 'a', email: 'a@example.com' }, items: ['copy'] });
    expect(badParam.status).toBe(400);
    expect(((await badParam.json()) as { fields: string[] }).fields).toEqual(['probeId']);
  });

  it('leaves .openapi() metadata inert and cannot generate a document', () => {
    expect(probe.metadataIsInert).toBe(true);
    expect(probe.documentGeneration()).toMatch(/built at build time/);
    // The generator's own code is not in the bundle.
    expect(bundleText).not.toContain('Unknown zod object type');
    expect(bundleText).not.toContain('No discriminator found for discriminated union');
  });
});
