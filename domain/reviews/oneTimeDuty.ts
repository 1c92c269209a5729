/**
 * One-time deadlines modelled as duties with `frequency: null`: they fall due once, on the
 * anchor date, and completing them opens nothing further. The modules that own the deadline
 * rules (DSR, incidents, vendors) compute the date; this only shapes the duty.
 */
import { zonedDateOf, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { dutyIdFor, type Duty, type DutyOwner, type DutySource, type DutySubject } from './duty';

export interface OneTimeDeadline {
  dutyKind: string;
  subject: DutySubject;
  title: LocalizedText;
  legalBasis: LocalizedText;
  dueDate: IsoDate;
  owner: DutyOwner;
  source: DutySource;
  urgent?: boolean;
}

export function oneTimeDuty(deadline: OneTimeDeadline): Duty {
  return {
    dutyId: dutyIdFor(deadline.dutyKind, deadline.subject),
    dutyKind: deadline.dutyKind,
    subject: deadline.subject,
    title: deadline.title,
    legalBasis: deadline.legalBasis,
    frequency: null,
    owner: deadline.owner,
    source: deadline.source,
    anchorDate: deadline.dueDate,
    lastCompletedOn: null,
    urgent: deadline.urgent ?? false,
    retiredOn: null,
  };
}

const HOURS_72_MS = 72 * 3_600_000;

/**
 * The authority notification of a personal data incident: within 72 hours of discovery
 * (Regulation Art. 6 ¶2; plan §5(2)). The duty is due on the local date the 72 hours end,
 * and is urgent so reminders go out at once rather than in the next daily digest.
 */
export function incidentNotificationDuty(incidentId: string, discoveredAt: string, timeZone: string, owner: DutyOwner): Duty {
  const deadline = new Date(new Date(discoveredAt).getTime() + HOURS_72_MS).toISOString();
  return oneTimeDuty({
    dutyKind: 'incidentAuthorityNotification',
    subject: { kind: 'incident', id: incidentId },
    title: { zhTW: '個資事故72小時內通報主管機關', en: 'Notify the authority of the incident within 72 hours' },
    legalBasis: {
      zhTW: '安全維護辦法第6條第2項：發現事故後72小時內填具「個人資料侵害事故通報與紀錄表」通報主管機關，逾時應附遲延理由',
      en: 'Security maintenance regulation Art. 6(2): report the incident to the authority within 72 hours of discovery; late reports must give reasons',
    },
    dueDate: zonedDateOf(deadline, timeZone),
    owner,
    source: 'incident',
    urgent: true,
  });
}
