/** Counts DynamoDB calls and consumed capacity on a client (asks for ReturnConsumedCapacity on every call). */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoTally {
  calls: number;
  byCommand: Record<string, number>;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  capacityUnits: number;
}

export function attachDynamoCounter(client: DynamoDBClient): { tally: DynamoTally; reset(): void } {
  const tally: DynamoTally = { calls: 0, byCommand: {}, readCapacityUnits: 0, writeCapacityUnits: 0, capacityUnits: 0 };
  // A later step's counter takes over from an earlier one on the same client (one count per call).
  client.middlewareStack.remove('benchDynamoCounter');
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      const command = context.commandName ?? 'unknown';
      if (!['ListTablesCommand', 'DescribeTableCommand', 'CreateTableCommand', 'DeleteTableCommand', 'UpdateTimeToLiveCommand'].includes(command)) {
        input.ReturnConsumedCapacity = 'TOTAL';
      }
      const result = await next(args);
      tally.calls += 1;
      tally.byCommand[command] = (tally.byCommand[command] ?? 0) + 1;
      const output = result.output as { ConsumedCapacity?: unknown };
      const consumed = [output.ConsumedCapacity].flat().filter(Boolean) as { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number }[];
      for (const entry of consumed) {
        tally.capacityUnits += entry.CapacityUnits ?? 0;
        tally.readCapacityUnits += entry.ReadCapacityUnits ?? 0;
        tally.writeCapacityUnits += entry.WriteCapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'benchDynamoCounter' },
  );
  return {
    tally,
    reset() {
      tally.calls = 0;
      tally.byCommand = {};
      tally.readCapacityUnits = 0;
      tally.writeCapacityUnits = 0;
      tally.capacityUnits = 0;
    },
  };
}
