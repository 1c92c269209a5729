/**
 * How every Lambda is bundled — one definition, used by the CDK stack (NodejsFunction) and by
 * `npm run bench` (esbuild's API), so the bench measures exactly what is deployed.
 *  - The AWS SDK v3 is bundled (not taken from the runtime): a pinned, tree-shaken SDK that
 *    loads faster than the runtime's full copy and does not change under us.
 *  - `zod` resolves to ./bundling/zodPackage.js: zod without its locale tables (see there).
 *  - `@asteasolutions/zod-to-openapi` resolves to ./bundling/zodToOpenApiRuntime.js: the OpenAPI
 *    document is built at build time, so a Lambda keeps the validators and drops the generator.
 *  - The seed-003 checklist catalogs (domain/assessment/catalogs/*.json, 434 KiB) stay JSON files
 *    beside the bundle (`CHECKLIST_CATALOGS_EXTERNAL`, copied by `checklistCatalogHooks`): Node
 *    parses them as JSON modules instead of compiling them as JavaScript.
 */
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export const LAMBDA_TARGET = 'node24';
export const ZOD_WITHOUT_LOCALES = join(ROOT, 'infra/bundling/zodPackage.js');
export const ZOD_TO_OPENAPI_RUNTIME = join(ROOT, 'infra/bundling/zodToOpenApiRuntime.js');
/** The checklist catalogs' import path (domain/assessment/catalogs.ts), left to Node as JSON modules. */
export const CHECKLIST_CATALOGS_EXTERNAL = './catalogs/*.json';
/** Module aliases of every Lambda bundle (esbuild `alias`). */
export const LAMBDA_ALIASES = { zod: ZOD_WITHOUT_LOCALES, '@asteasolutions/zod-to-openapi': ZOD_TO_OPENAPI_RUNTIME };
/** ESM needs `require` for the few CommonJS dependencies that call it. */
export const ESM_REQUIRE_BANNER = "import { createRequire as __lambdaCreateRequire } from 'module';const require = __lambdaCreateRequire(import.meta.url);";

/** esbuild options (JS API) for one Lambda entry point. */
export function lambdaEsbuildOptions(entry: string) {
  return {
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: LAMBDA_TARGET,
    mainFields: ['module', 'main'],
    alias: LAMBDA_ALIASES,
    banner: { js: ESM_REQUIRE_BANNER },
    external: [CHECKLIST_CATALOGS_EXTERNAL],
  };
}

/** The same, as NodejsFunction bundling props (aws-cdk-lib/aws-lambda-nodejs BundlingOptions). */
export const nodejsFunctionBundling = {
  minify: true,
  sourceMap: true,
  target: LAMBDA_TARGET,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  // Bundle the SDK (the default for Node.js ≥ 18 runtimes is to leave @aws-sdk/* external); only the catalogs stay files.
  externalModules: [CHECKLIST_CATALOGS_EXTERNAL],
  esbuildArgs: Object.fromEntries(Object.entries(LAMBDA_ALIASES).map(([name, path]) => [`--alias:${name}`, path])),
};

/** Copies the checklist catalogs beside a bundle that imports them (the bench and the CDK hooks). */
export const checklistCatalogCopy = (outputDir: string) => [
  `mkdir -p ${join(outputDir, 'catalogs')}`,
  `cp ${join(ROOT, 'domain/assessment/catalogs')}/*.json ${join(outputDir, 'catalogs')}/`,
];

type CommandHooks = { beforeBundling: (inputDir: string, outputDir: string) => string[]; beforeInstall: (inputDir: string, outputDir: string) => string[]; afterBundling: (inputDir: string, outputDir: string) => string[] };

export const checklistCatalogHooks: CommandHooks = {
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (_inputDir, outputDir) => checklistCatalogCopy(outputDir),
};

/** One set of command hooks from several (NodejsFunction takes one). */
export function combinedHooks(hooks: readonly CommandHooks[]): CommandHooks | undefined {
  if (hooks.length === 0) return undefined;
  return {
    beforeBundling: (inputDir, outputDir) => hooks.flatMap((hook) => hook.beforeBundling(inputDir, outputDir)),
    beforeInstall: (inputDir, outputDir) => hooks.flatMap((hook) => hook.beforeInstall(inputDir, outputDir)),
    afterBundling: (inputDir, outputDir) => hooks.flatMap((hook) => hook.afterBundling(inputDir, outputDir)),
  };
}

/** The offline API reference's script (functions/http/apiReference.ts reads it beside the bundle). */
export const API_REFERENCE_SCRIPT = 'scalar-api-reference.js';
/**
 * The docs Lambda's files beside its bundle: the Scalar script and the committed OpenAPI
 * description (built by `npm run openapi`, checked byte for byte by a test), so no Lambda
 * generates the document at run time.
 */
export const apiReferenceAssetHooks: CommandHooks = {
  beforeBundling: () => [] as string[],
  beforeInstall: () => [] as string[],
  afterBundling: (_inputDir: string, outputDir: string) => [
    `cp ${join(ROOT, 'node_modules/@scalar/api-reference/dist/browser/standalone.js')} ${join(outputDir, API_REFERENCE_SCRIPT)}`,
    `cp ${join(ROOT, 'openapi/openapi.json')} ${join(outputDir, 'openapi.json')}`,
  ],
};
