/**
 * The response timeline (seed 000 §5(1)): "各項應變程序皆完成後始可結案" — the incident closes only
 * when every mandatory step is done or was explicitly ruled not applicable with a reason.
 */
import { z } from 'zod';
import type { LocalizedText } from '../shared/localizedText';
import { notificationTiming, notInFuture, reportHoursOf } from './clocks';
import { fail, ok, type Failure, type Outcome } from '../shared/outcome';
import type { IncidentErrorCode } from './errors';
import { instantSchema, type Incident, type IncidentFacts, type RegulatorNotificationRecord, type TimelineStep } from './incident';

/** Two optional timestamps name the same instant (or are both absent). */
function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  return Date.parse(a) === Date.parse(b);
}

function closed(): Failure<IncidentErrorCode> {
  return fail('conflict', 'INCIDENT_CLOSED', { zhTW: '事故已結案，不得再變更', en: 'The incident is closed and cannot change' });
}

/** A closed incident's facts no longer change. */
export function incidentMayChange(incident: Incident): Outcome<Incident, IncidentErrorCode> {
  return incident.status === 'closed' ? closed() : ok(incident);
}

/** After closure only the effectiveness of a corrective action may still be verified. */
export function correctiveActionMayMove(incident: Incident, to: string): Outcome<Incident, IncidentErrorCode> {
  return incident.status === 'closed' && to !== 'verified' ? closed() : ok(incident);
}

export interface IncidentRevision {
  incident: Incident;
  /** discoveredAt changed: the 72-hour deadline moves. */
  clockMoved: boolean;
  /** A reminder moment may have changed (the clock, or the media advice). */
  remindersChanged: boolean;
}

/**
 * Replaces the facts of an open incident. A new discovery time may not lie in the future, and
 * cannot change once the authority was notified: the report's timeliness was judged against the
 * old one and may not be re-judged silently.
 */
export function reviseIncidentFacts(incident: Incident, facts: IncidentFacts, now: Date): Outcome<IncidentRevision, IncidentErrorCode> {
  if (incident.status === 'closed') return closed();
  // Instants, not strings: 2025-03-01T01:30:00Z and 2025-03-01T09:30:00+08:00 are the same discovery.
  const clockMoved = !sameInstant(facts.discoveredAt, incident.discoveredAt);
  if (clockMoved) {
    const future = notInFuture(facts.discoveredAt, now, 'discoveredAt');
    if (!future.ok) return future;
    if (incident.regulatorNotifications.length > 0) {
      return fail('invalid', 'CLOCK_SETTLED', { zhTW: '已通報主管機關後不得變更發現時間', en: 'The discovery time cannot change after the authority was notified' }, { field: 'discoveredAt' });
    }
  }
  const remindersChanged = clockMoved || facts.mediaReported !== incident.mediaReported || !sameInstant(facts.mediaReportedAt, incident.mediaReportedAt);
  return ok({ incident: { ...incident, ...facts }, clockMoved, remindersChanged });
}

function beforeDiscovery(incident: Incident, at: string): Failure<IncidentErrorCode> | undefined {
  if (Date.parse(at) >= Date.parse(incident.discoveredAt)) return undefined;
  return fail('invalid', 'BEFORE_DISCOVERY', { zhTW: '時間不得早於發現事故時間', en: 'The time cannot precede the discovery' });
}

export const stepDoneInputSchema = z
  .object({
    at: instantSchema,
    by: z.string().trim().min(1).max(200).optional(),
    note: z.string().trim().max(4000).optional(),
  })
  .strict();
export type StepDoneInput = z.infer<typeof stepDoneInputSchema>;

/** Steps marked by hand; the notifications are marked by recording them. */
export type ManualStep = 'contained' | 'rootCauseFound';

export function markStepDone(incident: Incident, step: ManualStep, input: StepDoneInput): Outcome<Incident, IncidentErrorCode> {
  if (incident.status === 'closed') return closed();
  if (step !== 'contained' && step !== 'rootCauseFound') {
    return fail('invalid', 'STEP_NOT_MANUAL', { zhTW: '此步驟須透過通報或通知紀錄完成', en: 'This step is completed by recording the notification' });
  }
  const early = beforeDiscovery(incident, input.at);
  if (early) return early;
  if (incident.timeline[step]?.status === 'done') {
    return fail('conflict', 'STEP_ALREADY_RECORDED', { zhTW: '此步驟已完成', en: 'This step is already done' });
  }
  const entry = { status: 'done' as const, at: input.at, ...(input.by ? { by: input.by } : {}), ...(input.note ? { note: input.note } : {}) };
  return ok({ ...incident, timeline: { ...incident.timeline, [step]: entry } });
}

export const stepNotApplicableInputSchema = z
  .object({
    reason: z.string().trim().min(1).max(4000).describe('Why the step does not apply'),
    decidedBy: z.string().trim().min(1).max(200),
    decidedAt: instantSchema,
  })
  .strict();
export type StepNotApplicableInput = z.infer<typeof stepNotApplicableInputSchema>;

/**
 * Rules a step out. Refused for the regulator report when the incident endangers operations or
 * many subjects (the report is then mandatory), and for customers when any are affected.
 */
export function markStepNotApplicable(
  incident: Incident,
  step: Exclude<TimelineStep, 'closed'>,
  input: StepNotApplicableInput,
): Outcome<Incident, IncidentErrorCode> {
  if (incident.status === 'closed') return closed();
  const early = beforeDiscovery(incident, input.decidedAt);
  if (early) return early;
  if (incident.timeline[step]?.status === 'done') {
    return fail('conflict', 'STEP_ALREADY_RECORDED', { zhTW: '此步驟已完成', en: 'This step is already done' });
  }
  if (step === 'regulatorNotified' && incident.endangersOperationsOrManySubjects) {
    return fail('invalid', 'STEP_NOT_APPLICABLE_REFUSED', { zhTW: '事故危及正常營運或大量當事人權益，應於72小時內通報主管機關，不得標示為不適用', en: 'The incident endangers operations or many data subjects: reporting to the authority within 72 hours is mandatory' });
  }
  if (step === 'customersNotified' && incident.customersAffected.length > 0) {
    return fail('invalid', 'STEP_NOT_APPLICABLE_REFUSED', { zhTW: '有受影響之客戶，應通知客戶', en: 'Customers are affected and must be notified' });
  }
  const entry = { status: 'notApplicable' as const, reason: input.reason, decidedBy: input.decidedBy, decidedAt: input.decidedAt };
  return ok({ ...incident, timeline: { ...incident.timeline, [step]: entry } });
}

export const regulatorNotificationInputSchema = z
  .object({
    notifiedAt: instantSchema.describe('When the form was sent to the authority'),
    authorityCode: z.string().trim().min(1).max(50).describe('Authority directory code'),
    channel: z.enum(['email', 'onlineForm', 'fax', 'phone', 'letter']),
    stage: z.enum(['initial', 'supplementary', 'final']).default('initial').describe('Reports may be made in stages (K0010162 Art. 8 ¶3)'),
    delayReason: z.string().trim().max(4000).optional().describe('Required when the first report is after the 72-hour deadline'),
    reference: z.string().trim().max(200).optional().describe("Authority's case number"),
  })
  .strict();
export type RegulatorNotificationInput = z.infer<typeof regulatorNotificationInputSchema>;

/**
 * Records a report to the authority. The first report after discoveredAt + 72 h needs a delay
 * reason (未於時限內通報者應附遲延理由); later stage reports are not timed.
 */
export function recordRegulatorNotification(incident: Incident, input: RegulatorNotificationInput): Outcome<Incident, IncidentErrorCode> {
  if (incident.status === 'closed') return closed();
  const early = beforeDiscovery(incident, input.notifiedAt);
  if (early) return early;
  const first = incident.regulatorNotifications.length === 0;
  const timing = notificationTiming(incident, input.notifiedAt);
  if (first && !timing.withinDeadline && !input.delayReason?.trim()) {
    return fail('invalid', 'LATE_WITHOUT_DELAY_REASON', { zhTW: `已逾${reportHoursOf(incident)}小時通報期限（${timing.deadline}），應附遲延理由`, en: `The ${reportHoursOf(incident)}-hour deadline (${timing.deadline}) has passed; a delay reason is required` }, { details: { deadline: timing.deadline } });
  }
  const record: RegulatorNotificationRecord = {
    notifiedAt: input.notifiedAt,
    authorityCode: input.authorityCode,
    channel: input.channel,
    stage: first ? 'initial' : input.stage === 'initial' ? 'supplementary' : input.stage,
    withinDeadline: timing.withinDeadline,
    ...(input.delayReason?.trim() ? { delayReason: input.delayReason.trim() } : {}),
    ...(input.reference ? { reference: input.reference } : {}),
  };
  const timeline = first ? { ...incident.timeline, regulatorNotified: { status: 'done' as const, at: input.notifiedAt } } : incident.timeline;
  return ok({ ...incident, regulatorNotifications: [...incident.regulatorNotifications, record], timeline });
}

export interface CloseBlocker {
  step: TimelineStep | 'correctiveActions';
  code: 'STEP_PENDING' | 'STEP_MANDATORY' | 'ACTIONS_OPEN';
  message: LocalizedText;
}

const stepLabels: Record<Exclude<TimelineStep, 'closed'>, LocalizedText> = {
  contained: { zhTW: '事故排除（損害控制）', en: 'containment' },
  regulatorNotified: { zhTW: '通報主管機關', en: 'report to the authority' },
  subjectsNotified: { zhTW: '通知當事人', en: 'notice to data subjects' },
  customersNotified: { zhTW: '通知客戶', en: 'notice to customers' },
  rootCauseFound: { zhTW: '查明事故原因', en: 'root cause found' },
};

/**
 * Why the incident cannot close yet (empty when it can). Customers are skipped when none are
 * affected; every other step needs done or notApplicable-with-reason; corrective actions must at
 * least be done (verification of effectiveness may follow the closure).
 */
export function closeBlockers(incident: Incident): CloseBlocker[] {
  const blockers: CloseBlocker[] = [];
  for (const step of ['contained', 'regulatorNotified', 'subjectsNotified', 'customersNotified', 'rootCauseFound'] as const) {
    const entry = incident.timeline[step];
    if (step === 'customersNotified' && incident.customersAffected.length === 0 && entry === undefined) continue;
    const label = stepLabels[step];
    const mandatory =
      (step === 'regulatorNotified' && incident.endangersOperationsOrManySubjects) ||
      (step === 'customersNotified' && incident.customersAffected.length > 0);
    if (entry?.status === 'done') continue;
    if (entry?.status === 'notApplicable' && !mandatory && entry.reason.trim()) continue;
    blockers.push(
      mandatory
        ? { step, code: 'STEP_MANDATORY', message: { zhTW: `尚未完成必要步驟：${label.zhTW}`, en: `Mandatory step not done: ${label.en}` } }
        : {
            step,
            code: 'STEP_PENDING',
            message: { zhTW: `尚未完成或說明不適用：${label.zhTW}`, en: `Not done nor ruled not applicable: ${label.en}` },
          },
    );
  }
  const openActions = incident.correctiveActions.filter((a) => a.status === 'open' || a.status === 'inProgress');
  if (openActions.length > 0) {
    blockers.push({
      step: 'correctiveActions',
      code: 'ACTIONS_OPEN',
      message: { zhTW: `尚有${openActions.length}項矯正預防措施未完成`, en: `${openActions.length} corrective action(s) not done` },
    });
  }
  return blockers;
}

export function canCloseIncident(incident: Incident): { closable: boolean; blockers: CloseBlocker[] } {
  const blockers = incident.status === 'closed' ? [] : closeBlockers(incident);
  return { closable: incident.status === 'open' && blockers.length === 0, blockers };
}

export function closeIncident(incident: Incident, input: { at: string; by: string }): Outcome<Incident, IncidentErrorCode> {
  if (incident.status === 'closed') return closed();
  const early = beforeDiscovery(incident, input.at);
  if (early) return early;
  const blockers = closeBlockers(incident);
  if (blockers.length > 0) {
    // Each blocker is a step of the incident's timeline (or its corrective actions), as the view shows them.
    const fieldErrors = blockers.map((blocker) => ({ field: blocker.step === 'correctiveActions' ? 'correctiveActions' : `timeline.${blocker.step}`, reason: blocker.message }));
    return fail('conflict', 'CANNOT_CLOSE', { zhTW: '應變程序尚未全部完成，不得結案', en: 'The response steps are not all complete; the incident cannot close' }, { details: { blockers, fieldErrors } });
  }
  return ok({ ...incident, status: 'closed', timeline: { ...incident.timeline, closed: { status: 'done', at: input.at, by: input.by } } });
}
