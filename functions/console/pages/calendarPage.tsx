/** The compliance calendar: every occurrence of the active duties over the next 12 months, by month. */
import { consoleItemOfTask, consolePathOf } from '../../../domain/reminders/consolePath';
import type { components } from '../../../openapi/client/index';
import type { PageRequest } from '../consoleContext';
import { DateText, pick, t } from '../consoleText';
import { ownerLabel } from './dashboardPage';
import { apiErrorPage, renderPage, Tag } from './common';

type Calendar = components['schemas']['ComplianceCalendar'];

export async function showCalendar(req: PageRequest) {
  let calendar: Calendar;
  try {
    calendar = (await req.api.GET('/v1/compliance-calendar')).data;
  } catch (error) {
    return apiErrorPage(req, error);
  }
  const { locale } = req;
  const months = new Map<string, Calendar['entries']>();
  for (const entry of calendar.entries) months.set(entry.month, [...(months.get(entry.month) ?? []), entry]);
  return renderPage(
    req,
    t(locale, '法遵行事曆（未來 12 個月）', 'Compliance calendar (next 12 months)'),
    <>
      <p class="muted">
        <DateText date={calendar.asOf} locale={locale} /> – <DateText date={calendar.until} locale={locale} />
      </p>
      {[...months.entries()].map(([month, entries]) => (
        <section class="card" aria-labelledby={`month-${month}`}>
          <h2 id={`month-${month}`}>
            {locale === 'en' ? month : `民國${Number(month.slice(0, 4)) - 1911}年${Number(month.slice(5, 7))}月`}
          </h2>
          <ul>
            {entries.map((entry) => (
              <li>
                <DateText date={entry.dueDate} locale={locale} /> <a href={consolePathOf(consoleItemOfTask({ taskId: entry.taskId }))}>{pick(locale, entry.title)}</a> <span class="muted">（{pick(locale, entry.legalBasis)}；{ownerLabel(entry.owner)}）</span>
                {entry.urgent ? (
                  <>
                    {' '}
                    <Tag tone="bad">{t(locale, '緊急', 'urgent')}</Tag>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {months.size === 0 ? <p class="muted">{t(locale, '未來 12 個月沒有到期之義務。', 'Nothing falls due in the next 12 months.')}</p> : null}
    </>,
  );
}
