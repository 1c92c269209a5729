/** A compliance assessment (自我檢查／稽核): progress, score by goal and the answers. */
import type { components } from '../../../openapi/client/index';
import type { PageRequest } from '../consoleContext';
import { t } from '../consoleText';
import { apiErrorPage, AuditLink, Facts, renderPage, Tag } from './common';

type Assessment = components['schemas']['ComplianceAssessment'];

const resultNames: Record<string, [string, string, 'ok' | 'warn' | 'bad']> = {
  compliant: ['符合', 'compliant', 'ok'],
  partiallyCompliant: ['部分符合', 'partially compliant', 'warn'],
  nonCompliant: ['不符合', 'non-compliant', 'bad'],
  notApplicable: ['不適用', 'not applicable', 'ok'],
  notAnswered: ['未作答', 'not answered', 'warn'],
};

export async function showAssessment(req: PageRequest, assessmentId: string) {
  let assessment: Assessment;
  try {
    assessment = (await req.api.GET('/v1/assessments/{complianceAssessmentId}', { params: { path: { complianceAssessmentId: assessmentId } } })).data;
  } catch (error) {
    return apiErrorPage(req, error);
  }
  const { locale } = req;
  const summary = assessment as Assessment & { title?: string; status?: string };
  return renderPage(
    req,
    `${t(locale, '法遵評估', 'Assessment')}：${summary.title ?? assessment.id}`,
    <>
      <section class="card">
        <Facts
          rows={[
            [t(locale, '狀態', 'Status'), summary.status ?? '—'],
            [t(locale, '進度', 'Progress'), `${assessment.progress.answered} / ${assessment.progress.applicable}`],
          ]}
        />
      </section>
      <section class="card" aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t(locale, '作答', 'Answers')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(locale, '項目', 'Item')}</th>
                <th scope="col">{t(locale, '結果', 'Result')}</th>
                <th scope="col">{t(locale, '說明', 'Notes')}</th>
              </tr>
            </thead>
            <tbody>
              {assessment.answers.map((answer) => {
                const [zh, en, tone] = resultNames[answer.result] ?? [answer.result, answer.result, 'warn'];
                return (
                  <tr>
                    <th scope="row">{answer.itemNumber}</th>
                    <td>
                      <Tag tone={tone}>{t(locale, zh, en)}</Tag>
                    </td>
                    <td>{answer.notes ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <AuditLink locale={locale} resourceType="complianceAssessment" resourceId={assessment.id} />
      </section>
    </>,
  );
}
