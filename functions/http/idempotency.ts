/**
 * Idempotency-Key on POST: the same key with the same body returns the original response and
 * creates nothing new; the same key with a different body is a 422. Records live 24 h in the
 * table the request writes to (the tenant's own, or the control plane for operator calls).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { canonicalJson, sha256Hex } from '../../domain/audit/auditChain';
import { IdempotencyRaceError, idempotencyRecordItem, type IdempotencyClaim } from '../store/auditedCommit';
import { TTL_ATTRIBUTE, tenantKeys } from '../store/tableDesign';
import type { ApiEnv } from './context';
import { ApiProblem } from './problem';

const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,200}$/;
const SCOPE = 'api';

function storeOf(c: Parameters<MiddlewareHandler<ApiEnv>>[0]) {
  const tenant = c.get('tenant');
  if (tenant) return { doc: tenant.doc, tableName: tenant.tableName };
  const deps = c.get('deps');
  return { doc: deps.controlPlane.doc, tableName: deps.controlPlane.tableName };
}

/**
 * Hashes the request as sent. The body is read as bytes (Hono derives later json()/text() reads
 * from the first cached read, and bytes survive that where text would corrupt an upload such as
 * an XLSX); JSON is hashed canonically so key order and spacing do not make a different request.
 */
async function requestHash(c: Parameters<MiddlewareHandler<ApiEnv>>[0]): Promise<string> {
  const bytes = Buffer.from(await c.req.arrayBuffer());
  const path = new URL(c.req.url).pathname;
  if ((c.req.header('content-type') ?? '').includes('json')) {
    try {
      const body: unknown = bytes.length ? JSON.parse(bytes.toString('utf8')) : null;
      return sha256Hex(canonicalJson({ method: c.req.method, path, body }));
    } catch {
      // Not valid JSON: hash the bytes; the validator rejects the body anyway.
    }
  }
  return sha256Hex(canonicalJson({ method: c.req.method, path, bodySha256: createHash('sha256').update(bytes).digest('hex') }));
}

export function idempotency(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new ApiProblem('validationError', {
        errors: [{ field: 'header.Idempotency-Key', reason: { zhTW: '須為 8–200 個英數字元或 _-:.', en: 'Must be 8–200 characters of A–Z, a–z, 0–9, _-:.' } }],
      });
    }
    const store = storeOf(c);
    const hash = await requestHash(c);
    const nowEpoch = Math.floor(c.get('deps').clock().getTime() / 1000);

    const replay = async () => {
      const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: tenantKeys.idempotency(SCOPE, key), ConsistentRead: true }));
      if (!Item || (Item[TTL_ATTRIBUTE] as number) < nowEpoch) return undefined;
      if (Item.requestHash !== hash) throw new ApiProblem('idempotencyKeyReused');
      const response = c.json(JSON.parse(Item.responseBody as string), Item.responseStatus as 200);
      response.headers.set('Idempotent-Replayed', 'true');
      return response;
    };

    const earlier = await replay();
    if (earlier) return earlier;

    const claim: IdempotencyClaim = { key, scope: SCOPE, requestHash: hash, stored: false };
    c.set('idempotency', claim);
    await next();

    if (c.error instanceof IdempotencyRaceError) {
      // A concurrent request with this key committed first: answer with its response.
      const replayed = await replay();
      if (replayed) c.res = replayed;
      else throw new ApiProblem('idempotencyInProgress');
      return;
    }
    if (!claim.stored && c.res.status >= 200 && c.res.status < 300 && c.res.headers.get('content-type')?.includes('json')) {
      // The handler's commit did not carry the response (e.g. multi-step onboarding): store it now.
      const body: unknown = await c.res.clone().json();
      await store.doc
        .send(new PutCommand({
          TableName: store.tableName,
          Item: idempotencyRecordItem(claim, { status: c.res.status, body: redactSecrets(body) }, c.get('deps').clock().toISOString()),
          ConditionExpression: 'attribute_not_exists(pk)',
        }))
        .catch(() => undefined);
    }
  };
}

/** A replay never hands out a one-time secret again (API keys, questionnaire tokens). */
export function redactSecrets(body: unknown): unknown {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'secret' in body) {
    return { ...(body as Record<string, unknown>), secret: null, secretRedacted: true };
  }
  return body;
}
