/** The audit trail of one item: who did what when, as the API's hash-chained audit log records it. */
import type { components } from '../../../openapi/client/index';
import type { PageRequest } from '../consoleContext';
import { InstantText, t } from '../consoleText';
import { apiErrorPage, notFoundPage, renderPage } from './common';

type AuditEvent = components['schemas']['AuditEvent'];

export async function showAuditTrail(req: PageRequest) {
  const resourceType = req.c.req.query('resourceType') ?? '';
  const resourceId = req.c.req.query('resourceId') ?? '';
  if (!/^[A-Za-z]{1,64}$/.test(resourceType) || !resourceId || resourceId.length > 128) return notFoundPage(req.c, req.locale, req.session);
  const events: AuditEvent[] = [];
  try {
    for await (const event of req.api.paginate('/v1/audit-events', { params: { query: { resourceType, resourceId, limit: 100 } } })) {
      events.push(event);
      if (events.length >= 500) break;
    }
  } catch (error) {
    return apiErrorPage(req, error);
  }
  const { locale } = req;
  return renderPage(
    req,
    `${t(locale, '稽核軌跡', 'Audit trail')}：${resourceId}`,
    <section class="card">
      {events.length === 0 ? (
        <p class="muted">{t(locale, '此項目尚無稽核紀錄。', 'Nothing recorded for this item.')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(locale, '時間', 'When')}</th>
                <th scope="col">{t(locale, '動作', 'Action')}</th>
                <th scope="col">{t(locale, '執行者', 'Actor')}</th>
                <th scope="col">{t(locale, '雜湊', 'Hash')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr>
                  <td>
                    <InstantText at={event.at} locale={locale} timeZone={req.session.timeZone} />
                  </td>
                  <td>{event.action}</td>
                  <td>
                    {event.actorId}（{event.actorRole}）
                  </td>
                  <td>
                    <code>{event.hash.slice(0, 12)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>,
  );
}
