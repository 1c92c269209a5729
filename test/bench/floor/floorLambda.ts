/**
 * The floor every API Lambda is measured against (issue #16): hono + @aws-sdk/lib-dynamodb and
 * one GetItem, bundled with the same options as the real Lambdas (infra/lambdaBundling.ts).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = new Hono();
app.get('/v1/floor', async (c) => {
  const result = await doc.send(new GetCommand({ TableName: process.env.CONTROL_PLANE_TABLE!, Key: { pk: c.req.query('pk') ?? 'FLOOR', sk: c.req.query('sk') ?? 'FLOOR' } }));
  return c.json({ found: Boolean(result.Item) });
});

export const handler = handle(app);
