/** Errors as typed RFC 9457 problems, and paginate() following the API's cursors. */
import { describe, expect, it } from 'vitest';
import { createComplianceClient, ProblemError } from '../../../openapi/client';
import { fakeApi, json, problem } from './fakeApi';

describe('problems', () => {
  it('throws a ProblemError with the problem as sent: type, title, status, detail, code and per-field reasons in zh-TW and en', async () => {
    const sent = {
      type: 'http://localhost:3000/problems/validation-error',
      title: '請求內容不正確',
      detail: '一個或多個欄位不符合規格',
      code: 'INVALID',
      requestId: 'req-1',
      errors: [{ field: 'body.discoveredAt', reason: '須為 ISO 8601 時間', reasonZhTW: '須為 ISO 8601 時間', reasonEn: 'Must be an ISO 8601 instant' }],
    };
    const api = fakeApi(() => problem(400, sent));
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    const error = (await client.POST('/v1/incidents', { body: {} as never }).catch((e: unknown) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.name).toBe('ProblemError');
    expect(error.problem).toEqual({ status: 400, ...sent });
    expect([error.status, error.type, error.code]).toEqual([400, sent.type, 'INVALID']);
    expect(error.fieldError('body.discoveredAt')).toEqual(sent.errors[0]);
    expect(error.fieldError('body.title')).toBeUndefined();
    expect(error.message).toBe('400 請求內容不正確: 一個或多個欄位不符合規格 (INVALID)');
    expect(error.response.status).toBe(400);
  });

  it('makes a minimal problem of a body that is not one (a proxy page, an empty answer)', async () => {
    const api = fakeApi(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }),
      () => new Response('', { status: 404 }),
    );
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    const gateway = (await client.GET('/v1/incidents').catch((e: unknown) => e)) as ProblemError;
    expect(gateway.problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: '<html>Bad gateway</html>' });
    const empty = (await client.GET('/v1/incidents').catch((e: unknown) => e)) as ProblemError;
    expect(empty.problem).toEqual({ type: 'about:blank', title: 'HTTP 404', status: 404 });
    expect(empty.errors).toEqual([]);
  });

  it('the raw client answers { error } instead of throwing', async () => {
    const api = fakeApi(() => problem(404, { type: '/problems/not-found', title: '找不到資源' }));
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    const result = await client.raw.GET('/v1/incidents/{incidentId}', { params: { path: { incidentId: 'inc_x' } } });
    expect(result.error).toMatchObject({ status: 404, title: '找不到資源' });
  });
});

describe('paginate', () => {
  it('follows nextCursor page after page, keeping the filters and the page size, and stops at null', async () => {
    const api = fakeApi(
      () => json({ items: [{ id: 'a' }, { id: 'b' }], nextCursor: 'c1' }),
      () => json({ items: [{ id: 'c' }], nextCursor: 'c2' }),
      () => json({ items: [], nextCursor: null }),
    );
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    const ids: string[] = [];
    for await (const incident of client.paginate('/v1/incidents', { params: { query: { limit: 2, status: 'open' } as never } })) ids.push(incident.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(api.seen.map((r) => Object.fromEntries(new URLSearchParams(r.search)))).toEqual([
      { limit: '2', status: 'open' },
      { limit: '2', status: 'open', cursor: 'c1' },
      { limit: '2', status: 'open', cursor: 'c2' },
    ]);
  });

  it('stops early when the caller breaks, and throws the problem of a refused page', async () => {
    const firstPage = () => json({ items: [{ id: 'a' }, { id: 'b' }], nextCursor: 'c1' });
    const api = fakeApi(
      firstPage,
      firstPage,
      () => problem(400, { type: '/problems/invalid-cursor', title: '分頁游標無效', errors: [{ field: 'query.cursor', reason: '游標無效', reasonZhTW: '游標無效', reasonEn: 'The cursor is invalid' }] }),
    );
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    for await (const incident of client.paginate('/v1/incidents')) {
      expect(incident.id).toBe('a');
      break;
    }
    expect(api.seen).toHaveLength(1);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const incident of client.paginate('/v1/incidents')) seen.push(incident.id);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a', 'b']);
    expect((error as ProblemError).fieldError('query.cursor')?.reasonEn).toBe('The cursor is invalid');
  });
});
