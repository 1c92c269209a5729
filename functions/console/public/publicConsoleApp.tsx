/**
 * The public pages under /p (no account): a vendor's questionnaire and a company's data-subject
 * request form with the pages its e-mails link to. Like the console, a client of the public API
 * only — no table access, no private endpoint.
 *
 * Routes are absolute (/p/...): serve it by dispatching requests whose path starts with /p/ to
 * its `fetch` (consoleSettings.ts isPublicPagePath), not through `app.route('/p', …)`.
 */
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { CONSOLE_CSS } from '../consoleAssets';
import { localeOf, t, type ConsoleLocale } from '../consoleText';
import type { PublicPagesOptions } from './publicApi';
import { PUBLIC_CSS_PATH, PublicLayout } from './publicLayout';
import { saveOrSubmitQuestionnaire, showQuestionnaire } from './questionnairePage';
import { confirmRequest, showConfirmation, showRequestForm, showStatus, submitRequestForm } from './requestFormPages';

export type { PublicPagesOptions };

type PublicEnv = { Variables: { locale: ConsoleLocale } };

export function publicConsoleApp(options: PublicPagesOptions) {
  const app = new Hono<PublicEnv>();
  app.use(
    '/p/*',
    secureHeaders({
      // Everything comes from the app itself; no script at all on these pages.
      contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
      // The link secret is in the path: never send it on to anyone as a Referer.
      referrerPolicy: 'no-referrer',
    }),
  );
  // A form posted from another origin is refused: the secret in the path is the only credential, and it stays on this origin.
  app.use('/p/*', csrf());
  app.use('/p/*', async (c, next) => {
    c.set('locale', localeOf(c));
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.get(PUBLIC_CSS_PATH, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(CONSOLE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  app.get('/p/questionnaires/:token', (c) => showQuestionnaire(c, options, c.get('locale'), c.req.param('token')));
  app.post('/p/questionnaires/:token', (c) => saveOrSubmitQuestionnaire(c, options, c.get('locale'), c.req.param('token')));
  app.get('/p/request-confirmations/:token', (c) => showConfirmation(c, c.get('locale'), c.req.param('token')));
  app.post('/p/request-confirmations/:token', (c) => confirmRequest(c, options, c.get('locale'), c.req.param('token')));
  app.get('/p/request-status/:token', (c) => showStatus(c, options, c.get('locale'), c.req.param('token')));
  app.get('/p/:formSlug/request', (c) => showRequestForm(c, options, c.get('locale'), c.req.param('formSlug')));
  app.post('/p/:formSlug/request', (c) => submitRequestForm(c, options, c.get('locale'), c.req.param('formSlug')));

  app.notFound((c) => {
    const locale = c.get('locale') ?? 'zh-TW';
    return c.html(
      <PublicLayout locale={locale} path={new URL(c.req.url).pathname} title={t(locale, '找不到此頁', 'Page not found')}>
        <p>{t(locale, '請確認連結是否完整。', 'Check that the link is complete.')}</p>
      </PublicLayout>,
      404,
    );
  });
  app.onError((error, c) => {
    // Never a bare 500 page: the person is told it could not be completed, and the log says why (no secret from the path).
    console.error(JSON.stringify({ level: 'ERROR', message: 'public page failed', error: error.message }));
    const locale = c.get('locale') ?? 'zh-TW';
    return c.html(
      <PublicLayout locale={locale} path="/p" title={t(locale, '暫時無法完成', 'Could not complete')}>
        <p>{t(locale, '系統暫時無法完成您的操作，請稍後再試。', 'This could not be completed just now; please try again later.')}</p>
      </PublicLayout>,
      502,
    );
  });
  return app;
}
