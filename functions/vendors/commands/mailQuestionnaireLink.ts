/**
 * The questionnaire link is e-mailed to the vendor's contact when it is issued (the officer can
 * still copy it from the 201 answer). Sent through the mail port like reminders; a failed send
 * is logged and does not undo the link.
 */
import { toRfc5322 } from '../../../domain/reminders/rfc5322';
import type { AppDeps } from '../../http/appDeps';
import { newUlid } from '../../store/ids';

export type QuestionnaireMailDeps = Pick<AppDeps, 'mailer' | 'clock' | 'logger'> & { consoleBaseUrl: string };

export const questionnairePagePath = (token: string) => `/p/questionnaires/${token}`;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export async function mailQuestionnaireLink(
  deps: QuestionnaireMailDeps,
  mail: { tenantId: string; companyName: string; timeZone: string; vendorName: string; to: { name: string; email: string }; token: string; expiresAt: string },
): Promise<void> {
  // The console's origin, as reminder links take it (domain/reminders/consolePath.ts): public pages live at /p, beside /console.
  const link = `${deps.consoleBaseUrl.replace(/\/+$/, '').replace(/\/console$/, '')}${questionnairePagePath(mail.token)}`;
  const expires = mail.expiresAt.slice(0, 10);
  const lines = [
    `${mail.to.name} 您好：`,
    `「${mail.companyName}」依個人資料保護法施行細則第8條監督受託者，請貴公司（${mail.vendorName}）填寫委外廠商自我檢查表。請於 ${expires} 前開啟下列連結作答；可先暫存，送出後即不得修改。無須帳號，亦請勿轉寄此連結。`,
    link,
    `Hello ${mail.to.name},`,
    `${mail.companyName} asks ${mail.vendorName} to complete its vendor self-assessment questionnaire (supervision of a commissioned party, PDPA Enforcement Rules Art. 8). Open the link above before ${expires}; you can save drafts, and answers lock once submitted. No account is needed; please do not forward the link.`,
  ];
  const mailId = `mail_${newUlid(deps.clock().getTime())}`;
  const messageId = `${mailId}.${mail.tenantId}@${deps.mailer.messageIdDomain}`;
  const html = `<div>${lines.map((line) => (line === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(line)}</p>`)).join('')}</div>`;
  const raw = toRfc5322(
    { to: mail.to, subject: `委外廠商自我檢查表 / Vendor self-assessment questionnaire — ${mail.companyName}`, text: lines.join('\n'), html },
    { from: deps.mailer.from, messageId, date: deps.clock().toISOString(), timeZone: mail.timeZone },
  );
  await deps.mailer.send({ mailId, tenantId: mail.tenantId, messageId, to: mail.to.email, raw }).catch((error: Error) =>
    deps.logger.error('questionnaire link mail failed', { tenantId: mail.tenantId, mailId, error: error.message }));
}
