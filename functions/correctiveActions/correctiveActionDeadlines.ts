/**
 * How a corrective action is chased, whatever caused it (an incident, an assessment finding):
 * its due date is a date-only one-time duty the daily sweep chases, through the one deadline
 * contract (reviews/chaseDeadline.ts). The cause names the duty's subject, what created it, why
 * it is owed and where the action is seen; everything else is the same for every action.
 */
import type { CorrectiveActionCause, CorrectiveActionCore } from '../../domain/correctiveAction';
import { dutyIdFor, type DutyOwner, type DutySource, type DutySubject } from '../../domain/reviews/duty';
import type { LocalizedText } from '../../domain/shared/localizedText';
import type { TenantCommandContext } from '../application/commandContext';
import { chaseDeadline, noDeadlineChanges, type DeadlineChanges, type DeadlineContext } from '../reviews/chaseDeadline';
import { dutyKeys, taskItem, type DeadlineSpec, type StoredTask } from '../reviews/dutyStore';
import { getEntity, putEntityWrite } from '../store/entityModel';

export const CORRECTIVE_ACTION_DUTY_KIND = 'correctiveAction';

type ActionDue = Pick<CorrectiveActionCore, 'id' | 'title' | 'owner' | 'dueDate'>;

interface CauseTerms {
  /** One duty per action: the cause's resource, narrowed to the action. */
  subject(actionId: string): DutySubject;
  source: DutySource;
  legalBasis: LocalizedText;
  resourcePath: string;
}

function termsOf(cause: CorrectiveActionCause): CauseTerms {
  switch (cause.kind) {
    case 'incident':
      return {
        subject: (actionId) => ({ kind: 'incident', id: `${cause.incidentId}/${actionId}` }),
        source: 'incident',
        legalBasis: {
          zhTW: '個人資料檔案安全維護計畫：事故發生後應檢討原因並採取矯正預防措施，於期限內完成並確認其有效性',
          en: 'Security maintenance plan: after an incident, review the cause and complete corrective and preventive actions by their due dates, then verify their effectiveness',
        },
        resourcePath: `/v1/incidents/${cause.incidentId}/corrective-actions`,
      };
    case 'assessmentFinding':
      return {
        subject: (actionId) => ({ kind: 'assessment', id: `${cause.assessmentId}/${cause.itemNumber}/${actionId}` }),
        source: 'assessment',
        legalBasis: {
          zhTW: '個人資料檔案安全維護計畫第15點(1)：安全維護計畫未落實執行時應找出缺失原因、採取矯正預防措施並審查其有效性',
          en: 'Security maintenance plan §15(1): where the plan is not carried out, find the cause of the shortfall, take corrective and preventive actions and review their effectiveness',
        },
        resourcePath: `/v1/assessments/${cause.assessmentId}/findings`,
      };
  }
}

const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** A corrective action as a date-only one-time duty, so the daily sweep chases its due date. */
export function correctiveActionDeadlineSpec(cause: CorrectiveActionCause, action: ActionDue): DeadlineSpec {
  const terms = termsOf(cause);
  // The action's owner is a free-text name; reminders go by e-mail only when it is an address.
  const owner: DutyOwner = isEmail(action.owner) ? { name: action.owner, email: action.owner } : { role: 'privacyOfficer' };
  return {
    dutyKind: CORRECTIVE_ACTION_DUTY_KIND,
    subject: terms.subject(action.id),
    title: { zhTW: `矯正預防措施：${action.title}`, en: `Corrective or preventive action: ${action.title}` },
    legalBasis: terms.legalBasis,
    dueDate: action.dueDate,
    owner,
    source: terms.source,
    urgent: false,
    dueAt: null,
    resourcePath: terms.resourcePath,
  };
}

export function correctiveActionDutyId(cause: CorrectiveActionCause, actionId: string): string {
  return dutyIdFor(CORRECTIVE_ACTION_DUTY_KIND, termsOf(cause).subject(actionId));
}

function deadlineContextOf(context: TenantCommandContext, as: { actorId?: string; at?: string } = {}): DeadlineContext {
  return { table: context.table, tenantId: context.tenantId, actorId: as.actorId ?? context.actor.actorId, now: as.at === undefined ? context.clock() : new Date(as.at) };
}

/** Sets an action's due date as a deadline. */
export async function setCorrectiveActionDeadline(context: TenantCommandContext, cause: CorrectiveActionCause, action: ActionDue): Promise<DeadlineChanges> {
  return chaseDeadline(deadlineContextOf(context), { kind: 'set', spec: correctiveActionDeadlineSpec(cause, action) });
}

/** The action is done: its task is met, by whoever the transition names, at its instant. */
export async function meetCorrectiveActionDeadline(context: TenantCommandContext, cause: CorrectiveActionCause, actionId: string, done: { by: string; at: string; note?: string }): Promise<DeadlineChanges> {
  return chaseDeadline(deadlineContextOf(context, { actorId: done.by, at: done.at }), { kind: 'met', dutyId: correctiveActionDutyId(cause, actionId), notes: done.note ?? '' });
}

/**
 * Verification failed and the action is back to work: its completed task is reopened in place so
 * the sweep chases the same due date again. chaseDeadline has no "reopen" intent ('set' would
 * create a new task where the completed one still stands), so this stays here.
 */
export async function reopenCorrectiveActionDeadline(context: TenantCommandContext, cause: CorrectiveActionCause, action: Pick<CorrectiveActionCore, 'id' | 'dueDate'>): Promise<DeadlineChanges> {
  const changes = noDeadlineChanges();
  const dutyId = correctiveActionDutyId(cause, action.id);
  const task = await getEntity<StoredTask>(context.table, dutyKeys.task(dutyId, action.dueDate));
  if (!task || task.status !== 'done') return changes;
  const reopened: StoredTask = { ...task, status: 'open', completion: null, skip: null, version: task.version + 1 };
  changes.writes.push(putEntityWrite(context.table.tableName, taskItem(reopened), task.version));
  changes.changes.push({ action: 'duty.reopen', resourceType: 'duty', resourceId: dutyId, before: { status: 'done' }, after: { status: 'open' } });
  return changes;
}

/** The deadline change a transition makes: done meets it, a failed verification reopens it. */
export async function correctiveActionTransitionDeadline(
  context: TenantCommandContext,
  cause: CorrectiveActionCause,
  before: Pick<CorrectiveActionCore, 'status'>,
  after: Pick<CorrectiveActionCore, 'id' | 'status' | 'dueDate'>,
  transition: { by: string; at: string; note?: string },
): Promise<DeadlineChanges> {
  if (after.status === 'done' && before.status !== 'done') return meetCorrectiveActionDeadline(context, cause, after.id, transition);
  if (before.status === 'done' && after.status === 'inProgress') return reopenCorrectiveActionDeadline(context, cause, after);
  return noDeadlineChanges();
}
