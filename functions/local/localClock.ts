/**
 * The stack's clock in local mode only, for scenario tests and demos that need an "as of" date
 * in the future. Setting it moves "now" to that instant, after which it runs on in real time
 * (events keep their order); clearing it returns to the real clock. Everything that asks the
 * clock — receipts and discoveries refused when later than "now", deadlines, sweeps — sees the
 * simulated time. The AWS wiring never creates one: there the clock is the real one and the
 * setting does not exist.
 *
 * Set it with `npm start -- --clock=2026-06-01T09:00:00+08:00` (or PDPA_LOCAL_CLOCK), or at run
 * time with `POST /local/clock {"asOf": "…"}` / `DELETE /local/clock` as the platform operator.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { authenticate } from '../http/authenticate';
import type { AppDeps } from '../http/appDeps';

export interface LocalClock {
  now(): Date;
  /** Moves now to `asOf` (from which it keeps running); null returns to the real clock. */
  set(asOf: Date | null): void;
  status(): { now: string; simulated: boolean; offsetMs: number };
}

export function createLocalClock(options: { asOf?: string; realNow?: () => Date } = {}): LocalClock {
  const realNow = options.realNow ?? (() => new Date());
  let offsetMs = 0;
  const clock: LocalClock = {
    now: () => new Date(realNow().getTime() + offsetMs),
    set(asOf) {
      if (asOf && Number.isNaN(asOf.getTime())) throw new RangeError('Not an instant');
      offsetMs = asOf ? asOf.getTime() - realNow().getTime() : 0;
    },
    status: () => ({ now: clock.now().toISOString(), simulated: offsetMs !== 0, offsetMs }),
  };
  if (options.asOf) clock.set(parseInstant(options.asOf));
  return clock;
}

function parseInstant(value: string): Date {
  const parsed = z.iso.datetime({ offset: true }).safeParse(value);
  if (!parsed.success) throw new RangeError(`Not an ISO instant with offset: ${value}`);
  return new Date(parsed.data);
}

/** The start option: `--clock=<instant>` on the command line, else PDPA_LOCAL_CLOCK. */
export function clockOptionOf(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const flag = argv.find((arg) => arg.startsWith('--clock='));
  return flag ? flag.slice('--clock='.length) : env.PDPA_LOCAL_CLOCK || undefined;
}

const problem = (status: 400 | 401 | 403, title: string, detail: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), { status, headers: { 'content-type': 'application/problem+json' } });

/**
 * `GET|POST|DELETE /local/clock`, served by the local start in front of the API app (so it is in
 * neither the AWS app nor the OpenAPI document). Only the platform operator may move it.
 */
export function localClockApp(clock: LocalClock, deps: AppDeps): Hono {
  const app = new Hono();
  app.use('/local/clock', async (c, next) => {
    try {
      const principal = await authenticate(deps, c.req.header('authorization'));
      if (principal.role !== 'platformOperator') return problem(403, 'Forbidden', '僅平台營運者得設定本機時鐘 / Only the platform operator may set the local clock');
    } catch {
      return problem(401, 'Unauthorized', '請以平台營運者金鑰驗證 / Authenticate with the platform-operator key');
    }
    return next();
  });
  app.get('/local/clock', (c) => c.json(clock.status()));
  app.post('/local/clock', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { asOf?: unknown };
    if (typeof body.asOf !== 'string') return problem(400, 'Bad Request', 'asOf: 須為含時區之 ISO 時間 / an ISO instant with offset is required');
    try {
      clock.set(parseInstant(body.asOf));
    } catch (error) {
      return problem(400, 'Bad Request', (error as Error).message);
    }
    return c.json(clock.status());
  });
  app.delete('/local/clock', (c) => {
    clock.set(null);
    return c.json(clock.status());
  });
  return app;
}
