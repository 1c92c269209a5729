/**
 * `npm run bench`: one run on an in-memory DynamoDB Local —
 *  1. an authenticated GET and POST through the app vs the raw DynamoDB calls they make (ratio),
 *     with DynamoDB calls and capacity units per request;
 *  2. the minified bundle size of each Lambda entry point;
 *  3. the review sweep across many tenants (cost follows due items, not total items).
 */
// First: zod schemas built after this import get .openapi() (see test/setup/zodOpenApi.ts).
import '@hono/zod-openapi';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startDynamoDbLocal } from '../../functions/local/dynamoDbLocal';
import { runApiBench } from './apiBench';
import { measureBundleSizes } from './bundleSizes';

const root = join(import.meta.dirname, '../..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function main() {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  try {
    console.log('# PDPA compliance API benchmarks (DynamoDB Local, in-memory, one run)\n');
    const api = await runApiBench(dynamo.endpoint);
    console.log(`## API vs raw DynamoDB (${api.iterations} requests each, in-process app.request)`);
    console.log('| request | API mean | API p95 | raw DynamoDB mean | ratio | DynamoDB calls/request | capacity units/request |');
    console.log('|---|---|---|---|---|---|---|');
    for (const [name, row] of [['GET /v1/tenant', api.get], ['POST /v1/api-keys', api.post]] as const) {
      console.log(`| ${name} | ${ms(row.api.meanMs)} | ${ms(row.api.p95Ms)} | ${ms(row.raw.meanMs)} | ${row.ratio.toFixed(2)}× | ${row.dynamoCallsPerRequest.toFixed(2)} | ${row.capacityUnitsPerRequest.toFixed(2)} |`);
    }
    console.log(`\nGET calls: ${JSON.stringify(api.get.byCommand)}\nPOST calls: ${JSON.stringify(api.post.byCommand)}\n`);

    console.log('## Lambda bundles (esbuild, minified, ESM; AWS SDK v3 external as deployed — it ships in the Node.js 22 runtime)');
    console.log('| entry | minified | gzip | minified incl. AWS SDK |');
    console.log('|---|---|---|---|');
    for (const size of await measureBundleSizes(root)) console.log(`| ${size.entry} | ${kb(size.bytes)} | ${kb(size.gzipBytes)} | ${kb(size.bytesWithSdk)} |`);
    console.log('');

    const sweepBench = join(root, 'test/bench/sweepBench.ts');
    if (existsSync(sweepBench)) {
      const modulePath = './sweepBench';
      const { runSweepBench } = (await import(modulePath)) as { runSweepBench: (endpoint: string) => Promise<void> };
      await runSweepBench(dynamo.endpoint);
    }
  } finally {
    await dynamo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
