/**
 * The handle every store function takes: one table (a tenant's own, or the control plane) and a
 * client allowed to reach it. Passed as one value, never as `(doc, tableName)`.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface TableRef {
  doc: DynamoDBDocumentClient;
  tableName: string;
}
