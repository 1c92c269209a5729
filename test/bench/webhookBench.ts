/**
 * Webhooks in `npm run bench`:
 *  - events per second delivered locally: N data-subject requests created, then the in-process
 *    drainer (functions/webhooks/dispatcher.ts) publishes and delivers them, signed, to a receiver
 *    on 127.0.0.1; the time from the first drain to the last 2xx;
 *  - the outbox's extra write cost per mutation: the same audited commit (one record write) with
 *    an action that maps to an event type and with one that does not, capacity units measured with
 *    the consumed-capacity counter (dynamoCounter.ts) on the same DynamoDB Local. DynamoDB Local
 *    reports a flat 2 units per TransactWriteItems whatever it holds, so the bench also counts the
 *    units DynamoDB bills for the items actually sent (2 per started KB of each item in a
 *    transaction; GSI copies excluded — the outbox item has no index attributes).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commitChange } from '../../functions/application/versionedChange';
import { getTenant } from '../../functions/platform/tenantStore';
import { putEntityWrite } from '../../functions/store/entityModel';
import { runWebhookDispatch } from '../../functions/webhooks/dispatcher';
import { webhookJobContext } from '../../functions/webhooks/webhookJobs';
import type { BenchApi } from './apiBench';
import { attachDynamoCounter } from './dynamoCounter';

export interface WebhookBenchFigures {
  events: number;
  eventsPerSecondDelivered: number;
  deliverySeconds: number;
  capacityUnitsPerMutationWithEvent: number;
  capacityUnitsPerMutationWithoutEvent: number;
  outboxCapacityUnitsPerMutation: number;
  /** Transactional write units of the items sent (2 per started KB per item), per mutation. */
  billedWriteUnitsPerMutationWithEvent: number;
  billedWriteUnitsPerMutationWithoutEvent: number;
  outboxBilledWriteUnitsPerMutation: number;
}

/** 2 write units per started KB of each item in a transaction (item size ≈ its JSON, names included). */
function attachTransactionBilling(client: BenchApi['deps']['dynamo']): { units(): number; reset(): void } {
  let units = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand') {
        const items = ((args.input as { TransactItems?: Record<string, { Item?: unknown; Key?: unknown }>[] }).TransactItems ?? []);
        for (const entry of items) {
          const operation = Object.values(entry)[0]!;
          const bytes = Buffer.byteLength(JSON.stringify(operation.Item ?? operation.Key ?? {}), 'utf8');
          units += 2 * Math.max(1, Math.ceil(bytes / 1024));
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchTransactionBilling' },
  );
  return { units: () => units, reset: () => { units = 0; } };
}

export async function runWebhookBench(api: BenchApi, log: (line: string) => void): Promise<WebhookBenchFigures> {
  const events = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 200);
  const mutations = Number(process.env.BENCH_WEBHOOK_MUTATIONS ?? 100);
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await api.call('POST', '/v1/webhook-endpoints', api.ownerKey, { url: `http://127.0.0.1:${port}/bench`, eventTypes: ['dataSubjectRequest.received'] });
    // Whatever earlier benches left in the outbox is published first, so it does not count here.
    await runWebhookDispatch(api.deps, { tenantId: api.tenantId });
    received = 0;
    const body = { channel: 'webForm', requester: { name: '基準請求人', email: 'bench-requester@example.com' }, items: [{ type: 'inquiry' }] };
    for (let i = 0; i < events; i += 1) await api.call('POST', '/v1/data-subject-requests', api.ownerKey, body);
    const started = performance.now();
    while (received < events) {
      const counts = await runWebhookDispatch(api.deps, { tenantId: api.tenantId });
      if (counts.eventsPublished === 0 && counts.attempts === 0) break;
    }
    const deliverySeconds = (performance.now() - started) / 1000;
    if (received < events) throw new Error(`webhook bench: ${received} of ${events} events delivered`);

    // The same one-record commit, with and without an event.
    const profile = (await getTenant(api.deps.controlPlane, api.tenantId))!;
    const context = await webhookJobContext(api.deps, profile);
    const counter = attachDynamoCounter(api.deps.dynamo);
    const billing = attachTransactionBilling(api.deps.dynamo);
    const billed: Record<string, number> = {};
    const measure = async (action: string) => {
      counter.reset();
      billing.reset();
      for (let i = 0; i < mutations; i += 1) {
        const id = `bench-${action}-${i}-${Date.now()}`;
        await commitChange(context, {
          changes: [{ action, resourceType: 'dataSubjectRequest', resourceId: id, before: null, after: { status: 'closed' } }],
          writes: [putEntityWrite(context.table.tableName, { pk: `BENCH#${id}`, sk: 'ITEM', entity: 'BenchRecord', version: 1 }, null)],
        }, 'create');
      }
      billed[action] = billing.units() / mutations;
      return counter.tally.capacityUnits / mutations;
    };
    const withoutEvent = await measure('bench.noEvent');
    const withEvent = await measure('dataSubjectRequest.close');
    const figures: WebhookBenchFigures = {
      events,
      eventsPerSecondDelivered: events / deliverySeconds,
      deliverySeconds,
      capacityUnitsPerMutationWithEvent: withEvent,
      capacityUnitsPerMutationWithoutEvent: withoutEvent,
      outboxCapacityUnitsPerMutation: withEvent - withoutEvent,
      billedWriteUnitsPerMutationWithEvent: billed['dataSubjectRequest.close']!,
      billedWriteUnitsPerMutationWithoutEvent: billed['bench.noEvent']!,
      outboxBilledWriteUnitsPerMutation: billed['dataSubjectRequest.close']! - billed['bench.noEvent']!,
    };
    log(`\n## Webhooks (${events} events to one receiver on 127.0.0.1, in-process drainer; ${mutations} commits per variant for the write cost)`);
    log('| events/s delivered | drain + deliver | units/mutation with event (Local counter) | without | outbox extra (Local) | transactional WCU billed with event | without | outbox extra (billed) |');
    log('|---|---|---|---|---|---|---|---|');
    log(`| ${figures.eventsPerSecondDelivered.toFixed(1)} | ${figures.deliverySeconds.toFixed(2)} s | ${withEvent.toFixed(2)} | ${withoutEvent.toFixed(2)} | ${figures.outboxCapacityUnitsPerMutation.toFixed(2)} | ${figures.billedWriteUnitsPerMutationWithEvent.toFixed(2)} | ${figures.billedWriteUnitsPerMutationWithoutEvent.toFixed(2)} | ${figures.outboxBilledWriteUnitsPerMutation.toFixed(2)} |`);
    log('DynamoDB Local reports a flat 2 units per TransactWriteItems; the billed columns count 2 WCU per started KB of each item sent.');
    return figures;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
