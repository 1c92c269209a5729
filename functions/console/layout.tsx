/** The page frame every console page shares: landmarks, navigation, language switch, sign-out. */
import type { Child } from 'hono/jsx';
import type { ProblemError } from '../../openapi/client/index';
import { t, type ConsoleLocale } from './consoleText';
import type { ConsoleSession } from './session';

export interface PageFrame {
  locale: ConsoleLocale;
  session?: ConsoleSession;
  /** The path of this page, for the language switch. */
  path: string;
}

function switchLanguageHref(path: string, locale: ConsoleLocale): string {
  const url = new URL(path, 'http://console.invalid');
  url.searchParams.set('lang', locale === 'en' ? 'zh-TW' : 'en');
  return `${url.pathname}${url.search}`;
}

export function Layout(props: { frame: PageFrame; title: string; children?: Child }) {
  const { frame, title } = props;
  const { locale, session } = frame;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t(locale, '個資法遵主控台', 'PDPA compliance console')}`}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          {t(locale, '跳至主要內容', 'Skip to main content')}
        </a>
        <header class="top">
          <a class="brand" href="/console">
            {t(locale, '個資法遵主控台', 'PDPA compliance console')}
          </a>
          {session ? (
            <nav aria-label={t(locale, '主選單', 'Main')}>
              <ul>
                <li>
                  <a href="/console">{t(locale, '總覽', 'Dashboard')}</a>
                </li>
                <li>
                  <a href="/console/calendar">{t(locale, '法遵行事曆', 'Calendar')}</a>
                </li>
              </ul>
            </nav>
          ) : null}
          <div class="who">
            <a href={switchLanguageHref(frame.path, locale)} lang={locale === 'en' ? 'zh-TW' : 'en'}>
              {locale === 'en' ? '中文' : 'English'}
            </a>
            {session ? (
              <>
                <span>
                  {session.companyName} · {roleLabel(session.role, locale)}
                </span>
                <form method="post" action="/console/sign-out">
                  <input type="hidden" name="csrf" value={session.csrfToken} />
                  <button type="submit">{t(locale, '登出', 'Sign out')}</button>
                </form>
              </>
            ) : null}
          </div>
        </header>
        <main id="main">
          <h1>{title}</h1>
          {props.children}
        </main>
        <footer>{t(locale, '本主控台僅透過公開 API 存取資料；所有變更均留有稽核軌跡。', 'This console uses the public API only; every change is in the audit trail.')}</footer>
      </body>
    </html>
  );
}

export function roleLabel(role: ConsoleSession['role'], locale: ConsoleLocale): string {
  const labels = { owner: ['負責人', 'owner'], officer: ['個資管理人員', 'officer'], auditor: ['稽核人員（唯讀）', 'auditor (read-only)'] } as const;
  const [zh, en] = labels[role];
  return t(locale, zh, en);
}

/** The reason the API gave for one field, in zh-TW and English, next to that field. */
export function FieldError(props: { problem?: ProblemError; field: string; id: string }) {
  const error = props.problem?.fieldError(`body.${props.field}`) ?? props.problem?.fieldError(props.field);
  if (!error) return null;
  return (
    <p class="field-error" id={props.id} role="alert">
      {error.reasonZhTW}
      <span lang="en"> / {error.reasonEn}</span>
    </p>
  );
}

/** A problem with no field (a rule that said no): its title and detail as the API sent them. */
export function ProblemBox(props: { problem?: ProblemError; fields?: string[] }) {
  const problem = props.problem;
  if (!problem) return null;
  const other = problem.errors.filter((error) => !props.fields?.some((field) => error.field === `body.${field}` || error.field === field));
  return (
    <div class="problem" role="alert">
      <strong>{problem.problem.title}</strong>
      {problem.problem.detail ? <p>{problem.problem.detail}</p> : null}
      {other.length ? (
        <ul>
          {other.map((error) => (
            <li>
              {error.field}: {error.reasonZhTW} <span lang="en">/ {error.reasonEn}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Hidden CSRF field every form carries. */
export function Csrf(props: { session: ConsoleSession }) {
  return <input type="hidden" name="csrf" value={props.session.csrfToken} />;
}
