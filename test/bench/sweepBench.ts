/**
 * The review sweep across many tenants: does its cost follow the due items or the total data?
 *
 * Fixture (counts from the environment): BENCH_SWEEP_TENANTS tenants (default 100), each with
 * BENCH_SWEEP_DUTIES yearly duties (default 50), of which BENCH_SWEEP_DUE fall due within the
 * 30-day horizon (default 3). Then the same tenants get BENCH_SWEEP_FACTOR× (default 10) as many
 * duties and tasks, none due. Duties and tasks are written straight to the tables (a fixture, not
 * product mutations); tenants are onboarded through the API.
 *
 * Measured for (a) few due and (b) the same tenants with 10× non-due data:
 *  - first sweep of the day (reads + reminder records + mails), and
 *  - a repeat of the same day (idempotent: reads only, nothing sent),
 * as wall time per tenant and DynamoDB read/write capacity units per tenant (ReturnConsumedCapacity
 * TOTAL through a counting middleware on the client). Before (b) the reminders (a) recorded are
 * deleted so (b) sends exactly what (a) sent.
 */
import { randomBytes } from 'node:crypto';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isValidTaxId } from '../../domain/shared/taxId';
import type { Duty } from '../../domain/reviews/duty';
import { openTask } from '../../domain/reviews/reviewTask';
import { addDays, zonedInstant, type IsoDate } from '../../domain/shared/isoDate';
import { createApiApp } from '../../functions/http/app';
import { allAreas } from '../../functions/apps/areas';
import { createLocalDeps } from '../../functions/local/localDeps';
import { createMemoryTransport } from '../../functions/mail/memoryTransport';
import { dutyItem, taskItem } from '../../functions/reviews/dutyStore';
import { reminderKeys, reviewAccess } from '../../functions/reviews/reviewEntities';
import { queryItems } from '../../functions/store/entityModel';
import { runReviewSweep } from '../../functions/reviews/sweep';
import { bootstrapPlatformOperator, ensureControlPlane } from '../../functions/runtime/bootstrap';
import { silentLogger } from '../../functions/runtime/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

function taxId(): string {
  for (;;) {
    const candidate = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
    if (isValidTaxId(candidate)) return candidate;
  }
}

async function inParallel<T>(items: readonly T[], concurrency: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await run(items[index]!, index);
    }
  }));
}

async function batchWrite(doc: DynamoDBDocumentClient, tableName: string, requests: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = requests.slice(i, i + 25);
    for (let attempt = 0; pending && pending.length > 0; attempt += 1) {
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = result.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
      if (pending?.length) await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    }
  }
}

function benchDuty(index: number, anchorDate: IsoDate, prefix: string): Duty {
  return {
    dutyId: `duty:${prefix}${index}|organization|self`,
    dutyKind: `${prefix}${index}`,
    subject: { kind: 'organization', id: 'self' },
    title: { zhTW: `定期檢視 ${prefix}${index}`, en: `Periodic review ${prefix}${index}` },
    legalBasis: { zhTW: '安全維護辦法第13條', en: 'Security maintenance regulation Art. 13' },
    frequency: { every: 1, unit: 'year' },
    owner: { role: 'privacyOfficer' },
    source: 'plan',
    anchorDate,
    lastCompletedOn: null,
    urgent: false,
    retiredOn: null,
  };
}

function dutyWithTask(duty: Duty): Record<string, unknown>[] {
  return [
    { PutRequest: { Item: dutyItem({ ...duty, version: 1 }) } },
    { PutRequest: { Item: taskItem({ ...openTask(duty, duty.anchorDate), version: 1, dueAt: null, resourcePath: null }) } },
  ];
}

const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'ScanCommand', 'TransactGetItemsCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

/**
 * Asks every data-plane call for ReturnConsumedCapacity TOTAL and sums it by kind. DynamoDB Local
 * reports only CapacityUnits (no read/write split), so the command decides which column it is.
 */
function attachCapacityCounter(client: DynamoDBClient) {
  const tally = { calls: 0, rcu: 0, wcu: 0, byCommand: {} as Record<string, number> };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const counted = READS.has(command) || WRITES.has(command);
      if (counted) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      if (!counted) return result;
      tally.calls += 1;
      tally.byCommand[command] = (tally.byCommand[command] ?? 0) + 1;
      const consumed = [(result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity].flat().filter(Boolean) as { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number }[];
      for (const entry of consumed) {
        const units = entry.CapacityUnits ?? (entry.ReadCapacityUnits ?? 0) + (entry.WriteCapacityUnits ?? 0);
        if (READS.has(command)) tally.rcu += units;
        else tally.wcu += units;
      }
      return result;
    },
    { step: 'initialize', name: 'sweepBenchCapacity' },
  );
  return {
    tally,
    reset() {
      tally.calls = 0;
      tally.rcu = 0;
      tally.wcu = 0;
      tally.byCommand = {};
    },
  };
}

interface Measurement {
  label: string;
  tenants: number;
  ms: number;
  rcu: number;
  wcu: number;
  calls: number;
  tasksSeen: number;
  reminders: number;
  mails: number;
  byCommand: Record<string, number>;
}

export async function runSweepBench(endpoint: string, log: (line: string) => void = console.log) {
  const tenantCount = envInt('BENCH_SWEEP_TENANTS', 100);
  const dutiesPerTenant = envInt('BENCH_SWEEP_DUTIES', 50);
  const duePerTenant = Math.min(envInt('BENCH_SWEEP_DUE', 3), dutiesPerTenant);
  const factor = envInt('BENCH_SWEEP_FACTOR', 10);
  const asOfDate: IsoDate = '2027-01-15';
  const asOf = new Date(zonedInstant(asOfDate, '09:00', 'Asia/Taipei'));
  const started = performance.now();

  const suffix = randomBytes(3).toString('hex');
  const mailer = createMemoryTransport();
  const deps = createLocalDeps({
    endpoint,
    controlPlaneTable: `sweepbench-cp-${suffix}`,
    tenantTablePrefix: `sweep${suffix}-`,
    masterKey: randomBytes(32),
    cursorSecret: randomBytes(32),
    logger: silentLogger,
    publicBaseUrl: 'http://localhost:3000',
    clock: () => asOf,
    mailer,
  });
  await ensureControlPlane(deps.dynamo, deps.controlPlane.tableName);
  const operatorKey = (await bootstrapPlatformOperator(deps.controlPlane.doc, deps.controlPlane.tableName, deps.clock))!;
  const app = createApiApp(deps, allAreas);
  const doc = deps.controlPlane.doc;

  // Tenants through the API (their own tables), then the duty fixture straight into each table.
  const tenants: { tenantId: string; tableName: string }[] = [];
  let onboardingRetries = 0;
  await inParallel(Array.from({ length: tenantCount }, (_, i) => i), 6, async (i) => {
    const onboard = () => app.request('/v1/platform/tenants', {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ companyName: `掃描測試${i}股份有限公司`, taxId: taxId(), sector: 'digitalEconomy', paidInCapital: 1e7, personalDataRecordCount: 6000, contact: { name: '測試', email: `dpo${i}@example.com` } }),
    });
    let response = await onboard();
    // 503 = the platform audit chain stayed contended (Retry-After); a client retries, so does the bench.
    for (let attempt = 0; response.status === 503 && attempt < 5; attempt += 1) {
      onboardingRetries += 1;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      response = await onboard();
    }
    if (response.status !== 201) throw new Error(`onboarding failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { tenantId: string; tableName?: string };
    tenants.push({ tenantId: body.tenantId, tableName: `${deps.provisioning.tenantTablePrefix}${body.tenantId}` });
  });
  const onboarded = performance.now();

  const dueDate = addDays(asOfDate, 30);
  const dueDutyIds = Array.from({ length: duePerTenant }, (_, i) => benchDuty(i, dueDate, 'benchDue').dutyId);
  await inParallel(tenants, 6, async (tenant) => {
    const items: Record<string, unknown>[] = [
      // The tenant has a plan: the sweep must not add the default duties to the fixture.
      { PutRequest: { Item: { ...reminderKeys.defaultsApplied(), entity: 'DefaultDutiesMarker', appliedOn: asOfDate, created: 0, version: 1 } } },
    ];
    for (let i = 0; i < dutiesPerTenant; i += 1) {
      const due = i < duePerTenant;
      items.push(...dutyWithTask(due ? benchDuty(i, dueDate, 'benchDue') : benchDuty(i, addDays(asOfDate, 60 + (i % 280)), 'benchLater')));
    }
    await batchWrite(doc, tenant.tableName, items);
  });
  const seeded = performance.now();

  const counter = attachCapacityCounter(deps.dynamo);
  const measure = async (label: string): Promise<Measurement> => {
    counter.reset();
    const sentBefore = mailer.sent.length;
    const t0 = performance.now();
    const summary = await runReviewSweep(deps, { asOf });
    const ms = performance.now() - t0;
    if (summary.tenantsFailed > 0) throw new Error(`${summary.tenantsFailed} tenants failed`);
    return {
      label,
      tenants: summary.tenants,
      ms,
      rcu: counter.tally.rcu,
      wcu: counter.tally.wcu,
      calls: counter.tally.calls,
      tasksSeen: summary.tasksSeen,
      reminders: summary.remindersSent,
      mails: mailer.sent.length - sentBefore,
      byCommand: { ...counter.tally.byCommand },
    };
  };

  const results: Measurement[] = [];
  results.push(await measure(`(a) ${dutiesPerTenant} duties, ${duePerTenant} due — first run of the day`));
  results.push(await measure('(a) same day again (idempotent)'));

  // Forget (a)'s reminders so (b) sends exactly the same, then add the non-due data.
  await inParallel(tenants, 10, async (tenant) => {
    const deletes: Record<string, unknown>[] = [];
    for (const dutyId of dueDutyIds) {
      const records = await queryItems({ doc, tableName: tenant.tableName }, reviewAccess.remindersOfTask(`${dutyId}#${dueDate}`));
      for (const record of records) {
        deletes.push({ DeleteRequest: { Key: { pk: record.pk, sk: record.sk } } }, { DeleteRequest: { Key: reminderKeys.mail(record.mailId as string) } });
        deletes.push({ DeleteRequest: { Key: reminderKeys.digest(asOfDate, (record.recipient as { email: string }).email) } });
      }
    }
    const unique = [...new Map(deletes.map((d) => [JSON.stringify(d), d])).values()];
    await batchWrite(doc, tenant.tableName, unique);
    const extra: Record<string, unknown>[] = [];
    for (let i = 0; i < dutiesPerTenant * (factor - 1); i += 1) extra.push(...dutyWithTask(benchDuty(i, addDays(asOfDate, 45 + (i % 300)), 'benchExtra')));
    await batchWrite(doc, tenant.tableName, extra);
  });
  const grown = performance.now();

  results.push(await measure(`(b) ${dutiesPerTenant * factor} duties (${factor}×), ${duePerTenant} due — first run of the day`));
  results.push(await measure('(b) same day again (idempotent)'));

  const per = (value: number, m: Measurement) => (value / m.tenants).toFixed(2);
  log(`## Review sweep: ${tenantCount} tenants × ${dutiesPerTenant} duties (${duePerTenant} due within 30 days), then ${factor}× non-due data`);
  log(`(onboarding ${((onboarded - started) / 1000).toFixed(1)} s, fixture ${((seeded - onboarded) / 1000).toFixed(1)} s, growing to ${factor}× ${((grown - seeded) / 1000).toFixed(1)} s; DynamoDB Local, in-memory)\n`);
  log('| run | ms / tenant | RCU / tenant | WCU / tenant | DynamoDB calls / tenant | tasks seen | reminders | mails |');
  log('|---|---|---|---|---|---|---|---|');
  for (const m of results) {
    log(`| ${m.label} | ${(m.ms / m.tenants).toFixed(2)} | ${per(m.rcu, m)} | ${per(m.wcu, m)} | ${per(m.calls, m)} | ${m.tasksSeen} | ${m.reminders} | ${m.mails} |`);
  }
  const [a1, a2, b1, b2] = results as [Measurement, Measurement, Measurement, Measurement];
  const ratio = (b: number, a: number) => (a === 0 ? 'n/a' : `${(b / a).toFixed(2)}×`);
  log(`\n(b)/(a) with ${factor}× the data: first run RCU ${ratio(b1.rcu, a1.rcu)}, WCU ${ratio(b1.wcu, a1.wcu)}, time ${ratio(b1.ms, a1.ms)}; repeat run RCU ${ratio(b2.rcu, a2.rcu)}, time ${ratio(b2.ms, a2.ms)}`);
  log(`calls in (a) first run: ${JSON.stringify(a1.byCommand)}`);
  log(`calls in (b) first run: ${JSON.stringify(b1.byCommand)}\n`);
  const perTenant = (m: Measurement) => ({ label: m.label, msPerTenant: m.ms / m.tenants, rcuPerTenant: m.rcu / m.tenants, wcuPerTenant: m.wcu / m.tenants, callsPerTenant: m.calls / m.tenants, tasksSeen: m.tasksSeen, reminders: m.reminders, mails: m.mails });
  return {
    tenants: tenantCount, dutiesPerTenant, duePerTenant, factor, onboardingRetries,
    onboardingSeconds: (onboarded - started) / 1000,
    runs: results.map(perTenant),
    growthRatios: { firstRunRcu: b1.rcu / a1.rcu, firstRunWcu: b1.wcu / a1.wcu, firstRunTime: b1.ms / a1.ms, repeatRunRcu: b2.rcu / a2.rcu, repeatRunTime: b2.ms / a2.ms },
  };
}
