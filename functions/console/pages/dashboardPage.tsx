/**
 * The officer's dashboard: the compliance summary; overdue and due-soon tasks by owner; open
 * data-subject requests with their statutory countdown; open incidents with the 72-hour countdown
 * to the minute; plan status and completeness gaps; vendor checks and certificates coming due.
 * Each part is one API read, made in parallel; a part the person may not read says so.
 */
import { addDays } from '../../../domain/shared/isoDate';
import { consoleItemOfTask, consolePathOf } from '../../../domain/reminders/consolePath';
import type { components } from '../../../openapi/client/index';
import type { PageRequest } from '../consoleContext';
import { countdownText, DateText, daysLeftText, InstantText, pick, t } from '../consoleText';
import { renderPage, Tag } from './common';

type Task = components['schemas']['ReviewTask'];

export const ownerLabel = (owner: Task['owner']) => ('role' in owner ? `role:${owner.role}` : `${owner.name} <${owner.email}>`);

/** Tasks grouped by who answers for them, in due order. */
function byOwner(tasks: Task[]): [string, Task[]][] {
  const groups = new Map<string, Task[]>();
  for (const task of tasks) groups.set(ownerLabel(task.owner), [...(groups.get(ownerLabel(task.owner)) ?? []), task]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function Unavailable(props: { req: PageRequest }) {
  return <p class="muted">{t(props.req.locale, '無法取得（可能無權限）。', 'Not available (perhaps not permitted).')}</p>;
}

function TaskTable(props: { req: PageRequest; tasks: Task[]; caption: string }) {
  const { req, tasks } = props;
  if (!tasks.length) return <p class="muted">{t(req.locale, '無。', 'None.')}</p>;
  return (
    <>
      {byOwner(tasks).map(([owner, list]) => (
        <div class="table-wrap">
          <table>
            <caption>
              {props.caption} — {owner}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(req.locale, '工作', 'Task')}</th>
                <th scope="col">{t(req.locale, '期限', 'Due')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((task) => (
                <tr>
                  <td>
                    <a href={consolePathOf(consoleItemOfTask(task))}>{task.dutyKind}</a>
                  </td>
                  <td>
                    <DateText date={task.dueDate} locale={req.locale} /> <Tag tone={task.overdue ? 'bad' : 'warn'}>{daysLeftText(task.dueDate, req.today, req.locale)}</Tag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

const settled = async <T,>(promise: Promise<{ data: T }>): Promise<T | undefined> => promise.then((result) => result.data).catch(() => undefined);

export async function dashboardReads(req: PageRequest) {
  const { api, today } = req;
  const [summary, overdue, dueSoon, requests, incidents, plans, vendorChecks, certificates] = await Promise.all([
    settled(api.GET('/v1/compliance-summary')),
    settled(api.GET('/v1/review-tasks', { params: { query: { overdue: 'true', status: 'open', limit: 100 } } })),
    settled(api.GET('/v1/review-tasks', { params: { query: { status: 'open', dueBefore: addDays(today, 31), limit: 100 } } })),
    settled(api.GET('/v1/data-subject-requests', { params: { query: { limit: 100 } } })),
    settled(api.GET('/v1/incidents', { params: { query: { status: 'open', limit: 100 } } })),
    settled(api.GET('/v1/plan/versions', { params: { query: { limit: 5 } } })),
    settled(api.GET('/v1/vendor-reports/overdue-checks')),
    settled(api.GET('/v1/vendor-reports/expiring-certificates', { params: { query: { days: 60 } } })),
  ]);
  const latestPlan = plans?.items[0];
  const completeness = latestPlan ? await settled(api.GET('/v1/plan/versions/{versionNumber}/completeness', { params: { path: { versionNumber: String(latestPlan.versionNumber) } } })) : undefined;
  return { summary, overdue, dueSoon, requests, incidents, plans, latestPlan, completeness, vendorChecks, certificates };
}

export async function showDashboard(req: PageRequest) {
  const { locale, today, now } = req;
  const timeZone = req.session.timeZone;
  const data = await dashboardReads(req);
  const { summary, overdue, requests, incidents, latestPlan, completeness, vendorChecks, certificates } = data;
  const dueSoon = data.dueSoon?.items.filter((task) => !task.overdue);
  const openRequests = requests?.items.filter((request) => !['closed', 'withdrawn'].includes(request.status));
  return renderPage(
    req,
    t(locale, '法遵總覽', 'Compliance dashboard'),
    <>
      <section class="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t(locale, '法遵摘要', 'Compliance summary')}</h2>
        {summary ? (
          <div class="grid">
            <div>
              <div class="figure">{summary.overdue.count}</div>
              {t(locale, '逾期工作', 'overdue tasks')}
            </div>
            <div>
              <div class="figure">{summary.dueThisMonth.count}</div>
              {t(locale, '本月到期', 'due this month')}
            </div>
            <div>
              <div class="figure">{summary.onTimeLast12Months.percentage === null ? '—' : `${summary.onTimeLast12Months.percentage}%`}</div>
              {t(locale, `近 12 個月準時完成（${summary.onTimeLast12Months.onTime}/${summary.onTimeLast12Months.total}）`, `done on time, last 12 months (${summary.onTimeLast12Months.onTime}/${summary.onTimeLast12Months.total})`)}
            </div>
          </div>
        ) : (
          <Unavailable req={req} />
        )}
      </section>
      <div class="grid">
        <section class="card" aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">{t(locale, '逾期工作（依負責人）', 'Overdue tasks by owner')}</h2>
          {overdue ? <TaskTable req={req} tasks={overdue.items} caption={t(locale, '逾期', 'Overdue')} /> : <Unavailable req={req} />}
        </section>
        <section class="card" aria-labelledby="soon-heading">
          <h2 id="soon-heading">{t(locale, '30 日內到期（依負責人）', 'Due within 30 days by owner')}</h2>
          {dueSoon ? <TaskTable req={req} tasks={dueSoon} caption={t(locale, '即將到期', 'Due soon')} /> : <Unavailable req={req} />}
        </section>
      </div>
      <section class="card" aria-labelledby="dsr-heading">
        <h2 id="dsr-heading">{t(locale, '進行中之當事人請求（法定期限倒數）', 'Open data-subject requests (statutory countdown)')}</h2>
        {!openRequests ? (
          <Unavailable req={req} />
        ) : openRequests.length === 0 ? (
          <p class="muted">{t(locale, '無。', 'None.')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(locale, '案號', 'Case')}</th>
                  <th scope="col">{t(locale, '請求人（隱碼）', 'Requester (masked)')}</th>
                  <th scope="col">{t(locale, '決定期限', 'Decision due')}</th>
                </tr>
              </thead>
              <tbody>
                {openRequests.map((request) => {
                  const lastDay = request.items.filter((item) => !item.outcome).map((item) => item.lastDay).sort()[0];
                  return (
                    <tr>
                      <td>
                        <a href={consolePathOf({ kind: 'dataSubjectRequest', requestId: request.id })}>{request.caseNumber ?? request.id}</a>
                      </td>
                      <td>{request.requester.name}</td>
                      <td>
                        {lastDay ? (
                          <>
                            <DateText date={lastDay} locale={locale} /> <Tag tone={request.overdue ? 'bad' : 'warn'}>{daysLeftText(lastDay, today, locale)}</Tag>
                          </>
                        ) : (
                          t(locale, '已決定', 'decided')
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="incident-heading">
        <h2 id="incident-heading">{t(locale, '處理中之個資事故（72 小時通報倒數）', 'Open incidents (72-hour countdown)')}</h2>
        {!incidents ? (
          <Unavailable req={req} />
        ) : incidents.items.length === 0 ? (
          <p class="muted">{t(locale, '無。', 'None.')}</p>
        ) : (
          <ul>
            {incidents.items.map((incident) => (
              <li>
                <a href={consolePathOf({ kind: 'incident', incidentId: incident.id })}>{incident.title}</a> —{' '}
                {incident.regulatorNotification === 'pending' ? (
                  <Tag tone={incident.overdue ? 'bad' : 'warn'}>{countdownText(incident.regulatorDeadline, now, locale)}</Tag>
                ) : (
                  <Tag tone="ok">{t(locale, '已通報或不適用', 'reported or not applicable')}</Tag>
                )}{' '}
                <span class="muted">
                  {t(locale, '通報期限', 'deadline')} <InstantText at={incident.regulatorDeadline} locale={locale} timeZone={timeZone} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="grid">
        <section class="card" aria-labelledby="plan-heading">
          <h2 id="plan-heading">{t(locale, '安全維護計畫', 'Security maintenance plan')}</h2>
          {!latestPlan ? (
            <p class="muted">{t(locale, '尚無計畫版本。', 'No plan version yet.')}</p>
          ) : (
            <>
              <p>
                <a href={consolePathOf({ kind: 'planVersion', versionNumber: latestPlan.versionNumber })}>{latestPlan.label}</a> — {pick(locale, latestPlan.statusLabel)}
              </p>
              {completeness ? (
                <>
                  <p>{completeness.complete ? t(locale, '完整性檢查：無缺漏', 'Completeness: no gaps') : t(locale, `完整性檢查：${completeness.gapCount} 項缺漏`, `Completeness: ${completeness.gapCount} gaps`)}</p>
                  <ul>
                    {completeness.gaps.slice(0, 5).map((gap) => (
                      <li>
                        {pick(locale, gap.sectionTitle)}：{pick(locale, gap.message)}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
        </section>
        <section class="card" aria-labelledby="vendor-heading">
          <h2 id="vendor-heading">{t(locale, '受託者監督與證書到期', 'Vendor checks and certificates due')}</h2>
          {vendorChecks && certificates ? (
            <ul>
              {vendorChecks.items.map((item) => (
                <li>
                  <a href={consolePathOf({ kind: 'vendor', vendorId: item.vendorId })}>{item.name}</a> — {t(locale, '下次監督', 'next check')} <DateText date={item.nextDue} locale={locale} />{' '}
                  {item.overdue ? <Tag tone="bad">{t(locale, `逾期 ${item.daysOverdue} 日`, `${item.daysOverdue} days overdue`)}</Tag> : null}
                </li>
              ))}
              {certificates.items.map((item) => (
                <li>
                  <a href={consolePathOf({ kind: 'vendor', vendorId: item.vendorId })}>{item.certificate.standard}</a> {item.certificate.certificateNumber} — <DateText date={item.certificate.validUntil} locale={locale} />{' '}
                  <Tag tone={item.state === 'expired' ? 'bad' : 'warn'}>{item.state === 'expired' ? t(locale, '已過期', 'expired') : t(locale, `剩 ${item.daysLeft} 日`, `${item.daysLeft} days left`)}</Tag>
                </li>
              ))}
              {vendorChecks.items.length + certificates.items.length === 0 ? <li class="muted">{t(locale, '無。', 'None.')}</li> : null}
            </ul>
          ) : (
            <Unavailable req={req} />
          )}
        </section>
      </div>
    </>,
  );
}
