/**
 * Restoring a table (one tenant's, or the control plane) and proving the copy is whole before
 * anyone points at it. Backup/restore is an operator job, never a request path, so it reads with
 * Scan.
 *
 * - In AWS: PITR is on for every table (provisioning and the stack turn it on);
 *   `restoreToPointInTime` restores into a NEW table (DynamoDB never restores in place), turns
 *   PITR and deletion protection back on (a restored table does not inherit them), and the copy is
 *   verified like a local one before the tenant record is switched to it.
 * - Locally (DynamoDB Local has no PITR) and for archives: `snapshotTable` → `restoreSnapshot`
 *   into a new table → `verifyRestoredTable`.
 * Verification = same item count, same SHA-256 over the canonical items, and the audit chain
 * (tenant or platform) verifies in the copy.
 */
import {
  RestoreTableToPointInTimeCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { canonicalJson, sha256Hex } from '../../domain/audit/auditChain';
import { verifyStoredChain } from '../audit/auditStore';
import { ensureTable, pointInTimeRecoveryOn, waitForTable } from '../store/tenantTableProvisioning';

export interface TableSnapshot {
  tableName: string;
  takenAt: string;
  itemCount: number;
  itemsSha256: string;
  items: Record<string, unknown>[];
}

export interface RestoreVerification {
  tableName: string;
  itemCount: number;
  itemsSha256: string;
  countMatches: boolean;
  contentMatches: boolean;
  chain: Awaited<ReturnType<typeof verifyStoredChain>>;
  ok: boolean;
}

async function scanAll(doc: DynamoDBDocumentClient, tableName: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  // Key order, so the digest does not depend on the scan order of either table.
  return items.sort((a, b) => (`${a.pk}|${a.sk}` < `${b.pk}|${b.sk}` ? -1 : `${a.pk}|${a.sk}` > `${b.pk}|${b.sk}` ? 1 : 0));
}

export async function snapshotTable(doc: DynamoDBDocumentClient, tableName: string, takenAt: Date): Promise<TableSnapshot> {
  const items = await scanAll(doc, tableName);
  return { tableName, takenAt: takenAt.toISOString(), itemCount: items.length, itemsSha256: sha256Hex(canonicalJson(items)), items };
}

/** Creates `definition.TableName` (it must not hold data yet) and writes every item of the snapshot. */
export async function restoreSnapshot(client: DynamoDBClient, doc: DynamoDBDocumentClient, snapshot: TableSnapshot, definition: CreateTableCommandInput): Promise<void> {
  await ensureTable(client, definition);
  const tableName = definition.TableName!;
  for (let start = 0; start < snapshot.items.length; start += 25) {
    let pending = snapshot.items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length; attempt += 1) {
      if (attempt > 8) throw new Error(`restore into ${tableName}: items still unprocessed after ${attempt} attempts`);
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
      if (pending.length) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/** Compares the restored table with what it should hold and verifies its audit chain. */
export async function verifyRestoredTable(doc: DynamoDBDocumentClient, tableName: string, expected: { itemCount: number; itemsSha256: string }): Promise<RestoreVerification> {
  const items = await scanAll(doc, tableName);
  const itemsSha256 = sha256Hex(canonicalJson(items));
  const chain = await verifyStoredChain({ doc, tableName });
  const countMatches = items.length === expected.itemCount;
  const contentMatches = itemsSha256 === expected.itemsSha256;
  return { tableName, itemCount: items.length, itemsSha256, countMatches, contentMatches, chain, ok: countMatches && contentMatches && chain.valid };
}

/**
 * The AWS calls of a point-in-time restore, as data: restore into the NEW table `target`, then
 * protect it again (a restored table inherits neither PITR nor deletion protection).
 */
export function pointInTimeRestorePlan(source: string, target: string, restoreAt: Date) {
  return {
    restore: { SourceTableName: source, TargetTableName: target, RestoreDateTime: restoreAt },
    protect: { pointInTimeRecovery: pointInTimeRecoveryOn(target), deletionProtection: { TableName: target, DeletionProtectionEnabled: true } },
  };
}

/** AWS only (DynamoDB Local has no PITR): runs pointInTimeRestorePlan. */
export async function restoreToPointInTime(client: DynamoDBClient, source: string, target: string, restoreAt: Date): Promise<void> {
  const plan = pointInTimeRestorePlan(source, target, restoreAt);
  await client.send(new RestoreTableToPointInTimeCommand(plan.restore));
  await waitForTable(client, target, 'ACTIVE', 60 * 60_000);
  await client.send(new UpdateContinuousBackupsCommand(plan.protect.pointInTimeRecovery));
  await client.send(new UpdateTableCommand(plan.protect.deletionProtection));
}
