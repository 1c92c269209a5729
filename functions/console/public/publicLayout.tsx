/**
 * The frame of the public pages (vendors answering a questionnaire, people filing a request):
 * no account and no navigation, the language switch, and plain words about whose page it is.
 */
import type { Child } from 'hono/jsx';
import type { ProblemError } from '../../../openapi/client/index';
import { t, type ConsoleLocale } from '../consoleText';

export const PUBLIC_CSS_PATH = '/p/assets/public.css';

function switchLanguageHref(path: string, locale: ConsoleLocale): string {
  const url = new URL(path, 'http://public.invalid');
  url.searchParams.set('lang', locale === 'en' ? 'zh-TW' : 'en');
  return `${url.pathname}${url.search}`;
}

export function PublicLayout(props: { locale: ConsoleLocale; path: string; title: string; organisation?: string; children?: Child }) {
  const { locale, title } = props;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex" />
        <title>{props.organisation ? `${title} · ${props.organisation}` : title}</title>
        <link rel="stylesheet" href={PUBLIC_CSS_PATH} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t(locale, '跳至主要內容', 'Skip to main content')}
        </a>
        <header class="top">
          <span class="brand">{props.organisation ?? t(locale, '個人資料保護', 'Personal data protection')}</span>
          <div class="who">
            <a href={switchLanguageHref(props.path, locale)} lang={locale === 'en' ? 'zh-TW' : 'en'}>
              {locale === 'en' ? '中文' : 'English'}
            </a>
          </div>
        </header>
        <main id="main">
          <h1>{title}</h1>
          {props.children}
        </main>
        <footer>{t(locale, '本頁無須帳號；連結即為您的憑證，請勿轉寄。', 'No account is needed; the link is your credential, so please do not forward it.')}</footer>
      </body>
    </html>
  );
}

/** The reason the API gave for one field, next to that field, zh-TW and English. */
export function FieldReason(props: { problem?: ProblemError; field: string; id: string }) {
  const error = props.problem?.errors.find((e) => e.field === props.field || e.field === `body.${props.field}`);
  if (!error) return null;
  return (
    <p class="field-error" id={props.id}>
      {error.reasonZhTW}
      <span lang="en"> / {error.reasonEn}</span>
    </p>
  );
}

/** A refusal with no field: the API's title and detail as sent (in the page's language). */
export function ProblemNote(props: { problem?: ProblemError }) {
  const problem = props.problem;
  if (!problem) return null;
  return (
    <div class="problem" role="alert">
      <strong>{problem.problem.title}</strong>
      {problem.problem.detail ? <p>{problem.problem.detail}</p> : null}
    </div>
  );
}
