/** Pieces the item pages share: the page response, API error pages, facts lists, status tags. */
import type { Child } from 'hono/jsx';
import { ProblemError } from '../../../openapi/client/index';
import type { ConsoleContext, PageRequest } from '../consoleContext';
import { t, type ConsoleLocale } from '../consoleText';
import { Layout } from '../layout';
import type { ConsoleSession } from '../session';

/** What a page re-renders with after a refused action: the API's problem and what was typed. */
export interface FormState {
  action?: string;
  problem?: ProblemError;
  values?: Record<string, string>;
}

export function renderPage(req: Pick<PageRequest, 'c' | 'locale'> & { session?: ConsoleSession }, title: string, body: Child, status: 200 | 400 | 403 | 404 | 409 | 412 | 422 | 428 | 429 | 502 = 200) {
  const frame = { locale: req.locale, session: req.session, path: `${new URL(req.c.req.url).pathname}${new URL(req.c.req.url).search}` };
  return req.c.html(
    `<!doctype html>${(
      <Layout frame={frame} title={title}>
        {body}
      </Layout>
    ).toString()}`,
    status,
  );
}

export function notFoundPage(c: ConsoleContext, locale: ConsoleLocale, session?: ConsoleSession) {
  return renderPage(
    { c, locale, session },
    t(locale, '找不到此頁面', 'Not found'),
    <section class="card">
      <p>{t(locale, '找不到此項目，或您無權檢視。', 'There is no such item, or it is not yours to see.')}</p>
      <p>
        <a href="/console">{t(locale, '回到總覽', 'Back to the dashboard')}</a>
      </p>
    </section>,
    404,
  );
}

/**
 * What the API said about a read, as a page: 404 (another tenant's id is a 404, as in the API),
 * 401 (the credential stopped working: sign in again), 403, and anything else as a bad gateway.
 */
export function apiErrorPage(req: PageRequest, error: unknown) {
  if (!(error instanceof ProblemError)) throw error;
  const { c, locale } = req;
  if (error.status === 404) return notFoundPage(c, locale, req.session);
  if (error.status === 401) {
    req.runtime.cookies.clear(c);
    return c.redirect(`/console/sign-in?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
  }
  const status = error.status === 403 ? 403 : error.status === 429 ? 429 : 502;
  return renderPage(
    req,
    status === 403 ? t(locale, '無權限', 'Not allowed') : t(locale, '暫時無法完成', 'Could not complete'),
    <section class="card">
      <div class="problem" role="alert">
        <strong>{error.problem.title}</strong>
        {error.problem.detail ? <p>{error.problem.detail}</p> : null}
      </div>
    </section>,
    status,
  );
}

export function Facts(props: { rows: [string, Child][] }) {
  return (
    <dl class="facts">
      {props.rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

export function Tag(props: { tone: 'bad' | 'warn' | 'ok'; children?: Child }) {
  return <span class={`tag ${props.tone}`}>{props.children}</span>;
}

/** The "done" notice after a successful action (Post/Redirect/Get: `?done=<action>`). */
export function DoneNotice(props: { req: PageRequest }) {
  const done = props.req.c.req.query('done');
  if (!done) return null;
  return (
    <p class="notice" role="status">
      {t(props.req.locale, '已記錄。', 'Recorded.')}
    </p>
  );
}

export function AuditLink(props: { locale: ConsoleLocale; resourceType: string; resourceId: string }) {
  return (
    <p>
      <a href={`/console/audit?resourceType=${encodeURIComponent(props.resourceType)}&resourceId=${encodeURIComponent(props.resourceId)}`}>{t(props.locale, '檢視此項目之稽核軌跡', 'Audit trail of this item')}</a>
    </p>
  );
}

/** Runs an action through the API: on success back to the page (PRG), on a problem the page again with it. */
export async function runAction(req: PageRequest, action: string, pagePath: string, call: () => Promise<unknown>, rerender: (state: FormState) => Promise<Response>, values: Record<string, string>) {
  try {
    await call();
    return req.c.redirect(`${pagePath}?done=${encodeURIComponent(action)}`, 303);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    if (error.status === 404 || error.status === 401) return apiErrorPage(req, error);
    return rerender({ action, problem: error, values });
  }
}

type PageStatus = 200 | 400 | 403 | 404 | 409 | 412 | 422 | 428 | 429 | 502;
const passedOn: readonly number[] = [400, 403, 404, 409, 412, 422, 428, 429];

/** The status of a page re-rendered after a refused action: the API's own 4xx, else 502. */
export function statusOf(state: FormState): PageStatus {
  if (!state.problem) return 200;
  return (passedOn.includes(state.problem.status) ? state.problem.status : 502) as PageStatus;
}
