/**
 * Each Lambda entry point bundled exactly as deployed (infra/lambdaBundling.ts: minified ESM, AWS
 * SDK v3 bundled, zod without locales) next to the floor bundle (./floor/floorLambda.ts), then run
 * in fresh `node` processes:
 *  - initMs: the import of the bundle (module init), median of BENCH_INIT_RUNS (default 5);
 *    each run of an entry is followed by a run of the floor, so entry and floor share the load;
 *  - firstRequestMs: import + the handler's first invocation, which makes its first DynamoDB
 *    call(s) against DynamoDB Local (Secrets Manager and STS answered by ./awsStub.ts), median of
 *    BENCH_FIRST_REQUEST_RUNS (default 3).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { lambdaEsbuildOptions } from '../../infra/lambdaBundling';
import { startAwsStub } from './awsStub';

const run = promisify(execFile);

export interface BundleFigures {
  entry: string;
  bundleBytes: number;
  gzipBytes: number;
  floorBundleBytes: number;
  initMs: number;
  floorInitMs: number;
  firstRequestMs: number | null;
  floorFirstRequestMs: number;
  /** What the first invocation answered (HTTP status, or 'ok' for event handlers). */
  firstRequestResult: string;
  /** The bytes beyond the floor, by package or source folder (esbuild metafile), largest first: what keeps the bundle above the floor. */
  largestAboveFloor: { input: string; bytes: number }[];
}

/** Output bytes by npm package or source folder (`domain/assessment`, `functions/http`, …). */
function bytesByInput(metafile: Metafile): Map<string, number> {
  const output = Object.values(metafile.outputs)[0]!;
  const sizes = new Map<string, number>();
  for (const [file, info] of Object.entries(output.inputs)) {
    const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const key = packageName ?? file.split('/').slice(0, 2).join('/');
    sizes.set(key, (sizes.get(key) ?? 0) + info.bytesInOutput);
  }
  return sizes;
}

function largestAboveFloor(entry: Map<string, number>, floor: Map<string, number>, count = 8) {
  return [...entry].map(([input, bytes]) => ({ input, bytes: bytes - (floor.get(input) ?? 0) }))
    .filter((row) => row.bytes > 0).sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

/** The invocation each entry gets as its first request. */
export type FirstRequest = { kind: 'http'; method: string; path: string; key?: string } | { kind: 'event'; event: unknown };

export interface BundleBenchContext {
  dynamoEndpoint: string;
  region: string;
  controlPlaneTable: string;
  tenantTablePrefix: string;
  firstRequests: Record<string, FirstRequest>;
}

const PROBE = `
const [bundle, invocation] = process.argv.slice(2);
const t0 = performance.now();
const mod = await import(bundle);
const initMs = performance.now() - t0;
let firstRequestMs = null, result = null;
if (invocation) {
  const context = { functionName: 'bench', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:ap-northeast-1:000000000000:function:bench', memoryLimitInMB: '512', awsRequestId: 'bench-request', logGroupName: 'bench', logStreamName: 'bench', getRemainingTimeInMillis: () => 29000, callbackWaitsForEmptyEventLoop: true, done() {}, fail() {}, succeed() {} };
  try {
    const answer = await mod.handler(JSON.parse(invocation), context);
    firstRequestMs = performance.now() - t0;
    result = String(answer?.statusCode ?? 'ok');
  } catch (error) {
    result = 'error: ' + (error?.message ?? String(error));
  }
}
process.stdout.write('\\n@@probe ' + JSON.stringify({ initMs, firstRequestMs, result }) + '\\n');
process.exit(0);
`;

function lambdaEvent(request: FirstRequest): unknown {
  if (request.kind === 'event') return request.event;
  const [rawPath, rawQueryString = ''] = request.path.split('?') as [string, string?];
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { host: 'bench.local', 'user-agent': 'bench', ...(request.key ? { authorization: `Bearer ${request.key}` } : {}) },
    requestContext: {
      accountId: '000000000000', apiId: 'bench', domainName: 'bench.local', domainPrefix: 'bench',
      http: { method: request.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: 'bench', routeKey: '$default', stage: '$default', time: new Date().toUTCString(), timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function probe(probePath: string, bundlePath: string, env: NodeJS.ProcessEnv, invocation?: unknown) {
  const args = [probePath, bundlePath, ...(invocation === undefined ? [] : [JSON.stringify(invocation)])];
  // A bundle that logs to stdout still ends with the probe line.
  const { stdout } = await run(process.execPath, args, { env, maxBuffer: 16 * 1024 * 1024 });
  const line = stdout.split('\n').reverse().find((l) => l.startsWith('@@probe '));
  if (!line) throw new Error(`no probe result for ${bundlePath}: ${stdout.slice(-500)}`);
  return JSON.parse(line.slice(8)) as { initMs: number; firstRequestMs: number | null; result: string };
}

export async function runBundleBench(root: string, context: BundleBenchContext, log: (line: string) => void = () => {}): Promise<BundleFigures[]> {
  const initRuns = Number(process.env.BENCH_INIT_RUNS ?? 5);
  const requestRuns = Number(process.env.BENCH_FIRST_REQUEST_RUNS ?? 3);
  const dir = join(root, 'functions/lambda');
  const entries = readdirSync(dir).filter((name) => name.endsWith('.ts') && name !== 'areaHandler.ts').map((name) => name.replace(/\.ts$/, ''));
  const out = mkdtempSync(join(tmpdir(), 'pdpa-bundles-'));
  // As deployed: the checklist catalogs are JSON files beside the bundles that import them (infra/lambdaBundling.ts).
  const catalogs = join(root, 'domain/assessment/catalogs');
  for (const file of readdirSync(catalogs).filter((name) => name.endsWith('.json'))) cpSync(join(catalogs, file), join(out, 'catalogs', file));
  const stub = await startAwsStub({ secret: 'bench-cursor-secret-0123456789abcdef', accessKeyId: 'local', secretAccessKey: 'local' });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_REGION: context.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL: stub.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: context.dynamoEndpoint,
    AWS_ACCOUNT_ID: '000000000000',
    CONTROL_PLANE_TABLE: context.controlPlaneTable,
    TENANT_TABLE_PREFIX: context.tenantTablePrefix,
    CURSOR_SECRET_ARN: 'arn:aws:secretsmanager:ap-northeast-1:000000000000:secret:bench',
    TENANT_ACCESS_ROLE_ARN: 'arn:aws:iam::000000000000:role/bench-tenant-access',
    DATA_KEY_KMS_KEY_ARN: 'arn:aws:kms:ap-northeast-1:000000000000:key/bench-data',
    TABLE_KMS_KEY_ARN: 'arn:aws:kms:ap-northeast-1:000000000000:key/bench-table',
    DEADLINE_SCHEDULE_GROUP: 'bench', DEADLINE_TARGET_ARN: 'arn:aws:lambda:ap-northeast-1:000000000000:function:bench', SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/bench-scheduler',
    SES_FROM_ADDRESS: 'no-reply@bench.example.com',
    PUBLIC_BASE_URL: 'http://bench.local',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING: '1',
    NODE_NO_WARNINGS: '1',
  };
  const probePath = join(out, 'probe.mjs');
  writeFileSync(probePath, PROBE);
  try {
    const bundle = async (name: string, entry: string) => {
      const result = await build({ ...lambdaEsbuildOptions(entry), write: false, logLevel: 'silent', metafile: true });
      const contents = result.outputFiles[0]!.contents;
      const path = join(out, `${name}.mjs`);
      writeFileSync(path, contents);
      return { path, bytes: contents.byteLength, gzipBytes: gzipSync(contents).byteLength, inputs: bytesByInput(result.metafile) };
    };
    // Each entry's probes alternate with the floor's, so both ratios are taken under the same
    // machine load (the floor figures are per entry: the floor runs interleaved with that entry).
    const floorRequest: FirstRequest = { kind: 'http', method: 'GET', path: '/v1/floor?pk=FLOOR&sk=FLOOR' };
    const measurePair = async (path: string, floorPath: string, request: FirstRequest | undefined) => {
      const inits: number[] = [];
      const floorInits: number[] = [];
      for (let i = 0; i < initRuns; i += 1) {
        inits.push((await probe(probePath, path, env)).initMs);
        floorInits.push((await probe(probePath, floorPath, env)).initMs);
      }
      const firsts: number[] = [];
      const floorFirsts: number[] = [];
      let result = 'not invoked';
      if (request) {
        for (let i = 0; i < requestRuns; i += 1) {
          const outcome = await probe(probePath, path, env, lambdaEvent(request));
          result = outcome.result;
          if (outcome.firstRequestMs !== null) firsts.push(outcome.firstRequestMs);
          const floorOutcome = await probe(probePath, floorPath, env, lambdaEvent(floorRequest));
          if (floorOutcome.firstRequestMs !== null) floorFirsts.push(floorOutcome.firstRequestMs);
        }
      }
      return {
        initMs: median(inits), floorInitMs: median(floorInits),
        firstRequestMs: firsts.length ? median(firsts) : null, floorFirstRequestMs: floorFirsts.length ? median(floorFirsts) : Number.NaN, result,
      };
    };

    const floor = await bundle('floor', join(root, 'test/bench/floor/floorLambda.ts'));
    const figures: BundleFigures[] = [];
    for (const entry of entries) {
      const built = await bundle(entry, join(dir, `${entry}.ts`));
      const measured = await measurePair(built.path, floor.path, context.firstRequests[entry]);
      log(`${entry}: ${built.bytes} B (floor ${floor.bytes} B), init ${measured.initMs.toFixed(1)} ms (floor ${measured.floorInitMs.toFixed(1)}), first request ${measured.firstRequestMs?.toFixed(1) ?? '-'} ms (floor ${measured.floorFirstRequestMs.toFixed(1)}) → ${measured.result}`);
      figures.push({
        entry,
        bundleBytes: built.bytes,
        gzipBytes: built.gzipBytes,
        floorBundleBytes: floor.bytes,
        initMs: measured.initMs,
        floorInitMs: measured.floorInitMs,
        firstRequestMs: measured.firstRequestMs,
        floorFirstRequestMs: measured.floorFirstRequestMs,
        firstRequestResult: measured.result,
        largestAboveFloor: largestAboveFloor(built.inputs, floor.inputs),
      });
    }
    return figures;
  } finally {
    await stub.close();
    rmSync(out, { recursive: true, force: true });
  }
}
