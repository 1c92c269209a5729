/** A review task (定期檢視工作): its duty, owner and due date; complete it or skip it with a reason. */
import { addDays, isIsoDate } from '../../../domain/shared/isoDate';
import type { components } from '../../../openapi/client/index';
import { formOf, type PageRequest } from '../consoleContext';
import { DateText, daysLeftText, InstantText, t } from '../consoleText';
import { Csrf, FieldError, ProblemBox } from '../layout';
import { ownerLabel } from './dashboardPage';
import { apiErrorPage, AuditLink, DoneNotice, Facts, notFoundPage, renderPage, runAction, statusOf, Tag, type FormState } from './common';

type Task = components['schemas']['ReviewTask'];

/**
 * The API lists tasks by due date (there is no single-task read): walk the tasks due up to this
 * one's date, the date being the id's last part (`<dutyId>#<dueDate>`).
 */
async function findTask(req: PageRequest, taskId: string): Promise<Task | undefined> {
  const dueDate = taskId.slice(taskId.lastIndexOf('#') + 1);
  if (!isIsoDate(dueDate)) return undefined;
  for await (const task of req.api.paginate('/v1/review-tasks', { params: { query: { dueBefore: addDays(dueDate, 1), limit: 100 } } })) {
    if (task.taskId === taskId) return task;
  }
  return undefined;
}

export async function showTask(req: PageRequest, taskId: string, state: FormState = {}) {
  let task: Task | undefined;
  try {
    task = await findTask(req, taskId);
  } catch (error) {
    return apiErrorPage(req, error);
  }
  if (!task) return notFoundPage(req.c, req.locale, req.session);
  const { locale } = req;
  const base = `/console/tasks/${encodeURIComponent(task.taskId)}`;
  const problemFor = (name: string) => (state.action === name ? state.problem : undefined);
  return renderPage(
    req,
    `${t(locale, '工作', 'Task')}：${task.dutyKind}`,
    <>
      <DoneNotice req={req} />
      <section class="card">
        <Facts
          rows={[
            [t(locale, '義務', 'Duty'), task.dutyId],
            [t(locale, '負責人', 'Owner'), ownerLabel(task.owner)],
            [t(locale, '期限', 'Due'), <><DateText date={task.dueDate} locale={locale} /> {task.status === 'open' ? <Tag tone={task.overdue ? 'bad' : 'warn'}>{daysLeftText(task.dueDate, req.today, locale)}</Tag> : null}</>],
            [t(locale, '狀態', 'Status'), <Tag tone={task.status === 'open' ? 'warn' : 'ok'}>{t(locale, { open: '待辦', done: '已完成', skipped: '已略過' }[task.status], task.status)}</Tag>],
            ...(task.completion ? [[t(locale, '完成', 'Completed'), <InstantText at={task.completion.at} locale={locale} timeZone={req.session.timeZone} />] as [string, unknown]] : []),
          ] as never}
        />
      </section>
      {req.canWrite && task.status === 'open' ? (
        <div class="grid">
          <section class="card" aria-labelledby="complete-heading">
            <h2 id="complete-heading">{t(locale, '完成本次檢視', 'Complete this review')}</h2>
            <ProblemBox problem={problemFor('complete')} fields={['notes']} />
            <form class="action" method="post" action={`${base}/complete`}>
              <Csrf session={req.session} />
              <label for="complete-notes">{t(locale, '檢視內容或發現', 'What was reviewed or found')}</label>
              <textarea id="complete-notes" name="notes" rows={4} maxlength={5000} aria-describedby="complete-notes-error">
                {state.values?.notes ?? ''}
              </textarea>
              <FieldError problem={problemFor('complete')} field="notes" id="complete-notes-error" />
              <label for="complete-evidence">{t(locale, '佐證資料（每行一筆）', 'Evidence references (one per line)')}</label>
              <textarea id="complete-evidence" name="evidenceRefs" rows={2}>
                {state.values?.evidenceRefs ?? ''}
              </textarea>
              <button class="primary" type="submit">{t(locale, '標記完成', 'Mark complete')}</button>
            </form>
          </section>
          <section class="card" aria-labelledby="skip-heading">
            <h2 id="skip-heading">{t(locale, '略過本次（須附理由）', 'Skip this occurrence (reason required)')}</h2>
            <ProblemBox problem={problemFor('skip')} fields={['reason']} />
            <form class="action" method="post" action={`${base}/skip`}>
              <Csrf session={req.session} />
              <label for="skip-reason">{t(locale, '理由', 'Reason')}</label>
              <textarea id="skip-reason" name="reason" rows={3} maxlength={2000} aria-describedby="skip-reason-error">
                {state.values?.reason ?? ''}
              </textarea>
              <FieldError problem={problemFor('skip')} field="reason" id="skip-reason-error" />
              <button class="primary" type="submit">{t(locale, '略過', 'Skip')}</button>
            </form>
          </section>
        </div>
      ) : null}
      <AuditLink locale={locale} resourceType="reviewTask" resourceId={task.taskId} />
    </>,
    statusOf(state),
  );
}

export async function actOnTask(req: PageRequest, taskId: string, action: 'complete' | 'skip') {
  const form = await formOf(req.c);
  const values = { notes: form.get('notes') ?? '', evidenceRefs: form.get('evidenceRefs') ?? '', reason: form.get('reason') ?? '' };
  const params = { path: { taskId } };
  return runAction(
    req,
    action,
    `/console/tasks/${encodeURIComponent(taskId)}`,
    () =>
      action === 'complete'
        ? req.api.POST('/v1/review-tasks/{taskId}/complete', { params, body: { notes: values.notes, evidenceRefs: values.evidenceRefs.split('\n').map((line) => line.trim()).filter(Boolean) } })
        : req.api.POST('/v1/review-tasks/{taskId}/skip', { params, body: { reason: values.reason } }),
    (state) => showTask(req, taskId, state),
    values,
  );
}
