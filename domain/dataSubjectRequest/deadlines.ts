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
  /**
   * The last day before any Civil Code Art. 122 move (= lastDay when nothing moved). An
   * extension counts from here: Art. 122 moves only the end of a period, not where the next
   * one starts. Absent on deadlines stored before it was recorded.
   */
  nominalLastDay?: IsoDate;
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
      nominalLastDay: zonedDateOf(at, settings.timeZone),
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
    nominalLastDay: period.nominalLastDay,
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
 * The deadline after an extension (PDPA Art. 13: at most 15 or 30 days in total, in one notice
 * or several). `current` is the deadline in force, `alreadyExtendedDays` what earlier notices
 * added. The extension counts from the unmoved last day of the period in force: Civil Code
 * Art. 122 only moves the end of a period, so counting from the moved day would stretch the
 * total past the statutory cap. Art. 122 then applies to the new end.
 */
export function extendedDecisionDeadline(
  type: RequestType,
  current: DecisionDeadline,
  extensionDays: number,
  settings: PeriodSettings,
  alreadyExtendedDays = 0,
): DecisionDeadline {
  const rule = deadlineRules[type];
  if (rule.kind !== 'period') throw new RangeError(`${type} has no decision period to extend`);
  const unmoved = current.nominalLastDay ?? current.lastDay;
  const total = alreadyExtendedDays + extensionDays;
  const moved = unmoved !== current.lastDay;
  const period = periodEndAfterDate({
    startDate: unmoved,
    days: extensionDays,
    timeZone: settings.timeZone,
    mode: settings.mode,
    calendar: createWorkingDayCalendar(settings.calendar),
    startStep: {
      zhTW: `延長${extensionDays}日（累計延長${total}日，合計不得逾${rule.maxExtensionDays}日，${rule.legalBasis.zhTW}），自原期限末日 ${unmoved} 屆滿後起算，該日不算入`
        + (moved ? `；原期限雖依民法第122條順延至 ${current.lastDay}，順延僅及於期間之終止，延長仍自未順延之末日起算` : ''),
      en: `Extended by ${extensionDays} days (${total} in total, at most ${rule.maxExtensionDays}, ${rule.legalBasis.en}), counted after the original last day ${unmoved}, which is not counted`
        + (moved ? `; Civil Code Art. 122 moved the original end to ${current.lastDay}, but that move concerns only the end of the period, so the extension counts from the unmoved last day` : ''),
    },
  });
  return {
    kind: 'period',
    legalBasis: rule.legalBasis,
    days: extensionDays,
    lastDay: period.lastDay,
    nominalLastDay: period.nominalLastDay,
    dueAt: period.endsAt,
    explanation: period.explanation,
  };
}
