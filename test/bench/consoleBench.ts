/**
 * The console's dashboard vs the API calls it makes: each sample renders /console for a signed-in
 * owner (in-process, as `npm start` serves it) while counting the API requests the page makes and
 * the time they take. The ratio says what the console adds on top of the API (rendering, session,
 * client) — the calls run in parallel, so the API side is measured as the span from the first
 * call's start to the last call's end, next to the plain sum.
 */
import { randomBytes } from 'node:crypto';
import { createConsoleApp } from '../../functions/console/consoleApp';
import { consoleSessionKey } from '../../functions/console/consoleSettings';
import type { BenchApi } from './apiBench';

export interface ConsoleBenchResult {
  iterations: number;
  apiCallsPerPage: number;
  dashboardP50Ms: number;
  dashboardP99Ms: number;
  apiSpanP50Ms: number;
  apiSumP50Ms: number;
  /** Dashboard server time / API span (p50 of the per-sample ratio). */
  ratioP50: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export async function runConsoleBench(api: BenchApi, iterations: number): Promise<ConsoleBenchResult> {
  const baseUrl = 'http://localhost:3000';
  let calls: { start: number; end: number }[] = [];
  const consoleApp = createConsoleApp({
    apiBaseUrl: baseUrl,
    apiKeySignIn: true,
    sessionKey: consoleSessionKey(randomBytes(32)),
    apiFetch: async (request) => {
      const start = performance.now();
      const response = await api.app.fetch(request);
      // The body is read here so the call's time includes producing it.
      const body = await response.arrayBuffer();
      calls.push({ start, end: performance.now() });
      return new Response(body, { status: response.status, headers: response.headers });
    },
  });
  const signIn = await consoleApp.request(`${baseUrl}/console/sign-in/api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({ apiKey: api.ownerKey, next: '/console' }).toString(),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (signIn.status !== 303 || !cookie.startsWith('pdpa_console_session=')) throw new Error(`console sign-in failed: ${signIn.status}`);

  const render = async () => {
    calls = [];
    const start = performance.now();
    const response = await consoleApp.request(`${baseUrl}/console`, { headers: { cookie } });
    await response.text();
    const total = performance.now() - start;
    if (response.status !== 200) throw new Error(`dashboard answered ${response.status}`);
    const span = calls.length ? Math.max(...calls.map((c) => c.end)) - Math.min(...calls.map((c) => c.start)) : 0;
    const sum = calls.reduce((s, c) => s + (c.end - c.start), 0);
    return { total, span, sum, count: calls.length };
  };
  for (let i = 0; i < 5; i += 1) await render();
  const samples = [];
  for (let i = 0; i < iterations; i += 1) samples.push(await render());
  return {
    iterations,
    apiCallsPerPage: samples[0]?.count ?? 0,
    dashboardP50Ms: percentile(samples.map((s) => s.total), 50),
    dashboardP99Ms: percentile(samples.map((s) => s.total), 99),
    apiSpanP50Ms: percentile(samples.map((s) => s.span), 50),
    apiSumP50Ms: percentile(samples.map((s) => s.sum), 50),
    ratioP50: percentile(samples.map((s) => (s.span > 0 ? s.total / s.span : Number.NaN)), 50),
  };
}
