/**
 * Decision deadlines (PDPA Art. 13) and the marketing stop (Art. 20 ¶2), computed with the
 * Civil Code period rules of domain/calendar so each deadline carries its explanation.
 */
import { z } from 'zod';
import { civilCodePeriodEnd, periodEndAfterDate, periodModes, timeZoneSchema, type PeriodMode } from '../calendar/civilCodePeriod';
import { calendarSettingsSchema, createWorkingDayCalendar, type CalendarSettings } from '../calendar/workingDayCalendar';
import { zonedDateOf, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { deadlineRules, requestTypeNames, type RequestType } from './requestTypes';

export const periodSettingsSchema = z
  .object({
    timeZone: timeZoneSchema.default('Asia/Taipei'),
    mode: z.enum(periodModes).default('civilCode').describe('civilCode (default) or plain calendarDays'),
    calendar: calendarSettingsSchema.prefault({}),
  })
  .strict()
  .describe('How the tenant counts statutory periods');
export type PeriodSettingsInput = z.input<typeof periodSettingsSchema>;

export interface PeriodSettings {
  timeZone: string;
  mode: PeriodMode;
  calendar: CalendarSettings;
}

export interface DecisionDeadline {
  kind: 'period' | 'immediate';
  legalBasis: LocalizedText;
  /** 0 for an immediate duty. */
  days: number;
  /** Local date the deadline falls on. */
  lastDay: IsoDate;
  /** ISO instant; for a period, the end of lastDay in the tenant's time zone. */
  dueAt: string;
  explanation: LocalizedText[];
}

/** The deadline that applies from receipt of a request of this type. */
export function decisionDeadline(type: RequestType, receivedAt: string, settings: PeriodSettings): DecisionDeadline {
  const rule = deadlineRules[type];
  const name = requestTypeNames[type];
  if (rule.kind === 'immediate') {
    const at = new Date(receivedAt).toISOString();
    return {
      kind: 'immediate',
      legalBasis: rule.legalBasis,
      days: 0,
      lastDay: zonedDateOf(at, settings.timeZone),
      dueAt: at,
      explanation: [
        {
          zhTW: `當事人表示${name.zhTW}，應即停止利用其個人資料行銷，自 ${at} 起生效，無決定期間亦不得延長（${rule.legalBasis.zhTW}）`,
          en: `The data subject objected to marketing: marketing use of their data must stop at once, effective ${at}; there is no decision period and no extension (${rule.legalBasis.en})`,
        },
      ],
    };
  }
  const period = civilCodePeriodEnd({
    receivedAt,
    days: rule.days,
    timeZone: settings.timeZone,
    mode: settings.mode,
    calendar: createWorkingDayCalendar(settings.calendar),
  });
  return {
    kind: 'period',
    legalBasis: rule.legalBasis,
    days: rule.days,
    lastDay: period.lastDay,
    dueAt: period.endsAt,
    explanation: [
      {
        zhTW: `${name.zhTW}之請求，應於${rule.days}日內為准駁之決定（${rule.legalBasis.zhTW}）`,
        en: `A request for ${name.en} must be decided within ${rule.days} days (${rule.legalBasis.en})`,
      },
      ...period.explanation,
    ],
  };
}

/**
 * The extended deadline: the extension runs on from the end of the original period, so the
 * original last day (as moved by Art. 122) is the day not counted.
 */
export function extendedDecisionDeadline(
  type: RequestType,
  original: DecisionDeadline,
  extensionDays: number,
  settings: PeriodSettings,
): DecisionDeadline {
  const rule = deadlineRules[type];
  if (rule.kind !== 'period') throw new RangeError(`${type} has no decision period to extend`);
  const period = periodEndAfterDate({
    startDate: original.lastDay,
    days: extensionDays,
    timeZone: settings.timeZone,
    mode: settings.mode,
    calendar: createWorkingDayCalendar(settings.calendar),
    startStep: {
      zhTW: `原決定期限 ${original.lastDay} 屆滿後延長${extensionDays}日（最長${rule.maxExtensionDays}日，${rule.legalBasis.zhTW}），原期限末日不算入`,
      en: `Extended by ${extensionDays} days after the original deadline ${original.lastDay} (at most ${rule.maxExtensionDays}, ${rule.legalBasis.en}); the original last day is not counted`,
    },
  });
  return {
    kind: 'period',
    legalBasis: rule.legalBasis,
    days: extensionDays,
    lastDay: period.lastDay,
    dueAt: period.endsAt,
    explanation: period.explanation,
  };
}
