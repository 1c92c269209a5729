/**
 * Notices to the requester, zh-TW and English (subject + plain-text body), rendered from the
 * request itself so what is sent always matches what was recorded. A letter is for the
 * requester: it greets them by their own (unmasked) name, gives dates as people in Taiwan read
 * them (ROC dates in the zh-TW text) and quotes the short case number they can read out on the
 * phone.
 */
import { formatRocDate } from '../plan/rocDate';
import { zonedDateOf, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { currentDeadline, type DataSubjectRequest, type RequestItem } from './dataSubjectRequest';
import { refusalGrounds, requestTypeNames } from './requestTypes';

export const requesterMessageKinds = ['acknowledgement', 'extensionNotice', 'decision', 'fulfilment'] as const;
export type RequesterMessageKind = (typeof requesterMessageKinds)[number];

export interface RequesterMessage {
  kind: RequesterMessageKind;
  subject: LocalizedText;
  body: LocalizedText;
}

const SUBJECTS: Record<RequesterMessageKind, LocalizedText> = {
  acknowledgement: { zhTW: '個人資料請求受理通知', en: 'We have received your personal data request' },
  extensionNotice: { zhTW: '個人資料請求處理期間延長通知', en: 'Extension of the time to decide your personal data request' },
  decision: { zhTW: '個人資料請求准駁決定通知', en: 'Decision on your personal data request' },
  fulfilment: { zhTW: '個人資料請求處理完成通知', en: 'Your personal data request has been carried out' },
};

function lines(items: LocalizedText[]): LocalizedText {
  return { zhTW: items.map((l) => l.zhTW).join('\n'), en: items.map((l) => l.en).join('\n') };
}

/** A date both ways: `115年3月18日` in zh-TW, `2026-03-18` in English. */
function day(date: IsoDate): LocalizedText {
  return { zhTW: formatRocDate(date), en: date };
}

/** A local date and time both ways, e.g. `115年3月3日 10:00` / `2026-03-03 10:00 (Asia/Taipei)`. */
function moment(instant: string, timeZone: string): LocalizedText {
  const date = zonedDateOf(instant, timeZone);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
  return { zhTW: `${formatRocDate(date)} ${time}`, en: `${date} ${time} (${timeZone})` };
}

/** The case number people quote; older requests have only their id. */
export function caseReference(request: Pick<DataSubjectRequest, 'id' | 'caseNumber'>): string {
  return request.caseNumber ?? request.id;
}

function deadlineLine(item: RequestItem, timeZone: string): LocalizedText {
  const name = requestTypeNames[item.type];
  const deadline = currentDeadline(item);
  if (deadline.kind === 'immediate') {
    const from = moment(deadline.dueAt, timeZone);
    const stopped = item.fulfilment ? moment(item.fulfilment.fulfilledAt, timeZone) : undefined;
    return {
      zhTW: `・${name.zhTW}：您的表示自 ${from.zhTW} 起生效，本公司應即停止以您的個人資料進行行銷${stopped ? `，並已於 ${stopped.zhTW} 停止` : ''}（${deadline.legalBasis.zhTW}）`,
      en: `- ${name.en}: effective ${from.en}; we must stop using your personal data for marketing at once${stopped ? ` and stopped on ${stopped.en}` : ''} (${deadline.legalBasis.en})`,
    };
  }
  const by = day(deadline.lastDay);
  return {
    zhTW: `・${name.zhTW}：將於 ${by.zhTW} 前為准駁之決定（${deadline.legalBasis.zhTW}）`,
    en: `- ${name.en}: we will decide by ${by.en} (${deadline.legalBasis.en})`,
  };
}

function decisionLines(item: RequestItem): LocalizedText[] {
  const name = requestTypeNames[item.type];
  const decision = item.decision!;
  const outcome: Record<typeof decision.outcome, LocalizedText> = {
    granted: { zhTW: '准予', en: 'granted' },
    partiallyGranted: { zhTW: '部分准予', en: 'partly granted' },
    refused: { zhTW: '不予准許', en: 'refused' },
  };
  const result: LocalizedText[] = [
    { zhTW: `・${name.zhTW}：${outcome[decision.outcome].zhTW}`, en: `- ${name.en}: ${outcome[decision.outcome].en}` },
  ];
  for (const code of decision.refusalGrounds) {
    const ground = refusalGrounds[code];
    result.push({ zhTW: `  依據：${ground.legalBasis.zhTW}—${ground.text.zhTW}`, en: `  Ground: ${ground.legalBasis.en} - ${ground.text.en}` });
  }
  if (decision.reasonToRequester) {
    result.push({ zhTW: `  理由：${decision.reasonToRequester}`, en: `  Reasons: ${decision.reasonToRequester}` });
  }
  const fee = item.fee;
  if (fee && !fee.waiver && fee.quote.amountTwd > 0 && decision.outcome !== 'refused') {
    result.push(
      fee.payment
        ? { zhTW: `  費用：新臺幣 ${fee.quote.amountTwd} 元，已收訖`, en: `  Fee: NT$${fee.quote.amountTwd}, received` }
        : {
            zhTW: `  費用：新臺幣 ${fee.quote.amountTwd} 元（${fee.quote.description.zhTW}，個人資料保護法第14條），繳納後提供`,
            en: `  Fee: NT$${fee.quote.amountTwd} (${fee.quote.description.en}, PDPA Art. 14), payable before we provide the data`,
          },
    );
  }
  return result;
}

function fulfilmentLine(item: RequestItem, timeZone: string): LocalizedText {
  const name = requestTypeNames[item.type];
  const date = day(zonedDateOf(item.fulfilment!.fulfilledAt, timeZone));
  const notified = item.downstreamNotification?.recipients.length
    ? { zhTW: `；並已通知曾提供利用之對象 ${item.downstreamNotification.recipients.length} 個`, en: `; the ${item.downstreamNotification.recipients.length} recipient(s) it had been provided to were notified` }
    : { zhTW: '', en: '' };
  return { zhTW: `・${name.zhTW}：已於 ${date.zhTW} 完成${notified.zhTW}`, en: `- ${name.en}: carried out on ${date.en}${notified.en}` };
}

/**
 * Renders one notice, or undefined when the request holds nothing it could say (no extension,
 * no decision, nothing fulfilled yet).
 */
export function renderRequesterMessage(request: DataSubjectRequest, kind: RequesterMessageKind): RequesterMessage | undefined {
  const { timeZone } = request.periodSettings;
  const receivedDate = day(zonedDateOf(request.receivedAt, timeZone));
  const caseNumber = caseReference(request);
  const greeting: LocalizedText = { zhTW: `${request.requester.name} 您好：`, en: `Dear ${request.requester.name},` };
  const reference: LocalizedText = {
    zhTW: `本公司於 ${receivedDate.zhTW} 收到您依個人資料保護法提出之請求（案號 ${caseNumber}）。`,
    en: `On ${receivedDate.en} we received your request under the Personal Data Protection Act (reference ${caseNumber}).`,
  };
  const closing: LocalizedText = {
    zhTW: '如有疑問，請回覆本通知並註明案號。',
    en: 'If you have any questions, please reply to this notice quoting the reference.',
  };
  let content: LocalizedText[];
  switch (kind) {
    case 'acknowledgement': {
      const agentNote: LocalizedText =
        request.requester.actingAs === 'agent'
          ? { zhTW: '您係代理人，請一併提出代理權限之證明文件。', en: 'As an agent, please also provide proof of your authority.' }
          : { zhTW: '', en: '' };
      content = [
        { zhTW: '請求項目及處理期限如下：', en: 'Your request and when we will answer:' },
        ...request.items.map((item) => deadlineLine(item, timeZone)),
        {
          zhTW: `為保護您的個人資料，我們將先確認您的身分。${agentNote.zhTW}如有必要延長處理期間，將於期限屆滿前以書面告知原因。`,
          en: `To protect your data we will first verify your identity. ${agentNote.en}${agentNote.en ? ' ' : ''}If we need more time, we will tell you why in writing before the deadline.`,
        },
      ];
      break;
    }
    case 'extensionNotice': {
      const extended = request.items.filter((item) => item.extensions.length > 0);
      if (extended.length === 0) return undefined;
      // The latest notice of each item: what it extends from, to, and why.
      content = extended.flatMap((item) => {
        const name = requestTypeNames[item.type];
        const extension = item.extensions.at(-1)!;
        const from = day((item.extensions.at(-2)?.deadline ?? item.deadline).lastDay);
        const to = day(extension.deadline.lastDay);
        return [
          {
            zhTW: `・${name.zhTW}：原定 ${from.zhTW} 前決定，延長${extension.extensionDays}日至 ${to.zhTW}（${extension.deadline.legalBasis.zhTW}）`,
            en: `- ${name.en}: the decision due by ${from.en} is extended by ${extension.extensionDays} days to ${to.en} (${extension.deadline.legalBasis.en})`,
          },
          { zhTW: `  延長原因：${extension.reason}`, en: `  Reason for the extension: ${extension.reason}` },
        ];
      });
      break;
    }
    case 'decision': {
      const decided = request.items.filter((item) => item.decision);
      if (decided.length === 0) return undefined;
      content = [{ zhTW: '經審查，決定如下：', en: 'Having reviewed your request, we decided as follows:' }, ...decided.flatMap(decisionLines)];
      if (decided.some((item) => item.decision!.outcome !== 'granted')) {
        content.push({
          zhTW: '您如對本決定有所不服，得依法向目的事業主管機關陳情或提起救濟。',
          en: 'If you disagree with this decision, you may complain to the competent authority or seek a remedy under the law.',
        });
      }
      break;
    }
    case 'fulfilment': {
      const done = request.items.filter((item) => item.fulfilment);
      if (done.length === 0) return undefined;
      content = [{ zhTW: '下列事項已處理完成：', en: 'We have carried out the following:' }, ...done.map((item) => fulfilmentLine(item, timeZone))];
      break;
    }
  }
  const bodyLines = [greeting, reference, ...content, closing].filter((line) => line.zhTW || line.en);
  return { kind, subject: { zhTW: `【${SUBJECTS[kind].zhTW}】案號 ${caseNumber}`, en: `${SUBJECTS[kind].en} (ref. ${caseNumber})` }, body: lines(bodyLines) };
}
