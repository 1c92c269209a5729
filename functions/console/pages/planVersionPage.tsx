/** A plan version (安全維護計畫): status, completeness gaps article by article, and approval (owner). */
import type { components } from '../../../openapi/client/index';
import { formOf, type PageRequest } from '../consoleContext';
import { pick, t } from '../consoleText';
import { Csrf, FieldError, ProblemBox } from '../layout';
import { apiErrorPage, AuditLink, DoneNotice, Facts, notFoundPage, renderPage, runAction, statusOf, Tag, type FormState } from './common';

type PlanVersion = components['schemas']['PlanVersion'];
type Completeness = components['schemas']['PlanCompleteness'];

const versionNumberOf = (value: string) => (/^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined);

export async function showPlanVersion(req: PageRequest, n: string, state: FormState = {}) {
  const versionNumber = versionNumberOf(n);
  if (versionNumber === undefined) return notFoundPage(req.c, req.locale, req.session);
  let version: PlanVersion;
  let completeness: Completeness;
  try {
    version = (await req.api.GET('/v1/plan/versions/{versionNumber}', { params: { path: { versionNumber: String(versionNumber) } } })).data;
    completeness = (await req.api.GET('/v1/plan/versions/{versionNumber}/completeness', { params: { path: { versionNumber: String(versionNumber) } } })).data;
  } catch (error) {
    return apiErrorPage(req, error);
  }
  const { locale } = req;
  const problem = state.problem;
  const value = (name: string) => state.values?.[name] ?? '';
  return renderPage(
    req,
    `${t(locale, '安全維護計畫', 'Plan')} ${version.label}`,
    <>
      <DoneNotice req={req} />
      <section class="card">
        <Facts
          rows={[
            [t(locale, '狀態', 'Status'), <Tag tone={version.status === 'approved' ? 'ok' : 'warn'}>{pick(locale, version.statusLabel)}</Tag>],
            [t(locale, '完整性', 'Completeness'), completeness.complete ? t(locale, '無缺漏', 'no gaps') : t(locale, `${completeness.gapCount} 項缺漏`, `${completeness.gapCount} gaps`)],
          ]}
        />
        <p>
          <a href={`/console/plan/versions/${versionNumber}#gaps-heading`}>{t(locale, '缺漏清單', 'Gaps')}</a>
        </p>
      </section>
      <section class="card" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{t(locale, '完整性缺漏（逐條）', 'Completeness gaps, article by article')}</h2>
        {completeness.gaps.length === 0 ? (
          <p class="muted">{t(locale, '無。', 'None.')}</p>
        ) : (
          <ul>
            {completeness.gaps.map((gap) => (
              <li>
                <strong>{pick(locale, gap.sectionTitle)}</strong>（{gap.article.regulation} {gap.article.article}）：{pick(locale, gap.message)} <span class="muted">[{gap.code}]</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {req.session.role === 'owner' && version.status === 'submitted' ? (
        <section class="card" aria-labelledby="approve-heading">
          <h2 id="approve-heading">{t(locale, '核定此版本（代表人或其授權人員）', 'Approve this version (representative or authorised person)')}</h2>
          <ProblemBox problem={problem} fields={['approverName', 'approverTitle', 'capacity']} />
          <form class="action" method="post" action={`/console/plan/versions/${versionNumber}/approve`}>
            <Csrf session={req.session} />
            <label for="approver-name">{t(locale, '核定人姓名', 'Approver name')}</label>
            <input id="approver-name" name="approverName" required maxlength={200} value={value('approverName')} aria-describedby="approver-name-error" />
            <FieldError problem={problem} field="approverName" id="approver-name-error" />
            <label for="approver-title">{t(locale, '職稱', 'Title')}</label>
            <input id="approver-title" name="approverTitle" required maxlength={200} value={value('approverTitle')} aria-describedby="approver-title-error" />
            <FieldError problem={problem} field="approverTitle" id="approver-title-error" />
            <label for="approver-capacity">{t(locale, '身分', 'Capacity')}</label>
            <select id="approver-capacity" name="capacity">
              <option value="representative">{t(locale, '代表人', 'representative')}</option>
              <option value="authorisedPerson">{t(locale, '經授權人員', 'authorised person')}</option>
              <option value="legalRepresentative">{t(locale, '法定代理人', 'legal representative')}</option>
              <option value="internalBody">{t(locale, '內部決策機構', 'internal body')}</option>
            </select>
            <label for="approver-reference">{t(locale, '授權文件（經授權人員）', 'Authorisation document (authorised person)')}</label>
            <input id="approver-reference" name="authorisationReference" maxlength={500} value={value('authorisationReference')} />
            {completeness.gaps.length ? (
              <fieldset>
                <legend>{t(locale, '接受之缺漏（須附理由）', 'Gaps accepted (with a reason)')}</legend>
                <label for="accepted-reason">{t(locale, '接受缺漏之理由（填寫即接受上列全部缺漏）', 'Reason for accepting (filling this accepts every gap listed)')}</label>
                <textarea id="accepted-reason" name="acceptedReason" rows={2} maxlength={2000}>
                  {value('acceptedReason')}
                </textarea>
              </fieldset>
            ) : null}
            <button class="primary" type="submit">{t(locale, '核定', 'Approve')}</button>
          </form>
        </section>
      ) : null}
      <AuditLink locale={locale} resourceType="planVersion" resourceId={String(versionNumber)} />
    </>,
    statusOf(state),
  );
}

export async function actOnPlanVersion(req: PageRequest, n: string) {
  const versionNumber = versionNumberOf(n);
  if (versionNumber === undefined) return notFoundPage(req.c, req.locale, req.session);
  const form = await formOf(req.c);
  const values: Record<string, string> = {};
  for (const name of ['approverName', 'approverTitle', 'capacity', 'authorisationReference', 'acceptedReason']) values[name] = form.get(name) ?? '';
  return runAction(
    req,
    'approve',
    `/console/plan/versions/${versionNumber}`,
    async () => {
      const accepted = values.acceptedReason?.trim()
        ? (await req.api.GET('/v1/plan/versions/{versionNumber}/completeness', { params: { path: { versionNumber: String(versionNumber) } } })).data.gaps.map((gap) => ({ code: gap.code, section: gap.section, reason: values.acceptedReason!.trim() }))
        : [];
      return req.api.POST('/v1/plan/versions/{versionNumber}/approve', {
        params: { path: { versionNumber: String(versionNumber) } },
        body: {
          approverName: values.approverName ?? '',
          approverTitle: values.approverTitle ?? '',
          capacity: (values.capacity || 'representative') as 'representative',
          ...(values.authorisationReference?.trim() ? { authorisationReference: values.authorisationReference.trim() } : {}),
          ...(accepted.length ? { acceptedGaps: accepted } : {}),
        },
      });
    },
    (state) => showPlanVersion(req, n, state),
    values,
  );
}
