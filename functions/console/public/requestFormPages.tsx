/**
 * 當事人權利行使 — the public request form of one company, and the pages its e-mails link to:
 * confirm the request (a button, so a mail scanner that opens links does not confirm for the
 * person), and the status of that one case. Everything goes through the public request-form API.
 */
import type { Context } from 'hono';
import { DateText, InstantText, pick, t, type Bilingual, type ConsoleLocale } from '../consoleText';
import { isProblem, publicClient, untypedCall, type PublicPagesOptions } from './publicApi';
import { FieldReason, ProblemNote, PublicLayout } from './publicLayout';
import type { ProblemError } from '../../../openapi/client/index';

interface FormView {
  companyName: string;
  rights: { right: string; name: Bilingual }[];
}

interface CaseStatus {
  companyName: string;
  caseNumber: string;
  stage: string;
  stageName: Bilingual;
  receivedAt: string;
  items: { right: string; rightName: Bilingual; decisionDueDate: string; decisionDueAt: string; immediate: boolean; extended: boolean; decided: boolean }[];
}

interface Confirmation extends CaseStatus {
  identityCheck: 'started';
  statusToken: string;
}

/** What each right means, in a sentence a person understands (PDPA Art. 3, Art. 20 ¶2). */
const rightHints: Record<string, Bilingual> = {
  inquiry: { zhTW: '查詢本公司是否保有您的個人資料', en: 'Ask whether the company holds personal data about you' },
  review: { zhTW: '閱覽本公司保有之您的個人資料', en: 'See the personal data the company holds about you' },
  copy: { zhTW: '取得您個人資料之複製本', en: 'Get a copy of your personal data' },
  correction: { zhTW: '補充或更正不正確之個人資料', en: 'Complete or correct personal data that is wrong' },
  stopProcessing: { zhTW: '停止蒐集、處理或利用您的個人資料', en: 'Stop collecting, processing or using your personal data' },
  deletion: { zhTW: '刪除您的個人資料', en: 'Delete your personal data' },
  marketingOptOut: { zhTW: '拒絕本公司以您的個人資料行銷（應即停止）', en: 'Object to marketing with your personal data (must stop at once)' },
};

const TAIPEI = 'Asia/Taipei';
const formPath = (slug: string) => `/p/${encodeURIComponent(slug)}/request`;
const confirmationPath = (token: string) => `/p/request-confirmations/${encodeURIComponent(token)}`;
const statusPath = (token: string) => `/p/request-status/${encodeURIComponent(token)}`;

function notFound(c: Context, locale: ConsoleLocale, path: string, problem?: ProblemError) {
  return c.html(
    <PublicLayout locale={locale} path={path} title={t(locale, '找不到此頁', 'Page not found')}>
      <div class="card" role="status">
        <p>{problem?.problem.detail ?? t(locale, '此表單或連結不存在。', 'This form or link does not exist.')}</p>
      </div>
    </PublicLayout>,
    404,
  );
}

function linkGone(c: Context, locale: ConsoleLocale, path: string, problem: ProblemError) {
  return c.html(
    <PublicLayout locale={locale} path={path} title={t(locale, '此連結已無法使用', 'This link no longer works')}>
      <div class="card" role="status">
        <p>{problem.problem.detail}</p>
      </div>
    </PublicLayout>,
    410,
  );
}

function tooMany(c: Context, locale: ConsoleLocale, path: string) {
  return c.html(
    <PublicLayout locale={locale} path={path} title={t(locale, '請稍後再試', 'Please try again later')}>
      <div class="card" role="status">
        <p>{t(locale, '短時間內送出次數過多，請稍後再試。', 'Too many attempts in a short time; please try again later.')}</p>
      </div>
    </PublicLayout>,
    429,
  );
}

interface Entered {
  right?: string;
  name?: string;
  email?: string;
  details?: string;
}

function RequestForm(props: { locale: ConsoleLocale; slug: string; form: FormView; entered: Entered; problem?: ProblemError }) {
  const { locale, slug, form, entered, problem } = props;
  const invalid = (field: string) => Boolean(problem?.errors.some((e) => e.field === field || e.field === `body.${field}`));
  return (
    <>
      <p>
        {t(locale, `您可依個人資料保護法第3條向「${form.companyName}」行使下列權利。送出後，我們會寄一封確認信到您填寫的電子郵件；您確認後，本公司才受理並告知案號及依法應作成決定之期限。`, `Under PDPA Art. 3 you may exercise these rights with ${form.companyName}. After you send this form we e-mail you a confirmation link; the request is received once you confirm, and you are told the case number and the date by which the company must decide.`)}
      </p>
      {problem && !problem.errors.length ? <ProblemNote problem={problem} /> : null}
      <form method="post" action={formPath(slug)}>
        <fieldset class="card" aria-describedby={invalid('right') ? 'right-error' : undefined}>
          <legend>{t(locale, '您要行使的權利', 'The right you exercise')}</legend>
          <FieldReason problem={problem} field="right" id="right-error" />
          {form.rights.map((right) => (
            <label class="choice">
              <input type="radio" name="right" value={right.right} required checked={entered.right === right.right} /> <strong>{pick(locale, right.name)}</strong>
              {rightHints[right.right] ? <span class="muted"> — {pick(locale, rightHints[right.right]!)}</span> : null}
            </label>
          ))}
        </fieldset>
        <div class="card action">
          <label for="name">{t(locale, '姓名', 'Name')}</label>
          <input id="name" name="name" autocomplete="name" required maxlength={200} value={entered.name ?? ''} aria-invalid={invalid('name') ? 'true' : undefined} aria-describedby={invalid('name') ? 'name-error' : undefined} />
          <FieldReason problem={problem} field="name" id="name-error" />
          <label for="email">{t(locale, '電子郵件（確認信寄至此）', 'E-mail (the confirmation link goes here)')}</label>
          <input id="email" name="email" type="email" autocomplete="email" required maxlength={320} value={entered.email ?? ''} aria-invalid={invalid('email') ? 'true' : undefined} aria-describedby={invalid('email') ? 'email-error' : undefined} />
          <FieldReason problem={problem} field="email" id="email-error" />
          <label for="details">{t(locale, '請求內容（選填，例如要更正的資料）', 'Details (optional, e.g. the data to correct)')}</label>
          <textarea id="details" name="details" rows={4} maxlength={4000}>
            {entered.details ?? ''}
          </textarea>
          <FieldReason problem={problem} field="details" id="details-error" />
          <button type="submit" class="primary">
            {t(locale, '送出並寄送確認信', 'Send and e-mail me the confirmation link')}
          </button>
        </div>
      </form>
      <p class="muted">{t(locale, '您的聯絡資料經加密保存，僅用於處理本請求。', 'Your contact details are stored encrypted and used only to handle this request.')}</p>
    </>
  );
}

async function loadForm(options: PublicPagesOptions, locale: ConsoleLocale, slug: string): Promise<FormView> {
  return untypedCall<FormView>(publicClient(options, locale), 'GET', '/v1/public/request-forms/{formSlug}', { params: { path: { formSlug: slug } } });
}

export async function showRequestForm(c: Context, options: PublicPagesOptions, locale: ConsoleLocale, slug: string) {
  try {
    const form = await loadForm(options, locale, slug);
    return c.html(
      <PublicLayout locale={locale} path={formPath(slug)} title={t(locale, '個人資料權利行使申請', 'Personal-data rights request')} organisation={form.companyName}>
        <RequestForm locale={locale} slug={slug} form={form} entered={{}} />
      </PublicLayout>,
    );
  } catch (error) {
    if (isProblem(error) && error.status === 404) return notFound(c, locale, formPath(slug), error);
    if (isProblem(error) && error.status === 429) return tooMany(c, locale, formPath(slug));
    throw error;
  }
}

export async function submitRequestForm(c: Context, options: PublicPagesOptions, locale: ConsoleLocale, slug: string) {
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  const entered: Entered = { right: text('right'), name: text('name'), email: text('email'), details: text('details') };
  const api = publicClient(options, locale);
  let form: FormView;
  try {
    form = await loadForm(options, locale, slug);
    await untypedCall(api, 'POST', '/v1/public/request-forms/{formSlug}/submissions', {
      params: { path: { formSlug: slug } },
      body: { right: entered.right, name: entered.name, email: entered.email, ...(entered.details ? { details: entered.details } : {}), preferredLocale: locale },
    });
  } catch (error) {
    if (!isProblem(error)) throw error;
    if (error.status === 404) return notFound(c, locale, formPath(slug), error);
    if (error.status === 429) return tooMany(c, locale, formPath(slug));
    const shown = await loadForm(options, locale, slug);
    return c.html(
      <PublicLayout locale={locale} path={formPath(slug)} title={t(locale, '個人資料權利行使申請', 'Personal-data rights request')} organisation={shown.companyName}>
        <RequestForm locale={locale} slug={slug} form={shown} entered={entered} problem={error} />
      </PublicLayout>,
      400,
    );
  }
  return c.html(
    <PublicLayout locale={locale} path={formPath(slug)} title={t(locale, '請至電子郵件確認', 'Check your e-mail')} organisation={form.companyName}>
      <div class="card notice" role="status">
        <p>{t(locale, '我們已寄出確認信。請於 24 小時內開啟信中連結並按下「確認送出」，本公司才會受理您的請求。', 'We sent you a confirmation e-mail. Open its link within 24 hours and press “Confirm”; only then is your request received.')}</p>
        <p class="muted">{t(locale, '若未收到，請檢查垃圾郵件匣，或稍後重新填寫。', 'If it does not arrive, check your spam folder or fill in the form again later.')}</p>
      </div>
    </PublicLayout>,
  );
}

/** The link from the e-mail opens this page; the person confirms with a button (mail scanners only GET). */
export function showConfirmation(c: Context, locale: ConsoleLocale, token: string) {
  return c.html(
    <PublicLayout locale={locale} path={confirmationPath(token)} title={t(locale, '確認您的請求', 'Confirm your request')}>
      <form method="post" action={confirmationPath(token)} class="card action">
        <p>{t(locale, '按下「確認送出」後，本公司即受理您的請求，並開始確認您的身分。', 'When you press “Confirm”, the company receives your request and starts checking your identity.')}</p>
        <button type="submit" class="primary">
          {t(locale, '確認送出', 'Confirm')}
        </button>
      </form>
    </PublicLayout>,
  );
}

function CaseFacts(props: { locale: ConsoleLocale; status: CaseStatus }) {
  const { locale, status } = props;
  return (
    <dl class="facts">
      <dt>{t(locale, '案號', 'Case number')}</dt>
      <dd>
        <strong data-case-number>{status.caseNumber}</strong>
      </dd>
      <dt>{t(locale, '目前進度', 'Status')}</dt>
      <dd>{pick(locale, status.stageName)}</dd>
      <dt>{t(locale, '受理時間', 'Received')}</dt>
      <dd>
        <InstantText at={status.receivedAt} locale={locale} timeZone={TAIPEI} />
      </dd>
      {status.items.map((item) => (
        <>
          <dt>{pick(locale, item.rightName)}</dt>
          <dd>
            {item.immediate ? (
              t(locale, '本公司應即停止以您的個人資料行銷（個人資料保護法第20條第2項）', 'The company must stop marketing with your personal data at once (PDPA Art. 20 ¶2)')
            ) : (
              <>
                {t(locale, '依法應於下列日期前作成決定：', 'By law the company must decide by ')}
                <strong data-decision-date>
                  <DateText date={item.decisionDueDate} locale={locale} />
                </strong>
                {item.extended ? t(locale, '（已依法延長）', ' (extended as the law allows)') : null}
                {item.decided ? t(locale, '；已作成決定', '; decided') : null}
              </>
            )}
          </dd>
        </>
      ))}
    </dl>
  );
}

export async function confirmRequest(c: Context, options: PublicPagesOptions, locale: ConsoleLocale, token: string) {
  const api = publicClient(options, locale);
  try {
    const confirmation = await untypedCall<Confirmation>(api, 'POST', '/v1/public/request-confirmations/{token}', { params: { path: { token } } });
    return c.html(
      <PublicLayout locale={locale} path={statusPath(confirmation.statusToken)} title={t(locale, '已受理您的請求', 'Your request was received')} organisation={confirmation.companyName}>
        <div class="card notice" role="status">
          <p>{t(locale, '本公司已受理您的請求，將先確認您的身分；確認電子郵件並不等於身分已確認。受理通知及進度查詢連結已寄至您的信箱。', 'The company received your request and will first check your identity; confirming your e-mail does not verify your identity. A receipt with a status link is on its way to your inbox.')}</p>
        </div>
        <CaseFacts locale={locale} status={confirmation} />
        <p>
          <a href={statusPath(confirmation.statusToken)}>{t(locale, '查詢本案進度', 'See the status of this case')}</a>
        </p>
      </PublicLayout>,
    );
  } catch (error) {
    if (isProblem(error) && error.status === 410) return linkGone(c, locale, confirmationPath(token), error);
    if (isProblem(error) && error.status === 404) return notFound(c, locale, confirmationPath(token), error);
    if (isProblem(error) && error.status === 429) return tooMany(c, locale, confirmationPath(token));
    throw error;
  }
}

export async function showStatus(c: Context, options: PublicPagesOptions, locale: ConsoleLocale, token: string) {
  const api = publicClient(options, locale);
  try {
    const status = await untypedCall<CaseStatus>(api, 'GET', '/v1/public/request-status/{token}', { params: { path: { token } } });
    return c.html(
      <PublicLayout locale={locale} path={statusPath(token)} title={t(locale, `案件進度 ${status.caseNumber}`, `Case ${status.caseNumber}`)} organisation={status.companyName}>
        <CaseFacts locale={locale} status={status} />
      </PublicLayout>,
    );
  } catch (error) {
    if (isProblem(error) && error.status === 410) return linkGone(c, locale, statusPath(token), error);
    if (isProblem(error) && error.status === 404) return notFound(c, locale, statusPath(token), error);
    if (isProblem(error) && error.status === 429) return tooMany(c, locale, statusPath(token));
    throw error;
  }
}
