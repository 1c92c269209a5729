import { ORGANIZATION_SUBJECT, dutyIdFor, type Duty } from '../../../domain/reviews/duty';
import { openTask, type ReviewTask } from '../../../domain/reviews/reviewTask';
import type { ReminderRecipient, RoleDirectory } from '../../../domain/reviews/sweep';

export function makeDuty(overrides: Partial<Duty> = {}): Duty {
  const dutyKind = overrides.dutyKind ?? 'dataInventory';
  const subject = overrides.subject ?? ORGANIZATION_SUBJECT;
  return {
    dutyId: dutyIdFor(dutyKind, subject),
    dutyKind,
    subject,
    title: { zhTW: '個資盤點', en: 'Personal data inventory' },
    legalBasis: { zhTW: '安全維護辦法第4條', en: 'Security maintenance regulation Art. 4' },
    frequency: { every: 1, unit: 'year' },
    owner: { name: '技安', email: 'jian@example.com' },
    source: 'plan',
    anchorDate: '2026-12-31',
    lastCompletedOn: null,
    urgent: false,
    retiredOn: null,
    ...overrides,
  };
}

export function taskFor(duty: Duty, dueDate: string, overrides: Partial<ReviewTask> = {}): ReviewTask {
  return { ...openTask(duty, dueDate), ...overrides };
}

export const convener: ReminderRecipient = { name: '技安', email: 'convener@example.com', locale: 'zh-TW' };
export const representative: ReminderRecipient = { name: '小叮噹', email: 'ceo@example.com', locale: 'zh-TW' };
export const securityLead: ReminderRecipient = { name: 'Ah Fu', email: 'afu@example.com', locale: 'en' };

export const directory: RoleDirectory = {
  convener: [convener],
  representative: [representative],
  securityLead: [securityLead],
};
