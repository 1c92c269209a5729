/**
 * A data-subject request (當事人權利行使): each right with its statutory deadline and countdown,
 * and the events staff record through the API — identity verified, an extension with its written
 * notice (PDPA Art. 13), the decision, the fulfilment.
 */
import { communicationChannels, identityVerificationMethods } from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import { refusalGroundCodes, refusalGrounds, requestTypeNames, type RequestType } from '../../../domain/dataSubjectRequest/requestTypes';
import type { components } from '../../../openapi/client/index';
import { formOf, instantOfLocalInput, localInputOf, type PageRequest } from '../consoleContext';
import { DateText, daysLeftText, InstantText, pick, t } from '../consoleText';
import { Csrf, FieldError, ProblemBox } from '../layout';
import { apiErrorPage, AuditLink, DoneNotice, Facts, renderPage, runAction, statusOf, Tag, type FormState } from './common';

type DataSubjectRequest = components['schemas']['DataSubjectRequest'];
type Item = DataSubjectRequest['items'][number];

const statusNames: Record<string, [string, string]> = {
  received: ['已受理', 'received'],
  identityVerification: ['身分確認中', 'identity check'],
  inProgress: ['處理中', 'in progress'],
  decided: ['已決定', 'decided'],
  fulfilled: ['已執行', 'fulfilled'],
  closed: ['已結案', 'closed'],
  withdrawn: ['已撤回', 'withdrawn'],
};
const channelNames: Record<string, [string, string]> = {
  email: ['電子郵件', 'e-mail'],
  postalMail: ['郵寄書面', 'letter'],
  electronicDocument: ['電子文件', 'electronic document'],
  inPerson: ['當面交付', 'in person'],
  sms: ['簡訊', 'SMS'],
  other: ['其他', 'other'],
};
const methodNames: Record<string, [string, string]> = {
  governmentIdInPerson: ['臨櫃查驗身分證件', 'government ID in person'],
  accountLogin: ['會員帳號登入', 'account login'],
  oneTimeCodeToRegisteredContact: ['寄送一次性驗證碼至留存之聯絡方式', 'one-time code to the registered contact'],
  idDocumentCopy: ['身分證件影本', 'copy of an ID document'],
  knowledgeQuestions: ['個人資訊問答', 'knowledge questions'],
  other: ['其他', 'other'],
};

const typeName = (req: PageRequest, type: string) => pick(req.locale, requestTypeNames[type as RequestType] ?? { zhTW: type, en: type });
const undecided = (request: DataSubjectRequest) => request.items.filter((item) => !item.decision);
const unfulfilled = (request: DataSubjectRequest) => request.items.filter((item) => item.decision && item.decision.outcome !== 'refused' && !item.fulfilment);

function ItemRow(props: { req: PageRequest; item: Item }) {
  const { req, item } = props;
  const deadline = item.currentDeadline;
  return (
    <tr>
      <th scope="row">{typeName(req, item.type)}</th>
      <td>
        <DateText date={deadline.lastDay} locale={req.locale} />
        <br />
        <span class="muted">{pick(req.locale, deadline.legalBasis)}</span>
        {item.extensions.length ? (
          <>
            <br />
            <Tag tone="warn">{t(req.locale, `已延長 ${item.extensions.reduce((sum, e) => sum + e.extensionDays, 0)} 日`, `extended by ${item.extensions.reduce((sum, e) => sum + e.extensionDays, 0)} days`)}</Tag>
          </>
        ) : null}
      </td>
      <td>
        {item.decision ? (
          <Tag tone={item.decision.outcome === 'refused' ? 'warn' : 'ok'}>{t(req.locale, { granted: '准予', partiallyGranted: '部分准予', refused: '駁回' }[item.decision.outcome], item.decision.outcome)}</Tag>
        ) : (
          <Tag tone={deadline.lastDay < req.today ? 'bad' : 'warn'}>{daysLeftText(deadline.lastDay, req.today, req.locale)}</Tag>
        )}
        {item.fulfilment ? (
          <>
            {' '}
            <Tag tone="ok">{t(req.locale, '已執行', 'fulfilled')}</Tag>
          </>
        ) : null}
      </td>
    </tr>
  );
}

function Options(props: { req: PageRequest; values: readonly string[]; names: Record<string, [string, string]>; selected?: string }) {
  return (
    <>
      {props.values.map((value) => (
        <option value={value} selected={props.selected === value}>
          {t(props.req.locale, props.names[value]?.[0] ?? value, props.names[value]?.[1] ?? value)}
        </option>
      ))}
    </>
  );
}

function ItemChecks(props: { req: PageRequest; name: string; items: Item[]; legend: string }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.items.map((item) => (
        <div>
          <input type="checkbox" id={`${props.name}-${item.type}`} name={props.name} value={item.type} checked />
          <label for={`${props.name}-${item.type}`}>{typeName(props.req, item.type)}</label>
        </div>
      ))}
    </fieldset>
  );
}

function Forms(props: { req: PageRequest; request: DataSubjectRequest; state: FormState }) {
  const { req, request, state } = props;
  const action = `/console/data-subject-requests/${encodeURIComponent(request.id)}/events`;
  const problemFor = (name: string) => (state.action === name ? state.problem : undefined);
  const value = (name: string, fallback = '') => state.values?.[name] ?? fallback;
  const nowLocal = localInputOf(req.now, req.session.timeZone);
  const open = !['closed', 'withdrawn'].includes(request.status);
  if (!open) return null;
  const waiting = undecided(request);
  const toFulfil = unfulfilled(request);
  return (
    <>
      {!request.identityVerification ? (
        <section class="card" aria-labelledby="verify-heading">
          <h2 id="verify-heading">{t(req.locale, '記錄身分確認', 'Record the identity check')}</h2>
          <ProblemBox problem={problemFor('verifyIdentity')} fields={['method', 'evidence', 'outcome']} />
          <form class="action" method="post" action={action}>
            <Csrf session={req.session} />
            <input type="hidden" name="action" value="verifyIdentity" />
            <label for="verify-outcome">{t(req.locale, '結果', 'Outcome')}</label>
            <select id="verify-outcome" name="outcome">
              <option value="verified">{t(req.locale, '已確認為本人或其代理人', 'verified')}</option>
              <option value="failed">{t(req.locale, '無法確認', 'failed')}</option>
            </select>
            <label for="verify-method">{t(req.locale, '確認方式', 'Method')}</label>
            <select id="verify-method" name="method" aria-describedby="verify-method-error">
              <Options req={req} values={identityVerificationMethods} names={methodNames} selected={value('method')} />
            </select>
            <FieldError problem={problemFor('verifyIdentity')} field="method" id="verify-method-error" />
            <label for="verify-evidence">{t(req.locale, '佐證資料存放處（勿填證號）', 'Where the evidence is kept (never the ID number)')}</label>
            <input id="verify-evidence" name="evidence" value={value('evidence')} required maxlength={500} aria-describedby="verify-evidence-error" />
            <FieldError problem={problemFor('verifyIdentity')} field="evidence" id="verify-evidence-error" />
            <button class="primary" type="submit">{t(req.locale, '記錄身分確認', 'Record the identity check')}</button>
          </form>
        </section>
      ) : null}
      {waiting.length ? (
        <section class="card" aria-labelledby="extend-heading">
          <h2 id="extend-heading">{t(req.locale, '延長決定期限（須以書面通知延長原因）', 'Extend the deadline (the reason must be notified in writing)')}</h2>
          <ProblemBox problem={problemFor('extend')} fields={['extensionDays', 'reason', 'notifiedAt', 'notificationChannel', 'itemTypes']} />
          <form class="action" method="post" action={action}>
            <Csrf session={req.session} />
            <input type="hidden" name="action" value="extend" />
            <ItemChecks req={req} name="itemTypes" items={waiting} legend={t(req.locale, '延長之請求項目', 'Rights the notice covers')} />
            <label for="extend-days">{t(req.locale, '延長日數', 'Days added')}</label>
            <input id="extend-days" name="extensionDays" type="number" min={1} max={30} inputmode="numeric" value={value('extensionDays', '15')} required aria-describedby="extend-days-error" />
            <FieldError problem={problemFor('extend')} field="extensionDays" id="extend-days-error" />
            <label for="extend-reason">{t(req.locale, '延長原因（已通知請求人之內容）', 'Reason given to the requester')}</label>
            <textarea id="extend-reason" name="reason" rows={3} required maxlength={2000} aria-describedby="extend-reason-error">
              {value('reason')}
            </textarea>
            <FieldError problem={problemFor('extend')} field="reason" id="extend-reason-error" />
            <label for="extend-notified">{t(req.locale, '書面通知送出時間', 'When the written notice was sent')}</label>
            <input id="extend-notified" name="notifiedAt" type="datetime-local" value={value('notifiedAt', nowLocal)} required aria-describedby="extend-notified-error" />
            <FieldError problem={problemFor('extend')} field="notifiedAt" id="extend-notified-error" />
            <label for="extend-channel">{t(req.locale, '通知方式', 'Channel')}</label>
            <select id="extend-channel" name="notificationChannel" aria-describedby="extend-channel-error">
              <Options req={req} values={communicationChannels} names={channelNames} selected={value('notificationChannel', 'email')} />
            </select>
            <FieldError problem={problemFor('extend')} field="notificationChannel" id="extend-channel-error" />
            <button class="primary" type="submit">{t(req.locale, '記錄延長', 'Record the extension')}</button>
          </form>
        </section>
      ) : null}
      {waiting.length ? (
        <section class="card" aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t(req.locale, '記錄決定', 'Record the decision')}</h2>
          <ProblemBox problem={problemFor('decide')} />
          <form class="action" method="post" action={action}>
            <Csrf session={req.session} />
            <input type="hidden" name="action" value="decide" />
            <label for="decide-item">{t(req.locale, '請求項目', 'Right')}</label>
            <select id="decide-item" name="itemType">
              {waiting.map((item) => (
                <option value={item.type}>{typeName(req, item.type)}</option>
              ))}
            </select>
            <label for="decide-outcome">{t(req.locale, '決定', 'Outcome')}</label>
            <select id="decide-outcome" name="outcome">
              <option value="granted">{t(req.locale, '准予', 'granted')}</option>
              <option value="partiallyGranted">{t(req.locale, '部分准予', 'partially granted')}</option>
              <option value="refused">{t(req.locale, '駁回', 'refused')}</option>
            </select>
            <label for="decide-grounds">{t(req.locale, '拒絕之法定事由（部分准予或駁回時）', 'Legal grounds (partial grant or refusal)')}</label>
            <select id="decide-grounds" name="refusalGrounds" multiple size={4}>
              {refusalGroundCodes.map((code) => (
                <option value={code}>{`${pick(req.locale, refusalGrounds[code].legalBasis)} ${pick(req.locale, refusalGrounds[code].text)}`}</option>
              ))}
            </select>
            <label for="decide-reason">{t(req.locale, '告知請求人之理由', 'Reasons told to the requester')}</label>
            <textarea id="decide-reason" name="reasonToRequester" rows={3} maxlength={4000}>
              {value('reasonToRequester')}
            </textarea>
            <button class="primary" type="submit">{t(req.locale, '記錄決定', 'Record the decision')}</button>
          </form>
        </section>
      ) : null}
      {toFulfil.length ? (
        <section class="card" aria-labelledby="fulfil-heading">
          <h2 id="fulfil-heading">{t(req.locale, '記錄執行完成', 'Record the fulfilment')}</h2>
          <ProblemBox problem={problemFor('fulfil')} />
          <form class="action" method="post" action={action}>
            <Csrf session={req.session} />
            <input type="hidden" name="action" value="fulfil" />
            <ItemChecks req={req} name="itemTypes" items={toFulfil} legend={t(req.locale, '已執行之請求項目', 'Rights carried out')} />
            <label for="fulfil-note">{t(req.locale, '說明', 'Note')}</label>
            <textarea id="fulfil-note" name="note" rows={2} maxlength={2000}>
              {value('note')}
            </textarea>
            <button class="primary" type="submit">{t(req.locale, '記錄執行', 'Record the fulfilment')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export async function showDataSubjectRequest(req: PageRequest, requestId: string, state: FormState = {}) {
  let request: DataSubjectRequest;
  try {
    request = (await req.api.GET('/v1/data-subject-requests/{dataSubjectRequestId}', { params: { path: { dataSubjectRequestId: requestId } } })).data;
  } catch (error) {
    return apiErrorPage(req, error);
  }
  const { locale } = req;
  const [statusZh, statusEn] = statusNames[request.status] ?? [request.status, request.status];
  return renderPage(
    req,
    `${t(locale, '當事人請求', 'Data-subject request')} ${request.caseNumber ?? request.id}`,
    <>
      <DoneNotice req={req} />
      <section class="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t(locale, '案件資料', 'Case')}</h2>
        <Facts
          rows={[
            [t(locale, '狀態', 'Status'), <Tag tone={request.overdue ? 'bad' : 'ok'}>{t(locale, statusZh, statusEn)}</Tag>],
            [t(locale, '受理時間', 'Received'), <InstantText at={request.receivedAt} locale={locale} timeZone={req.session.timeZone} />],
            [t(locale, '請求人（隱碼）', 'Requester (masked)'), request.requester.name],
            [t(locale, '下一個期限', 'Next deadline'), <InstantText at={request.nextDueAt} locale={locale} timeZone={req.session.timeZone} />],
            [t(locale, '身分確認', 'Identity check'), request.identityVerification ? t(locale, '已記錄', 'recorded') : t(locale, '尚未記錄', 'not recorded')],
          ]}
        />
      </section>
      <section class="card" aria-labelledby="items-heading">
        <h2 id="items-heading">{t(locale, '請求項目與法定期限', 'Rights and statutory deadlines')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(locale, '項目', 'Right')}</th>
                <th scope="col">{t(locale, '決定期限', 'Deadline')}</th>
                <th scope="col">{t(locale, '狀況', 'State')}</th>
              </tr>
            </thead>
            <tbody>
              {request.items.map((item) => (
                <ItemRow req={req} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {req.canWrite ? <Forms req={req} request={request} state={state} /> : null}
      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t(locale, '處理紀錄', 'History')}</h2>
        <ol>
          {request.history.map((entry) => (
            <li>
              <InstantText at={entry.at} locale={locale} timeZone={req.session.timeZone} /> {entry.event}（{entry.actor}）
            </li>
          ))}
        </ol>
        <AuditLink locale={locale} resourceType="dataSubjectRequest" resourceId={request.id} />
      </section>
    </>,
    statusOf(state),
  );
}

export async function actOnDataSubjectRequest(req: PageRequest, requestId: string) {
  const form = await formOf(req.c);
  const action = form.get('action') ?? '';
  const actor = req.session.displayName;
  const zone = req.session.timeZone;
  const values: Record<string, string> = {};
  for (const name of ['method', 'evidence', 'extensionDays', 'reason', 'notifiedAt', 'notificationChannel', 'reasonToRequester', 'note']) {
    const value = form.get(name);
    if (value !== undefined) values[name] = value;
  }
  let body: Record<string, unknown>;
  switch (action) {
    case 'verifyIdentity':
      body = { type: 'recordIdentityVerification', actor, outcome: form.get('outcome'), method: form.get('method'), evidence: form.get('evidence') ?? '' };
      break;
    case 'extend':
      body = {
        type: 'extendDeadline',
        actor,
        itemTypes: form.all('itemTypes'),
        extensionDays: Number(form.get('extensionDays')),
        reason: form.get('reason') ?? '',
        // An unreadable time goes to the API as typed, so its reason names the field.
        notifiedAt: instantOfLocalInput(form.get('notifiedAt'), zone) ?? form.get('notifiedAt') ?? '',
        notificationChannel: form.get('notificationChannel'),
      };
      break;
    case 'decide': {
      const reasonToRequester = form.get('reasonToRequester')?.trim();
      body = { type: 'decide', actor, decisions: [{ itemType: form.get('itemType'), outcome: form.get('outcome'), refusalGrounds: form.all('refusalGrounds'), ...(reasonToRequester ? { reasonToRequester } : {}) }] };
      break;
    }
    case 'fulfil': {
      const note = form.get('note')?.trim();
      body = { type: 'fulfil', actor, itemTypes: form.all('itemTypes'), ...(note ? { note } : {}) };
      break;
    }
    default:
      return showDataSubjectRequest(req, requestId);
  }
  const pagePath = `/console/data-subject-requests/${encodeURIComponent(requestId)}`;
  return runAction(
    req,
    action,
    pagePath,
    () => req.api.POST('/v1/data-subject-requests/{dataSubjectRequestId}/events', { params: { path: { dataSubjectRequestId: requestId } }, body: body as never }),
    (state) => showDataSubjectRequest(req, requestId, state),
    values,
  );
}
