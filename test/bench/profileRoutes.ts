import '@hono/zod-openapi';
import { freePort, startDynamoDbLocal } from '../../functions/local/dynamoDbLocal';
import { createBenchApi } from './apiBench';
const dynamo = await startDynamoDbLocal({ port: await freePort() });
const api = await createBenchApi(dynamo.endpoint);
const dsr = (await api.call('POST', '/v1/data-subject-requests', api.ownerKey, { channel: 'webForm', requester: { name: '基準', email: 'b@example.com' }, items: [{ type: 'inquiry' }] })).body.id;
const { Session } = await import('node:inspector/promises');
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.start');
for (let i = 0; i < 400; i++) await api.call('GET', '/v1/tenant', api.ownerKey);
for (let i = 0; i < 200; i++) await api.call('POST', '/v1/api-keys', api.ownerKey, { name: 'k', role: 'auditor' });
for (let i = 0; i < 200; i++) await api.call('GET', `/v1/data-subject-requests/${dsr}`, api.ownerKey);
const { profile } = await session.post('Profiler.stop');
const self = new Map<string, number>();
const total = profile.endTime - profile.startTime;
const dt = new Map<number, number>();
profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
for (const node of profile.nodes) {
  const t = dt.get(node.id) ?? 0; if (!t) continue;
  const url = node.callFrame.url.replace(/^.*node_modules\//, 'nm:').replace(/^.*\/work\/main\//, '');
  const key = `${node.callFrame.functionName || '(anon)'} ${url}:${node.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + t);
}
const byFile = new Map<string, number>();
for (const [k, v] of self) { const f = k.split(' ')[1]!.replace(/:\d+$/, '').replace(/^nm:((?:@[^/]+\/)?[^/]+).*/, 'nm:$1'); byFile.set(f, (byFile.get(f) ?? 0) + v); }
console.log('total ms', (total / 1000).toFixed(0));
for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).filter(([k]) => /functions|domain|hono|zod|jose|rate|crypto|powertools/.test(k)).slice(0, 25)) console.log((v / 1000).toFixed(0).padStart(7), k);
console.log('---');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 1000).toFixed(0).padStart(7), k);
await dynamo.stop();
process.exit(0);
