/**
 * The two e-mails of the public request form: the one-time confirmation link, and after the
 * confirmation the case number, the statutory decision date and the status link. Sent through the
 * product's mail port (the local outbox, SES in AWS) like reminders; a failed send is logged and
 * does not undo the submission — the person can fill in the form again.
 */
import { requestTypeNames, type RequestType } from '../../domain/dataSubjectRequest/requestTypes';
import { formatRocDateWithEra } from '../../domain/plan/rocDate';
import { toRfc5322 } from '../../domain/reminders/rfc5322';
import type { AppDeps } from '../http/appDeps';
import { newUlid } from '../store/ids';

type MailDeps = Pick<AppDeps, 'mailer' | 'clock' | 'logger'>;

/** The console's origin, as reminder links take it (domain/reminders/consolePath.ts): public pages live at /p, beside /console. */
export const publicPageUrl = (consoleBaseUrl: string, path: string) => `${consoleBaseUrl.replace(/\/+$/, '').replace(/\/console$/, '')}${path}`;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

async function send(deps: MailDeps, mail: { tenantId: string; timeZone: string; to: { name: string; email: string }; subject: string; lines: string[]; link: string }): Promise<void> {
  const mailId = `mail_${newUlid(deps.clock().getTime())}`;
  const messageId = `${mailId}.${mail.tenantId}@${deps.mailer.messageIdDomain}`;
  const text = mail.lines.join('\n');
  const html = `<div>${mail.lines.map((line) => (line === mail.link ? `<p><a href="${escapeHtml(line)}">${escapeHtml(line)}</a></p>` : `<p>${escapeHtml(line)}</p>`)).join('')}</div>`;
  const raw = toRfc5322({ to: mail.to, subject: mail.subject, text, html }, { from: deps.mailer.from, messageId, date: deps.clock().toISOString(), timeZone: mail.timeZone });
  await deps.mailer.send({ mailId, tenantId: mail.tenantId, messageId, to: mail.to.email, raw }).catch((error: Error) =>
    // Never the address in the log: the mail id is enough to find it in the outbox or SES.
    deps.logger.error('request form mail failed', { tenantId: mail.tenantId, mailId, error: error.message }));
}

export async function mailConfirmationLink(
  deps: MailDeps,
  mail: { tenantId: string; companyName: string; timeZone: string; to: { name: string; email: string }; right: RequestType; link: string; validHours: number },
): Promise<void> {
  const right = requestTypeNames[mail.right];
  await send(deps, {
    ...mail,
    subject: `請確認您的個資請求 / Please confirm your personal-data request — ${mail.companyName}`,
    lines: [
      `${mail.to.name} 您好：`,
      `您向「${mail.companyName}」提出「${right.zhTW}」之請求。請於 ${mail.validHours} 小時內開啟下列連結確認；確認後本公司始受理，並告知案號及依法應作成決定之期限。`,
      mail.link,
      '若非您本人提出，請忽略本信，本公司不會受理。確認連結僅能使用一次。',
      `Hello ${mail.to.name},`,
      `You asked ${mail.companyName} for: ${right.en}. Open the link above within ${mail.validHours} hours to confirm; the request is received when you confirm, and you will get a case number and the date by which the company must decide.`,
      'If you did not ask, ignore this e-mail and nothing will happen. The link works once.',
    ],
  });
}

export async function mailCaseReceived(
  deps: MailDeps,
  mail: { tenantId: string; companyName: string; timeZone: string; to: { name: string; email: string }; caseNumber: string; right: RequestType; decisionDueDate: string; immediate: boolean; link: string },
): Promise<void> {
  const right = requestTypeNames[mail.right];
  const due = mail.immediate
    ? { zhTW: '本公司應即停止利用您的個人資料行銷（個人資料保護法第20條第2項）。', en: 'The company must stop using your personal data for marketing at once (PDPA Art. 20 ¶2).' }
    : { zhTW: `本公司依法應於 ${formatRocDateWithEra(mail.decisionDueDate)}（${mail.decisionDueDate}）前作成決定。`, en: `By law the company must decide by ${mail.decisionDueDate}.` };
  await send(deps, {
    ...mail,
    subject: `已受理您的個資請求 ${mail.caseNumber} / Your personal-data request ${mail.caseNumber} was received — ${mail.companyName}`,
    lines: [
      `${mail.to.name} 您好：`,
      `「${mail.companyName}」已受理您「${right.zhTW}」之請求，案號 ${mail.caseNumber}。本公司將先確認您的身分。${due.zhTW}`,
      '您可由下列連結查詢本案進度：',
      mail.link,
      `Hello ${mail.to.name},`,
      `${mail.companyName} received your request (${right.en}), case number ${mail.caseNumber}. The company will first check your identity. ${due.en}`,
      'You can see the status of this case through the link above.',
    ],
  });
}
