/**
 * The compliance console (/console): server-rendered pages for the people the duties fall on,
 * built as a client of the public API with the signed-in person's own credential. It has no
 * table access and no private endpoint; it can do nothing an integration could not.
 */
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { consolePathTemplates } from '../../domain/reminders/consolePath';
import { CONSOLE_CSS } from './consoleAssets';
import { pageRequestOf, formOf, type ConsoleEnv, type ConsoleOptions, type ConsoleRuntime } from './consoleContext';
import { localeOf } from './consoleText';
import { sessionCookies, safeNextPath } from './session';
import { finishOidcSignIn, signInWithApiKey, startOidcSignIn } from './signIn';
import { notFoundPage } from './pages/common';
import { signInPage } from './pages/signInPage';
import { showDashboard } from './pages/dashboardPage';
import { actOnTask, showTask } from './pages/taskPage';
import { actOnDataSubjectRequest, showDataSubjectRequest } from './pages/dataSubjectRequestPage';
import { actOnIncident, downloadRegulatorForm, showIncident } from './pages/incidentPage';
import { showVendor } from './pages/vendorPage';
import { actOnPlanVersion, showPlanVersion } from './pages/planVersionPage';
import { showAssessment } from './pages/assessmentPage';
import { showCalendar } from './pages/calendarPage';
import { showAuditTrail } from './pages/auditTrailPage';

/** A path parameter (the route patterns are built from templates, so Hono cannot type them). */
const param = (c: { req: { param(name: string): string | undefined } }, name: string): string => c.req.param(name) ?? '';

/** `/console/tasks/{taskId}` → `/console/tasks/:taskId` (the reminder links' templates, registered as such). */
const honoPath = (template: string) => template.replace(/\{([^}]+)\}/g, ':$1');

export function createConsoleApp(options: ConsoleOptions) {
  const clock = options.clock ?? (() => new Date());
  const runtime: ConsoleRuntime = { options, cookies: sessionCookies(options.sessionKey, clock), clock };
  const app = new Hono<ConsoleEnv>();

  app.use(
    '/console/*',
    secureHeaders({
      // Everything comes from the console itself: no script, style, font or image from elsewhere.
      contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
      referrerPolicy: 'same-origin',
    }),
  );
  // A form posted from another origin is refused before anything else (the per-session token is checked too).
  app.use('/console/*', csrf());
  app.use('*', async (c, next) => {
    c.set('locale', localeOf(c));
    c.set('session', await runtime.cookies.read(c));
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.get('/console/assets/console.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(CONSOLE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  // Sign-in --------------------------------------------------------------------------------------

  app.get('/console/sign-in', (c) => {
    const next = safeNextPath(c.req.query('next'));
    if (c.get('session')) return c.redirect(next, 303);
    return signInPage(c, c.get('locale'), { next, oidc: Boolean(options.oidc), apiKey: options.apiKeySignIn });
  });

  app.post('/console/sign-in/api-key', async (c) => {
    if (!options.apiKeySignIn) return notFoundPage(c, c.get('locale'));
    const form = await formOf(c);
    const next = safeNextPath(form.get('next'));
    const result = await signInWithApiKey(runtime, form.get('apiKey') ?? '');
    if ('kind' in result) return signInPage(c, c.get('locale'), { next, oidc: Boolean(options.oidc), apiKey: true, failure: result });
    await runtime.cookies.write(c, result);
    return c.redirect(next, 303);
  });

  app.get('/console/sign-in/oidc', async (c) => {
    if (!options.oidc) return notFoundPage(c, c.get('locale'));
    const { location, pending } = await startOidcSignIn(options.oidc, safeNextPath(c.req.query('next')));
    await runtime.cookies.writePendingSignIn(c, pending);
    return c.redirect(location, 302);
  });

  app.get('/console/oidc/callback', async (c) => {
    if (!options.oidc) return notFoundPage(c, c.get('locale'));
    const pending = await runtime.cookies.readPendingSignIn(c);
    runtime.cookies.clearPendingSignIn(c);
    const result = await finishOidcSignIn(runtime, options.oidc, pending, { code: c.req.query('code'), state: c.req.query('state'), error: c.req.query('error') });
    if ('kind' in result) return signInPage(c, c.get('locale'), { next: pending?.next ?? '/console', oidc: true, apiKey: options.apiKeySignIn, failure: result });
    await runtime.cookies.write(c, result);
    return c.redirect(safeNextPath(pending?.next), 303);
  });

  app.post('/console/sign-out', async (c) => {
    runtime.cookies.clear(c);
    return c.redirect('/console/sign-in', 303);
  });

  // Everything below needs a session; a link opened signed out comes back here after sign-in.
  app.use('/console/*', async (c, next) => {
    const session = c.get('session');
    const url = new URL(c.req.url);
    if (!session) {
      const target = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/console';
      return c.redirect(`/console/sign-in?next=${encodeURIComponent(target)}`, 303);
    }
    if (c.req.method === 'POST') {
      const form = await formOf(c);
      if (form.get('csrf') !== session.csrfToken) return c.text('CSRF token mismatch / 表單驗證碼不符', 403);
    }
    await next();
  });
  app.get('/console', (c) => (c.get('session') ? showDashboard(pageRequestOf(c, runtime)) : c.redirect('/console/sign-in', 303)));

  const itemPath = (kind: keyof typeof consolePathTemplates) => honoPath(consolePathTemplates[kind]);
  app.get(itemPath('task'), (c) => showTask(pageRequestOf(c, runtime), param(c, 'taskId')));
  app.post(`${itemPath('task')}/:action{complete|skip}`, (c) => actOnTask(pageRequestOf(c, runtime), param(c, 'taskId'), param(c, 'action') as 'complete' | 'skip'));
  app.get(itemPath('dataSubjectRequest'), (c) => showDataSubjectRequest(pageRequestOf(c, runtime), param(c, 'requestId')));
  app.post(`${itemPath('dataSubjectRequest')}/events`, (c) => actOnDataSubjectRequest(pageRequestOf(c, runtime), param(c, 'requestId')));
  app.get(itemPath('incident'), (c) => showIncident(pageRequestOf(c, runtime), param(c, 'incidentId')));
  app.get(`${itemPath('incident')}/regulator-form`, (c) => downloadRegulatorForm(pageRequestOf(c, runtime), param(c, 'incidentId')));
  app.post(`${itemPath('incident')}/:action{regulator-notification|notices}`, (c) => actOnIncident(pageRequestOf(c, runtime), param(c, 'incidentId'), param(c, 'action') as 'regulator-notification' | 'notices'));
  app.get(itemPath('vendor'), (c) => showVendor(pageRequestOf(c, runtime), param(c, 'vendorId')));
  app.get(itemPath('planVersion'), (c) => showPlanVersion(pageRequestOf(c, runtime), param(c, 'n')));
  app.post(`${itemPath('planVersion')}/approve`, (c) => actOnPlanVersion(pageRequestOf(c, runtime), param(c, 'n')));
  app.get('/console/assessments/:assessmentId', (c) => showAssessment(pageRequestOf(c, runtime), param(c, 'assessmentId')));
  app.get('/console/calendar', (c) => showCalendar(pageRequestOf(c, runtime)));
  app.get('/console/audit', (c) => showAuditTrail(pageRequestOf(c, runtime)));

  app.notFound((c) => notFoundPage(c, c.get('locale') ?? 'zh-TW', c.get('session')));
  app.onError((error, c) => {
    // hono/csrf refuses a cross-site form with an HTTPException (403): answered as such.
    if (error instanceof HTTPException) return error.getResponse();
    // Never a bare 500 page: the console says it could not complete, and logs why.
    console.error(JSON.stringify({ level: 'ERROR', message: 'console request failed', path: new URL(c.req.url).pathname, error: error.message }));
    return c.html('<!doctype html><html lang="zh-TW"><head><meta charset="utf-8"><title>暫時無法完成 / Could not complete</title></head><body><main><h1>暫時無法完成 / Could not complete</h1><p><a href="/console">回到總覽 / Back to the dashboard</a></p></main></body></html>', 502);
  });
  return app;
}
