/** Retries of 429/503: Retry-After honoured, exponential backoff with jitter, bounded, POST only with its key. */
import { describe, expect, it } from 'vitest';
import { createComplianceClient, ProblemError, retryAfterMilliseconds } from '../../../openapi/client';
import { fakeApi, json, problem, recordedSleep } from './fakeApi';

const busy = (headers: Record<string, string> = {}) => () => problem(503, { type: '/problems/temporarily-busy', title: '系統忙碌，請稍後重試' }, headers);
const throttled = (retryAfter: string) => () => problem(429, { type: '/problems/too-many-requests', title: '請求過於頻繁' }, { 'retry-after': retryAfter });

describe('retries', () => {
  it('retries a 429 after the Retry-After it names, plus jitter below one base step', async () => {
    const api = fakeApi(throttled('2'), () => json({ items: [], nextCursor: null }));
    const clock = recordedSleep();
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch, retry: { sleep: clock.sleep, random: () => 0.5, baseDelayMs: 100 } });
    const { data } = await client.GET('/v1/incidents');
    expect(data.items).toEqual([]);
    expect(api.seen).toHaveLength(2);
    expect(clock.waits).toEqual([2050]);
  });

  it('backs off exponentially with jitter on 503 without Retry-After, and gives up after maxAttempts with the problem', async () => {
    const api = fakeApi(busy());
    const clock = recordedSleep();
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch, retry: { sleep: clock.sleep, random: () => 1, baseDelayMs: 100, maxAttempts: 4 } });
    const error = await client.GET('/v1/incidents').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(503);
    expect(api.seen).toHaveLength(4);
    // Equal jitter: half the step plus up to half again; random() = 1 → the full step 100, 200, 400.
    expect(clock.waits).toEqual([100, 200, 400]);
  });

  it('jitter spreads the waits: with random() = 0 each wait is half its step', async () => {
    const api = fakeApi(busy(), busy(), () => json({ items: [], nextCursor: null }));
    const clock = recordedSleep();
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch, retry: { sleep: clock.sleep, random: () => 0, baseDelayMs: 100 } });
    await client.GET('/v1/incidents');
    expect(clock.waits).toEqual([50, 100]);
  });

  it('retries a POST with the same Idempotency-Key and the same body', async () => {
    const api = fakeApi(busy({ 'retry-after': '1' }), () => json({ id: 'inc_1' }, 201));
    const clock = recordedSleep();
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch, retry: { sleep: clock.sleep } });
    await client.POST('/v1/incidents', { body: { title: '資料庫遭入侵' } as never });
    expect(api.seen).toHaveLength(2);
    expect(api.seen[1]!.headers.get('idempotency-key')).toBe(api.seen[0]!.headers.get('idempotency-key'));
    expect(api.seen[1]!.body).toBe(api.seen[0]!.body);
    expect(JSON.parse(api.seen[1]!.body)).toEqual({ title: '資料庫遭入侵' });
  });

  it('does not retry a POST whose Idempotency-Key was removed, nor other statuses, nor when turned off', async () => {
    const clock = recordedSleep();
    const withoutKey = fakeApi(busy());
    const raw = createComplianceClient({ baseUrl: 'http://api.test', fetch: withoutKey.fetch, retry: { sleep: clock.sleep } }).raw;
    const result = await raw.POST('/v1/incidents', { body: {} as never, headers: { 'Idempotency-Key': null } as never, middleware: [{ onRequest: ({ request }) => { request.headers.delete('idempotency-key'); return request; } }] });
    expect(result.response.status).toBe(503);
    expect(withoutKey.seen).toHaveLength(1);

    const serverError = fakeApi(() => problem(500, { type: '/problems/internal-error', title: '系統錯誤' }));
    await expect(createComplianceClient({ baseUrl: 'http://api.test', fetch: serverError.fetch, retry: { sleep: clock.sleep } }).GET('/v1/incidents')).rejects.toBeInstanceOf(ProblemError);
    expect(serverError.seen).toHaveLength(1);

    const off = fakeApi(busy());
    await expect(createComplianceClient({ baseUrl: 'http://api.test', fetch: off.fetch, retry: false }).GET('/v1/incidents')).rejects.toBeInstanceOf(ProblemError);
    expect(off.seen).toHaveLength(1);
    expect(clock.waits).toEqual([]);
  });

  it('returns a Retry-After longer than maxDelayMs to the caller instead of waiting it out', async () => {
    const api = fakeApi(throttled('3600'));
    const clock = recordedSleep();
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch, retry: { sleep: clock.sleep, maxDelayMs: 10_000 } });
    const error = (await client.GET('/v1/incidents').catch((e: unknown) => e)) as ProblemError;
    expect(error.status).toBe(429);
    expect(error.response.headers.get('retry-after')).toBe('3600');
    expect(api.seen).toHaveLength(1);
    expect(clock.waits).toEqual([]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-06T08:00:00Z');
    expect(retryAfterMilliseconds('5', now)).toBe(5000);
    expect(retryAfterMilliseconds('Sun, 06 Dec 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMilliseconds('Sun, 06 Dec 2026 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMilliseconds('soon', now)).toBeUndefined();
    expect(retryAfterMilliseconds(null, now)).toBeUndefined();
  });
});
