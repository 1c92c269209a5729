/** The sign-in page: the organisation's identity provider, and locally an API-key form. */
import type { ConsoleContext } from '../consoleContext';
import { t, type ConsoleLocale } from '../consoleText';
import { renderPage } from './common';

export function signInPage(c: ConsoleContext, locale: ConsoleLocale, options: { next: string; oidc: boolean; apiKey: boolean; failure?: { zhTW: string; en: string } }) {
  const { next, failure } = options;
  return renderPage(
    { c, locale },
    t(locale, '登入', 'Sign in'),
    <section class="card">
      {failure ? (
        <div class="problem" role="alert">
          {failure.zhTW}
          <span lang="en"> / {failure.en}</span>
        </div>
      ) : null}
      {options.oidc ? (
        <p>
          <a class="primary" href={`/console/sign-in/oidc?next=${encodeURIComponent(next)}`}>
            {t(locale, '以組織帳號登入', 'Sign in with your organisation account')}
          </a>
        </p>
      ) : null}
      {options.apiKey ? (
        <form class="action" method="post" action="/console/sign-in/api-key">
          <input type="hidden" name="next" value={next} />
          <label for="api-key">{t(locale, 'API 金鑰（本機使用）', 'API key (local use)')}</label>
          <input id="api-key" name="apiKey" type="password" autocomplete="off" required aria-describedby="api-key-hint" />
          <p id="api-key-hint" class="muted">
            {t(locale, '以您自己的金鑰登入；主控台僅以此金鑰呼叫 API。', 'Use your own key; the console calls the API with it and nothing else.')}
          </p>
          <button class="primary" type="submit">
            {t(locale, '登入', 'Sign in')}
          </button>
        </form>
      ) : null}
      {!options.oidc && !options.apiKey ? <p>{t(locale, '尚未設定登入方式。', 'No sign-in method is configured.')}</p> : null}
    </section>,
    failure ? 400 : 200,
  );
}
