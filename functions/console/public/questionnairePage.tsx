/**
 * 委外廠商自我檢查表 — the vendor's page, opened from the e-mailed link (no account). The vendor's
 * staff read the questions, save drafts and submit once, all through the public questionnaire API.
 * Evidence is named by reference (a document title or a link), never uploaded: the page takes no
 * files, so nothing lands in the organisation's records that should not.
 */
import type { Context } from 'hono';
import type { components } from '../../../openapi/client/index';
import { DateText, pick, t, type ConsoleLocale } from '../consoleText';
import { isProblem, publicClient, type PublicPagesOptions } from './publicApi';
import { FieldReason, ProblemNote, PublicLayout } from './publicLayout';
import type { ProblemError } from '../../../openapi/client/index';

type PublicQuestionnaire = components['schemas']['PublicVendorQuestionnaire'];
type Answer = PublicQuestionnaire['answers'][number];
type AnswerValue = Answer['answer'];

const answerLabels: Record<AnswerValue, [string, string]> = {
  yes: ['是', 'Yes'],
  partial: ['部分', 'Partly'],
  no: ['否', 'No'],
  notApplicable: ['不適用', 'Not applicable'],
};
const answerOrder: AnswerValue[] = ['yes', 'partial', 'no', 'notApplicable'];

const pathOf = (token: string) => `/p/questionnaires/${encodeURIComponent(token)}`;

/** A link that no longer works, said plainly: which of expired / submitted / revoked, and what to do. */
function goneOrUnknown(c: Context, locale: ConsoleLocale, token: string, problem: ProblemError) {
  const gone = problem.status === 410;
  const title = gone ? t(locale, '此連結已無法使用', 'This link no longer works') : t(locale, '連結無效', 'This link is not valid');
  return c.html(
    <PublicLayout locale={locale} path={pathOf(token)} title={title}>
      <div class="card" role="status">
        <p>{problem.problem.detail ?? title}</p>
        <p class="muted">{t(locale, '如需重新作答，請洽寄送此連結之委託機關。', 'To answer again, ask the organisation that sent you the link.')}</p>
      </div>
    </PublicLayout>,
    gone ? 410 : 404,
  );
}

interface FormState {
  view: PublicQuestionnaire;
  answers: Answer[];
  problem?: ProblemError;
  saved?: boolean;
}

function QuestionnaireForm(props: { locale: ConsoleLocale; token: string; state: FormState }) {
  const { locale, token, state } = props;
  const { view } = state;
  const byQuestion = new Map(state.answers.map((answer) => [answer.questionId, answer]));
  return (
    <>
      <p>
        {t(locale, `「${view.requestedBy}」請貴公司填寫本檢查表。`, `${view.requestedBy} asks you to complete this questionnaire.`)}{' '}
        {t(locale, '連結有效至', 'The link works until')} <DateText date={view.expiresAt} locale={locale} />
        {t(locale, '。可隨時暫存；送出後即不得修改。', '. You can save a draft at any time; answers lock once submitted.')}
      </p>
      {state.saved ? (
        <p class="notice" role="status">
          {t(locale, '已暫存。', 'Draft saved.')}
        </p>
      ) : null}
      <ProblemNote problem={state.problem} />
      <form method="post" action={pathOf(token)} class="questionnaire">
        <input type="hidden" name="version" value={String(view.version)} />
        {view.questionnaire.questions.map((question, index) => {
          const answer = byQuestion.get(question.id);
          const field = `answers.${question.id}`;
          const errorId = `error-${index}`;
          const hasError = state.problem?.errors.some((e) => e.field === field || e.field === `body.${field}`);
          return (
            <fieldset class="card" aria-describedby={hasError ? errorId : undefined}>
              <legend>
                {index + 1}. {pick(locale, question.text)}
                {question.required ? <span class="muted">{t(locale, '（必答）', ' (required)')}</span> : null}
              </legend>
              {question.guidance ? <p class="muted">{pick(locale, question.guidance)}</p> : null}
              <FieldReason problem={state.problem} field={field} id={errorId} />
              <div role="radiogroup" aria-label={t(locale, '回答', 'Answer')}>
                {answerOrder.map((value) => (
                  <label class="choice">
                    <input type="radio" name={`answer.${question.id}`} value={value} checked={answer?.answer === value} /> {t(locale, ...answerLabels[value])}
                  </label>
                ))}
              </div>
              <label for={`comment-${index}`}>{t(locale, '說明（回答「部分」、「否」或「不適用」時必填）', 'Explanation (needed for partly, no or not applicable)')}</label>
              <textarea id={`comment-${index}`} name={`comment.${question.id}`} rows={2} maxlength={4000}>
                {answer?.comment ?? ''}
              </textarea>
              {question.evidenceRequested ? (
                <>
                  <label for={`evidence-${index}`}>{t(locale, '佐證資料（文件名稱或連結，每行一項；請勿貼上個人資料）', 'Evidence (document name or link, one per line; no personal data)')}</label>
                  <textarea id={`evidence-${index}`} name={`evidence.${question.id}`} rows={2} maxlength={2000}>
                    {(answer?.evidenceRefs ?? []).join('\n')}
                  </textarea>
                </>
              ) : null}
            </fieldset>
          );
        })}
        <div class="action">
          <button type="submit" name="intent" value="save">
            {t(locale, '暫存', 'Save draft')}
          </button>
          <button type="submit" name="intent" value="submit" class="primary">
            {t(locale, '送出（送出後不得修改）', 'Submit (answers lock)')}
          </button>
        </div>
      </form>
    </>
  );
}

function renderForm(c: Context, locale: ConsoleLocale, token: string, state: FormState, status: 200 | 400 | 422 = 200) {
  return c.html(
    <PublicLayout locale={locale} path={pathOf(token)} title={pick(locale, state.view.questionnaire.title)} organisation={state.view.requestedBy}>
      <QuestionnaireForm locale={locale} token={token} state={state} />
    </PublicLayout>,
    status,
  );
}

export async function showQuestionnaire(c: Context, options: PublicPagesOptions, locale: ConsoleLocale, token: string) {
  const api = publicClient(options, locale);
  try {
    const { data } = await api.GET('/v1/public/vendor-questionnaires/{token}', { params: { path: { token } } });
    return renderForm(c, locale, token, { view: data, answers: data.answers });
  } catch (error) {
    if (isProblem(error) && (error.status === 404 || error.status === 410)) return goneOrUnknown(c, locale, token, error);
    throw error;
  }
}

/** The answers as typed: one per question that has an answer chosen; comments and evidence kept as given. */
function answersOf(form: Record<string, string | File | (string | File)[]>, questions: PublicQuestionnaire['questionnaire']['questions']): Answer[] {
  const text = (name: string) => {
    const value = form[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  return questions.flatMap((question) => {
    const answer = text(`answer.${question.id}`) as AnswerValue;
    if (!answerOrder.includes(answer)) return [];
    const comment = text(`comment.${question.id}`);
    const evidenceRefs = text(`evidence.${question.id}`).split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    return [{ questionId: question.id, answer, ...(comment ? { comment } : {}), evidenceRefs }];
  });
}

export async function saveOrSubmitQuestionnaire(c: Context, options: PublicPagesOptions, locale: ConsoleLocale, token: string) {
  const api = publicClient(options, locale);
  const form = await c.req.parseBody();
  let view: PublicQuestionnaire;
  try {
    view = (await api.GET('/v1/public/vendor-questionnaires/{token}', { params: { path: { token } } })).data;
  } catch (error) {
    if (isProblem(error) && (error.status === 404 || error.status === 410)) return goneOrUnknown(c, locale, token, error);
    throw error;
  }
  const answers = answersOf(form, view.questionnaire.questions);
  // The version the person was looking at: a save over someone else's newer save is refused (412), not silently lost.
  const seenVersion = typeof form.version === 'string' && /^\d+$/.test(form.version) ? form.version : String(view.version);
  // The view the page comes back with on a refusal: the saved draft once the save went through.
  let current = view;
  try {
    const saved = await api.PUT('/v1/public/vendor-questionnaires/{token}/answers', { params: { path: { token } }, body: { answers }, headers: { 'If-Match': `"${seenVersion}"` } });
    current = saved.data;
    if (form.intent !== 'submit') return renderForm(c, locale, token, { view: saved.data, answers: saved.data.answers, saved: true });
    const submitted = await api.POST('/v1/public/vendor-questionnaires/{token}/submit', { params: { path: { token } }, headers: { 'If-Match': `"${saved.data.version}"` } });
    return c.html(
      <PublicLayout locale={locale} path={pathOf(token)} title={t(locale, '已送出，謝謝', 'Submitted — thank you')} organisation={submitted.data.requestedBy}>
        <div class="card notice" role="status">
          <p>{t(locale, `貴公司之自我檢查表已送交「${submitted.data.requestedBy}」審查。此連結已失效，答案不得再修改。`, `Your answers were sent to ${submitted.data.requestedBy} for review. This link no longer works and the answers cannot change.`)}</p>
        </div>
      </PublicLayout>,
    );
  } catch (error) {
    if (!isProblem(error)) throw error;
    if (error.status === 404 || error.status === 410) return goneOrUnknown(c, locale, token, error);
    // A rule or a field said no: the page comes back with what was typed and the reasons next to the questions.
    const latest = error.status === 412 ? (await api.GET('/v1/public/vendor-questionnaires/{token}', { params: { path: { token } } })).data : current;
    return renderForm(c, locale, token, { view: latest, answers, problem: error }, error.status === 400 ? 400 : 422);
  }
}
