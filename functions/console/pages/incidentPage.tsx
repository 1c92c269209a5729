/**
 * A personal-data incident (個資事故): the 72-hour clock to the minute, the report to the
 * competent authority (record it; download the form), and the notices to data subjects or customers.
 */
import type { components } from '../../../openapi/client/index';
import { formOf, instantOfLocalInput, localInputOf, type PageRequest } from '../consoleContext';
import { countdownText, InstantText, t } from '../consoleText';
import { Csrf, FieldError, ProblemBox } from '../layout';
import { apiErrorPage, AuditLink, DoneNotice, Facts, notFoundPage, renderPage, runAction, statusOf, Tag, type FormState } from './common';

type Incident = components['schemas']['Incident'];
type NoticePreview = components['schemas']['IncidentNoticePreview'];

const contentFields = [
  ['whatHappened', '01 事故發生經過', '01 What happened'],
  ['emergencyMeasures', '01 已採取之緊急及補救措施', '01 Emergency measures taken'],
  ['causeInvestigation', '02 事故原因', '02 Cause found so far'],
  ['remediation', '03 已採取或將採取之改善措施', '03 Fixes made or planned'],
  ['authoritiesNotified', '04 已通報之機關', '04 Authorities notified'],
  ['assistance', '05 對當事人之協助', '05 How we help'],
] as const;

export async function showIncident(req: PageRequest, incidentId: string, state: FormState = {}) {
  let incident: Incident;
  let preview: NoticePreview | undefined;
  try {
    incident = (await req.api.GET('/v1/incidents/{incidentId}', { params: { path: { incidentId } } })).data;
    if (req.canWrite) preview = (await req.api.GET('/v1/incidents/{incidentId}/notices/preview', { params: { path: { incidentId }, query: { locale: req.locale } } }).catch(() => undefined))?.data;
  } catch (error) {
    return apiErrorPage(req, error);
  }
  const { locale } = req;
  const zone = req.session.timeZone;
  const clocks = incident.clocks;
  const base = `/console/incidents/${encodeURIComponent(incident.id)}`;
  const problemFor = (name: string) => (state.action === name ? state.problem : undefined);
  const value = (name: string, fallback = '') => state.values?.[name] ?? fallback;
  const nowLocal = localInputOf(req.now, zone);
  return renderPage(
    req,
    `${t(locale, '個資事故', 'Incident')}：${incident.title}`,
    <>
      <DoneNotice req={req} />
      <section class="card" aria-labelledby="clock-heading">
        <h2 id="clock-heading">{t(locale, '通報主管機關期限', 'Deadline to report to the authority')}</h2>
        <Facts
          rows={[
            [t(locale, '發現時間', 'Discovered'), <InstantText at={incident.discoveredAt} locale={locale} timeZone={zone} />],
            [t(locale, '通報期限', 'Deadline'), <InstantText at={clocks.regulatorDeadline} locale={locale} timeZone={zone} />],
            [
              t(locale, '倒數', 'Time left'),
              clocks.regulatorNotification === 'pending' ? <Tag tone={clocks.overdue ? 'bad' : 'warn'}>{countdownText(clocks.regulatorDeadline, req.now, locale)}</Tag> : <Tag tone="ok">{clocks.regulatorNotification === 'done' ? t(locale, '已通報', 'reported') : t(locale, '不適用', 'not applicable')}</Tag>,
            ],
            [t(locale, '狀態', 'Status'), incident.status === 'open' ? t(locale, '處理中', 'open') : t(locale, '已結案', 'closed')],
          ]}
        />
        <p>
          <a href={`${base}/regulator-form?format=docx`}>{t(locale, '下載通報表（Word）', 'Download the notification form (Word)')}</a> ·{' '}
          <a href={`${base}/regulator-form?format=html`}>{t(locale, '檢視通報表（HTML）', 'View the notification form (HTML)')}</a>
        </p>
      </section>
      {req.canWrite && incident.status === 'open' ? (
        <>
          <section class="card" aria-labelledby="report-heading">
            <h2 id="report-heading">{t(locale, '記錄已通報主管機關', 'Record the report to the authority')}</h2>
            <ProblemBox problem={problemFor('regulator-notification')} fields={['notifiedAt', 'method', 'delayReason']} />
            <form class="action" method="post" action={`${base}/regulator-notification`}>
              <Csrf session={req.session} />
              <label for="report-at">{t(locale, '通報時間', 'When it was sent')}</label>
              <input id="report-at" name="notifiedAt" type="datetime-local" required value={value('notifiedAt', nowLocal)} aria-describedby="report-at-error" />
              <FieldError problem={problemFor('regulator-notification')} field="notifiedAt" id="report-at-error" />
              <label for="report-method">{t(locale, '方式', 'Method')}</label>
              <select id="report-method" name="method">
                <option value="email">{t(locale, '電子郵件', 'e-mail')}</option>
                <option value="onlineForm">{t(locale, '線上表單', 'online form')}</option>
                <option value="fax">{t(locale, '傳真', 'fax')}</option>
                <option value="phone">{t(locale, '電話', 'phone')}</option>
                <option value="letter">{t(locale, '書面', 'letter')}</option>
              </select>
              <label for="report-stage">{t(locale, '階段', 'Stage')}</label>
              <select id="report-stage" name="stage">
                <option value="initial">{t(locale, '初報', 'initial')}</option>
                <option value="supplementary">{t(locale, '續報', 'supplementary')}</option>
                <option value="final">{t(locale, '結報', 'final')}</option>
              </select>
              <label for="report-reference">{t(locale, '主管機關案號', 'Authority case number')}</label>
              <input id="report-reference" name="reference" maxlength={200} value={value('reference')} />
              <label for="report-delay">{t(locale, '遲延理由（逾期通報時必填）', 'Reason for delay (required when late)')}</label>
              <textarea id="report-delay" name="delayReason" rows={2} maxlength={4000} aria-describedby="report-delay-error">
                {value('delayReason')}
              </textarea>
              <FieldError problem={problemFor('regulator-notification')} field="delayReason" id="report-delay-error" />
              <button class="primary" type="submit">{t(locale, '記錄通報', 'Record the report')}</button>
            </form>
          </section>
          <section class="card" aria-labelledby="notice-heading">
            <h2 id="notice-heading">{t(locale, '記錄已通知當事人或客戶', 'Record a notice to data subjects or customers')}</h2>
            <ProblemBox problem={problemFor('notices')} />
            {preview?.missing.length ? (
              <ul>
                {preview.missing.map((missing) => (
                  <li>{t(locale, missing.message.zhTW, missing.message.en)}</li>
                ))}
              </ul>
            ) : null}
            <form class="action" method="post" action={`${base}/notices`}>
              <Csrf session={req.session} />
              <label for="notice-audience">{t(locale, '對象', 'Audience')}</label>
              <select id="notice-audience" name="audience">
                <option value="dataSubjects">{t(locale, '當事人', 'data subjects')}</option>
                <option value="customers">{t(locale, '客戶', 'customers')}</option>
              </select>
              <label for="notice-channel">{t(locale, '方式', 'Channel')}</label>
              <select id="notice-channel" name="channel">
                <option value="email">{t(locale, '電子郵件', 'e-mail')}</option>
                <option value="sms">{t(locale, '簡訊', 'SMS')}</option>
                <option value="websiteNotice">{t(locale, '網站公告', 'website notice')}</option>
                <option value="letter">{t(locale, '書面', 'letter')}</option>
                <option value="phone">{t(locale, '電話', 'phone')}</option>
              </select>
              <label for="notice-at">{t(locale, '通知時間', 'Sent at')}</label>
              <input id="notice-at" name="sentAt" type="datetime-local" required value={value('sentAt', nowLocal)} />
              <label for="notice-size">{t(locale, '通知人數', 'Recipients')}</label>
              <input id="notice-size" name="audienceSize" type="number" min={1} inputmode="numeric" required value={value('audienceSize', '1')} />
              {contentFields.map(([name, zh, en]) => (
                <>
                  <label for={`notice-${name}`}>{t(locale, zh, en)}</label>
                  <textarea id={`notice-${name}`} name={name} rows={2} maxlength={4000}>
                    {value(name, preview?.content[name] ?? '')}
                  </textarea>
                </>
              ))}
              <label for="notice-contact-name">{t(locale, '05 聯絡人', '05 Contact name')}</label>
              <input id="notice-contact-name" name="contactName" maxlength={100} value={value('contactName', preview?.content.contact.name ?? '')} />
              <label for="notice-contact-phone">{t(locale, '05 聯絡電話', '05 Contact phone')}</label>
              <input id="notice-contact-phone" name="contactPhone" maxlength={40} value={value('contactPhone', preview?.content.contact.phone ?? '')} />
              <button class="primary" type="submit">{t(locale, '記錄通知', 'Record the notice')}</button>
            </form>
          </section>
        </>
      ) : null}
      <section class="card" aria-labelledby="notices-heading">
        <h2 id="notices-heading">{t(locale, '通報及通知紀錄', 'Reports and notices')}</h2>
        <ul>
          {incident.regulatorNotifications.map((notification) => (
            <li>
              {t(locale, '主管機關', 'Authority')}：<InstantText at={(notification as { notifiedAt?: string }).notifiedAt} locale={locale} timeZone={zone} />
            </li>
          ))}
          {incident.notices.map((notice) => (
            <li>
              {notice.audience === 'customers' ? t(locale, '客戶', 'Customers') : t(locale, '當事人', 'Data subjects')}（{notice.audienceSize}）：<InstantText at={notice.sentAt} locale={locale} timeZone={zone} />
            </li>
          ))}
        </ul>
        <AuditLink locale={locale} resourceType="incident" resourceId={incident.id} />
      </section>
    </>,
    statusOf(state),
  );
}

/** The form as the API renders it (Word or HTML), passed through with its file name. */
export async function downloadRegulatorForm(req: PageRequest, incidentId: string) {
  const format = req.c.req.query('format') === 'html' ? 'html' : 'docx';
  const { response } = await req.api.raw.GET('/v1/incidents/{incidentId}/regulator-notification', { params: { path: { incidentId }, query: { format, locale: req.locale } }, parseAs: 'stream' });
  if (response.status === 404) return notFoundPage(req.c, req.locale, req.session);
  if (!response.ok || !response.body) return req.c.text('Could not get the form / 無法取得通報表', 502);
  const headers = new Headers();
  for (const name of ['content-type', 'content-disposition', 'content-length']) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  headers.set('Cache-Control', 'no-store');
  return new Response(response.body, { status: 200, headers });
}

export async function actOnIncident(req: PageRequest, incidentId: string, action: 'regulator-notification' | 'notices') {
  const form = await formOf(req.c);
  const zone = req.session.timeZone;
  const values: Record<string, string> = {};
  for (const name of ['notifiedAt', 'reference', 'delayReason', 'sentAt', 'audienceSize', 'contactName', 'contactPhone', ...contentFields.map(([name]) => name)]) {
    const value = form.get(name);
    if (value !== undefined) values[name] = value;
  }
  const params = { path: { incidentId } };
  const optional = (name: string) => (values[name]?.trim() ? { [name]: values[name]!.trim() } : {});
  return runAction(
    req,
    action,
    `/console/incidents/${encodeURIComponent(incidentId)}`,
    () =>
      action === 'regulator-notification'
        ? req.api.POST('/v1/incidents/{incidentId}/regulator-notification', {
            params,
            body: { notifiedAt: instantOfLocalInput(values.notifiedAt, zone) ?? values.notifiedAt ?? '', method: form.get('method') as 'email', stage: form.get('stage') as 'initial', ...optional('reference'), ...optional('delayReason') },
          })
        : req.api.POST('/v1/incidents/{incidentId}/notices', {
            params,
            body: {
              audience: form.get('audience') as 'dataSubjects',
              channel: form.get('channel') as 'email',
              sentAt: instantOfLocalInput(values.sentAt, zone) ?? values.sentAt ?? '',
              audienceSize: Number(values.audienceSize),
              locale: req.locale,
              content: { ...Object.fromEntries(contentFields.map(([name]) => [name, values[name] ?? ''])), contact: { name: values.contactName ?? '', phone: values.contactPhone ?? '' } },
            } as never,
          }),
    (state) => showIncident(req, incidentId, state),
    values,
  );
}
