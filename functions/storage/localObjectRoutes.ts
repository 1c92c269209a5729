/**
 * The local stand-in for S3's pre-signed URLs: `PUT /local-objects/<key>?…&signature=…` stores the
 * bytes, `GET` returns them. Mounted by the local server and the test app next to the API (never in
 * AWS). Refusals are problem+json like the API's: 403 for an expired or wrong signature, 400 for a
 * key that tries to leave the objects folder, 413 for a body longer than the signed size.
 */
import { Hono, type Context } from 'hono';
import { LOCAL_OBJECTS_PATH, localObjectRefusals, type LocalObjectRefusal, type LocalObjectStore } from './localObjectStore';
import { contentDisposition } from './s3ObjectStore';

/** An RFC 9457 problem shaped like the API's (relative type URI, reason in both languages under `errors`). */
function refuse(c: Context, refusal: LocalObjectRefusal): Response {
  const { slug, status, title, code, reason } = localObjectRefusals[refusal];
  const requestId = (c.get as (key: string) => unknown)('requestId') as string | undefined;
  const body = {
    type: `/problems/${slug}`,
    title,
    status,
    detail: reason.zhTW,
    instance: new URL(c.req.url).pathname,
    ...(requestId ? { requestId } : {}),
    code,
    errors: [{ field: 'url', reason: reason.zhTW, reasonZhTW: reason.zhTW, reasonEn: reason.en }],
  };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

/** The key from the raw path: each segment decoded on its own, so `%2F` or `%2E%2E` cannot make a new one. */
function keyOf(url: string): string | undefined {
  const path = new URL(url).pathname.slice(LOCAL_OBJECTS_PATH.length + 1);
  try {
    const segments = path.split('/').map((segment) => decodeURIComponent(segment));
    return segments.some((segment) => segment.includes('/') || segment.includes('\\')) ? undefined : segments.join('/');
  } catch {
    return undefined;
  }
}

/** Reads at most `limit` bytes; undefined when the body is longer (stops reading there). */
async function readBounded(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function localObjectRoutes(store: LocalObjectStore): Hono {
  const app = new Hono();

  app.put(`${LOCAL_OBJECTS_PATH}/*`, async (c) => {
    const key = keyOf(c.req.url);
    if (!key) return refuse(c, 'key');
    const contentType = c.req.header('content-type') ?? '';
    const check = store.checkSignature({ purpose: 'upload', key, query: new URL(c.req.url).searchParams, contentType });
    if (!check.ok) return refuse(c, check.reason);
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > check.sizeBytes) return refuse(c, 'tooLarge');
    const bytes = await readBounded(c.req.raw.body, check.sizeBytes);
    if (!bytes) return refuse(c, 'tooLarge');
    await store.put(key, bytes, check.mediaType);
    return c.body(null, 200);
  });

  app.get(`${LOCAL_OBJECTS_PATH}/*`, async (c) => {
    const key = keyOf(c.req.url);
    if (!key) return refuse(c, 'key');
    const check = store.checkSignature({ purpose: 'download', key, query: new URL(c.req.url).searchParams });
    if (!check.ok) return refuse(c, check.reason);
    const bytes = await store.get(key);
    if (!bytes) return refuse(c, 'missing');
    const headers: Record<string, string> = { 'Content-Type': (await store.mediaTypeOf(key)) ?? 'application/octet-stream', 'Cache-Control': 'private, no-store' };
    if (check.fileName) headers['Content-Disposition'] = contentDisposition(check.fileName);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, headers);
  });

  return app;
}
