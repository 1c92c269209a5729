/**
 * Request overhead per route: the app (in-process `app.request`: auth, validation, audit,
 * idempotency, logging) vs the same DynamoDB calls made raw. The raw side replays, call for call,
 * what the app sent for that very request (captured at the client after marshalling), with
 * conditions dropped so a replay can repeat — the floor is "its raw DynamoDB calls".
 */
import {
  BatchGetItemCommand, BatchWriteItemCommand, DeleteItemCommand, GetItemCommand, PutItemCommand, QueryCommand,
  TransactGetItemsCommand, TransactWriteItemsCommand, UpdateItemCommand, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

type Input = Record<string, unknown>;
export interface CapturedCall { command: string; input: Input }

const COMMANDS: Record<string, new (input: never) => unknown> = {
  GetItemCommand, PutItemCommand, UpdateItemCommand, DeleteItemCommand, QueryCommand, BatchGetItemCommand,
  BatchWriteItemCommand, TransactGetItemsCommand, TransactWriteItemsCommand,
};

/** Records every data-plane call the client sends (marshalled input, by reference: the SDK builds a fresh one per call) while `recording` is on. */
export function attachCallRecorder(client: DynamoDBClient) {
  const state = { recording: false, calls: [] as CapturedCall[] };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      if (state.recording && COMMANDS[command]) state.calls.push({ command, input: args.input as Input });
      return next(args);
    },
    // After serialize: lib-dynamodb has marshalled its input by then.
    { step: 'build', name: 'benchCallRecorder' },
  );
  return {
    take<T>(run: () => Promise<T>): Promise<{ value: T; calls: CapturedCall[] }> {
      state.calls = [];
      state.recording = true;
      return run().then((value) => {
        state.recording = false;
        return { value, calls: state.calls };
      }, (error: unknown) => {
        state.recording = false;
        throw error;
      });
    },
  };
}

const ALWAYS = 'attribute_exists(#benchAny) OR attribute_not_exists(#benchAny)';

/** Drops a condition and the names/values only it used. */
function withoutCondition(input: Input): Input {
  const copy: Input = { ...input };
  delete copy.ConditionExpression;
  delete copy.ReturnValuesOnConditionCheckFailure;
  const used = ['UpdateExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'].map((k) => String(copy[k] ?? '')).join(' ');
  for (const [field, pattern] of [['ExpressionAttributeNames', /#[A-Za-z0-9_]+/g], ['ExpressionAttributeValues', /:[A-Za-z0-9_]+/g]] as const) {
    const entries = copy[field] as Record<string, unknown> | undefined;
    if (!entries) continue;
    const referenced = new Set(used.match(pattern) ?? []);
    const kept = Object.fromEntries(Object.entries(entries).filter(([k]) => referenced.has(k)));
    if (Object.keys(kept).length) copy[field] = kept;
    else delete copy[field];
  }
  return copy;
}

function replayable(call: CapturedCall): CapturedCall {
  if (call.command === 'TransactWriteItemsCommand') {
    const items = (call.input.TransactItems as Record<string, Input>[]).map((item) => {
      if (item.ConditionCheck) return { ConditionCheck: { TableName: item.ConditionCheck.TableName, Key: item.ConditionCheck.Key, ConditionExpression: ALWAYS, ExpressionAttributeNames: { '#benchAny': 'pk' } } };
      const [kind, body] = Object.entries(item)[0] as [string, Input];
      return { [kind]: withoutCondition(body) };
    });
    return { command: call.command, input: { ...call.input, ClientRequestToken: undefined, TransactItems: items } };
  }
  if (['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand'].includes(call.command)) return { command: call.command, input: withoutCondition(call.input) };
  return call;
}

export async function replayCalls(client: DynamoDBClient, calls: readonly CapturedCall[]): Promise<void> {
  for (const call of calls) {
    const Command = COMMANDS[call.command]!;
    await client.send(new Command(replayable(call).input as never) as never);
  }
}

export interface LatencySummary { p50Ms: number; p99Ms: number; meanMs: number }

export function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
  return { p50Ms: at(0.5), p99Ms: at(0.99), meanMs: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

export interface RouteFigures {
  route: string;
  iterations: number;
  api: LatencySummary;
  raw: LatencySummary;
  p50Ratio: number;
  p99Ratio: number;
  dynamoCallsPerRequest: number;
}

/**
 * Times `iterations` requests (after 10 warm-ups), interleaving each API request with the raw
 * replay of its own calls so both sides see the same DynamoDB Local state and load.
 */
export async function benchRoute(
  route: string,
  client: DynamoDBClient,
  recorder: ReturnType<typeof attachCallRecorder>,
  iterations: number,
  request: (i: number) => Promise<void>,
): Promise<RouteFigures> {
  const api: number[] = [];
  const raw: number[] = [];
  let calls = 0;
  for (let i = -10; i < iterations; i += 1) {
    const started = performance.now();
    const { calls: captured } = await recorder.take(() => request(i));
    const apiMs = performance.now() - started;
    const replayStarted = performance.now();
    await replayCalls(client, captured);
    const rawMs = performance.now() - replayStarted;
    if (i < 0) continue;
    api.push(apiMs);
    raw.push(rawMs);
    calls += captured.length;
  }
  const apiSummary = summarize(api);
  const rawSummary = summarize(raw);
  return {
    route, iterations, api: apiSummary, raw: rawSummary,
    p50Ratio: apiSummary.p50Ms / rawSummary.p50Ms,
    p99Ratio: apiSummary.p99Ms / rawSummary.p99Ms,
    dynamoCallsPerRequest: calls / iterations,
  };
}
