/**
 * The stack test synthesizes without bundling (fast, no Docker); this one bundles every Lambda
 * entry with the deployed esbuild options, so a module that cannot be resolved or an ESM/CJS
 * mismatch fails here instead of in `cdk deploy`. It also checks what API Gateway routes to the
 * docs Lambda: the reference's assets and the problem-type pages.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiReferenceAssetHooks, checklistCatalogCopy, checklistCatalogHooks, lambdaEsbuildOptions } from '../../infra/lambdaBundling';
import { AREA_NEEDS, BACKGROUND_FUNCTIONS, PdpaComplianceStack } from '../../infra/pdpaStack';

const LAMBDA_DIR = join(import.meta.dirname, '../../functions/lambda');
const entries = readdirSync(LAMBDA_DIR).filter((name) => name.endsWith('.ts') && name !== 'areaHandler.ts');

/** Each entry bundled once with the deployed options, shared by every check below. */
const bundleEntry = (entry: string) => build({ ...lambdaEsbuildOptions(join(LAMBDA_DIR, entry)), write: false, logLevel: 'silent' });
const bundles = new Map<string, ReturnType<typeof bundleEntry>>();
const bundleOf = (entry: string) => {
  if (!bundles.has(entry)) bundles.set(entry, bundleEntry(entry));
  return bundles.get(entry)!;
};

describe('every Lambda entry bundles with the deployed options', () => {
  it.each(entries)('%s', async (entry) => {
    const result = await bundleOf(entry);
    expect(result.errors).toEqual([]);
    const bytes = result.outputFiles[0].contents.byteLength;
    expect(bytes).toBeGreaterThan(10_000);
    // Guard against an accidental exceljs/docx in every area (measured sizes: npm run bench).
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });
});

/** The deployed needs of an entry (functions/lambda/<group>Api.ts or a background function). */
const needsOf = (entry: string) => {
  const name = entry.replace(/\.ts$/, '');
  return name.endsWith('Api') ? AREA_NEEDS[name.slice(0, -'Api'.length)] : BACKGROUND_FUNCTIONS[name];
};

describe('the checklist catalogs stay JSON files beside the bundles that import them', () => {
  it.each(entries)('%s: imports them only with readsChecklistCatalogs, which copies them', async (entry) => {
    const result = await bundleOf(entry);
    const importsCatalogs = result.outputFiles[0]!.text.includes('./catalogs/');
    expect(Boolean(needsOf(entry)?.readsChecklistCatalogs), `${entry} imports the catalogs: ${importsCatalogs}`).toBe(importsCatalogs);
  });

  it('the assessments bundle loads with the copied files and not without them', async () => {
    const result = await bundleOf('assessmentsApi.ts');
    const bare = mkdtempSync(join(tmpdir(), 'catalogs-bare-'));
    writeFileSync(join(bare, 'index.mjs'), result.outputFiles[0]!.contents);
    await expect(import(pathToFileURL(join(bare, 'index.mjs')).href)).rejects.toThrow(/catalogs/);
    const deployed = mkdtempSync(join(tmpdir(), 'catalogs-copied-'));
    writeFileSync(join(deployed, 'index.mjs'), result.outputFiles[0]!.contents);
    for (const command of checklistCatalogHooks.afterBundling('/in', deployed)) execSync(command);
    expect(checklistCatalogCopy(deployed)).toEqual(checklistCatalogHooks.afterBundling('/in', deployed));
    const loaded = (await import(pathToFileURL(join(deployed, 'index.mjs')).href)) as { handler: unknown };
    expect(typeof loaded.handler).toBe('function');
  }, 60_000);
});

describe('the API reference in AWS', () => {
  it('copies the reference script and the committed OpenAPI description next to the docs Lambda bundle', () => {
    const [script, description] = apiReferenceAssetHooks.afterBundling('/in', '/out');
    expect(existsSync(script!.split(' ')[1]!)).toBe(true);
    expect(script).toContain('/out/scalar-api-reference.js');
    // The Lambda serves the build-time document (functions/http/apiReference.ts reads it beside the bundle).
    expect(description!.split(' ')[1]).toMatch(/openapi\/openapi\.json$/);
    expect(existsSync(description!.split(' ')[1]!)).toBe(true);
    expect(description).toContain('/out/openapi.json');
  });

  it('routes /docs/{proxy+} and /problems/{proxy+} to the docs Lambda', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new PdpaComplianceStack(app, 'PdpaCompliance-docs', {
      stage: 'dev', senderDomain: 'example.com', publicBaseUrl: 'https://api.example.com', consoleBaseUrl: 'https://console.example.com', alarmEmail: 'ops@example.com',
      env: { account: '123456789012', region: 'ap-northeast-1' },
    });
    const resources = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Resource')) as any[];
    const parts = resources.map((resource) => resource.Properties.PathPart);
    expect(parts).toEqual(expect.arrayContaining(['docs', 'problems']));
    expect(parts.filter((part) => part === '{proxy+}').length).toBeGreaterThan(2);
  }, 120_000);
});
