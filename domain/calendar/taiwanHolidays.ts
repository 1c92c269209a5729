/**
 * Taiwan's official rest days (放假日) and make-up working days (補行上班日), kept as data.
 *
 * Source: the annual 政府行政機關辦公日曆表 published by 行政院人事行政總處 (DGPA,
 * https://www.dgpa.gov.tw/), built on the 紀念日及節日實施辦法 and, from its promulgation in
 * 2025, the 紀念日及節日實施條例 (which made Labour Day a holiday for everyone, added 除夕前一日
 * (小年夜), 孔子誕辰紀念日/教師節 9/28, 臺灣光復暨金門古寧頭大捷紀念日 10/25 and 行憲紀念日 12/25,
 * and moves a holiday on a Saturday to the Friday before, on a Sunday to the Monday after).
 *
 * Why the weekend date of a holiday is listed as well as its observed day (補假): when a tenant
 * does not treat Saturdays as rest days, the memorial day itself is still a rest day under
 * Civil Code Art. 122 (紀念日).
 *
 * Not included on purpose: typhoon closures (停止上班) and other ad-hoc, local closures; the
 * operator adds them as dated, per-area calendar data (officialCalendar.ts). Years not listed
 * here are treated as having no holiday data, and period explanations say so.
 *
 * Maintenance: the operator loads or corrects a year as validated data
 * (PUT /v1/platform/legal-calendar/years/{year}), which replaces the year below without a
 * release; fold it in here at the next release. See README.md.
 */
import type { IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';

export interface OfficialRestDay {
  date: IsoDate;
  nameZh: string;
  nameEn: string;
  /** Why the day is listed when it is not self-explanatory (observed day, scope). */
  note?: string;
}

export interface MakeUpWorkingDay {
  date: IsoDate;
  reason: LocalizedText;
}

export type HolidayDataStatus = 'published' | 'provisional';

export interface HolidayYear {
  year: number;
  /** `provisional`: derived from the statutory rules, not yet checked against the DGPA calendar. */
  status: HolidayDataStatus;
  restDays: OfficialRestDay[];
  makeUpWorkingDays: MakeUpWorkingDay[];
}

const FOUNDING_DAY = { nameZh: '中華民國開國紀念日', nameEn: 'Founding Day of the Republic of China' };
const PEACE_MEMORIAL = { nameZh: '和平紀念日', nameEn: 'Peace Memorial Day' };
const CHILDRENS_DAY = { nameZh: '兒童節', nameEn: "Children's Day" };
const TOMB_SWEEPING = { nameZh: '民族掃墓節', nameEn: 'Tomb Sweeping Day' };
const LABOUR_DAY = { nameZh: '勞動節', nameEn: 'Labour Day' };
const DRAGON_BOAT = { nameZh: '端午節', nameEn: 'Dragon Boat Festival' };
const MID_AUTUMN = { nameZh: '中秋節', nameEn: 'Mid-Autumn Festival' };
const TEACHERS_DAY = { nameZh: '孔子誕辰紀念日（教師節）', nameEn: "Confucius' Birthday (Teachers' Day)" };
const NATIONAL_DAY = { nameZh: '國慶日', nameEn: 'National Day' };
const RETROCESSION_DAY = {
  nameZh: '臺灣光復暨金門古寧頭大捷紀念日',
  nameEn: 'Taiwan Retrocession and Guningtou Victory Memorial Day',
};
const CONSTITUTION_DAY = { nameZh: '行憲紀念日', nameEn: 'Constitution Day' };

function observed(holiday: { nameZh: string; nameEn: string }): { nameZh: string; nameEn: string } {
  return { nameZh: `${holiday.nameZh}補假`, nameEn: `${holiday.nameEn} (observed)` };
}

const LUNAR_EVE_EVE = { nameZh: '春節（除夕前一日）', nameEn: "Lunar New Year (day before New Year's Eve)" };
const LUNAR_EVE = { nameZh: '春節（除夕）', nameEn: "Lunar New Year's Eve" };
const LUNAR_1 = { nameZh: '春節（初一）', nameEn: 'Lunar New Year (day 1)' };
const LUNAR_2 = { nameZh: '春節（初二）', nameEn: 'Lunar New Year (day 2)' };
const LUNAR_3 = { nameZh: '春節（初三）', nameEn: 'Lunar New Year (day 3)' };
const LUNAR_OBSERVED = { nameZh: '春節補假', nameEn: 'Lunar New Year (observed)' };
const LUNAR_ADJUSTED = { nameZh: '春節調整放假', nameEn: 'Lunar New Year (adjusted day off)' };

export const taiwanHolidayYears: readonly HolidayYear[] = [
  {
    year: 2024,
    status: 'published',
    restDays: [
      { date: '2024-01-01', ...FOUNDING_DAY },
      { date: '2024-02-08', ...LUNAR_ADJUSTED, note: 'worked back on 2024-02-17' },
      { date: '2024-02-09', ...LUNAR_EVE },
      { date: '2024-02-10', ...LUNAR_1 },
      { date: '2024-02-11', ...LUNAR_2 },
      { date: '2024-02-12', ...LUNAR_3 },
      { date: '2024-02-13', ...LUNAR_OBSERVED, note: 'for day 1 on a Saturday' },
      { date: '2024-02-14', ...LUNAR_OBSERVED, note: 'for day 2 on a Sunday' },
      { date: '2024-02-28', ...PEACE_MEMORIAL },
      { date: '2024-04-04', nameZh: '兒童節及民族掃墓節', nameEn: "Children's Day and Tomb Sweeping Day" },
      { date: '2024-04-05', ...observed(CHILDRENS_DAY), note: 'same day as Tomb Sweeping on a Thursday: the day after' },
      // 2024-05-01 Labour Day: a rest day for workers only (Labour Standards Act), not on the
      // DGPA calendar; not a rest day here (README.md, "Labour Day before 2026").
      { date: '2024-06-10', ...DRAGON_BOAT },
      { date: '2024-09-17', ...MID_AUTUMN },
      { date: '2024-10-10', ...NATIONAL_DAY },
    ],
    makeUpWorkingDays: [
      { date: '2024-02-17', reason: { zhTW: '補行上班日（補2月8日春節調整放假）', en: 'make-up working day for the 8 February Lunar New Year day off' } },
    ],
  },
  {
    year: 2025,
    status: 'published',
    restDays: [
      { date: '2025-01-01', ...FOUNDING_DAY },
      { date: '2025-01-27', ...LUNAR_ADJUSTED, note: 'worked back on 2025-02-08' },
      { date: '2025-01-28', ...LUNAR_EVE },
      { date: '2025-01-29', ...LUNAR_1 },
      { date: '2025-01-30', ...LUNAR_2 },
      { date: '2025-01-31', ...LUNAR_3 },
      { date: '2025-02-28', ...PEACE_MEMORIAL },
      { date: '2025-04-03', ...CHILDRENS_DAY, note: 'same day as Tomb Sweeping on a Friday: the day before' },
      { date: '2025-04-04', nameZh: '兒童節及民族掃墓節', nameEn: "Children's Day and Tomb Sweeping Day" },
      // 2025-05-01 Labour Day: as in 2024, a rest day for workers only (Labour Standards Act);
      // not on the DGPA calendar until the 2025 Act made it a holiday for everyone from 2026.
      // Both years are read the same way (README.md, "Labour Day before 2026").
      { date: '2025-05-30', ...observed(DRAGON_BOAT) },
      { date: '2025-05-31', ...DRAGON_BOAT },
      // Added by the 紀念日及節日實施條例 promulgated in 2025; the DGPA amended the 2025 calendar.
      { date: '2025-09-28', ...TEACHERS_DAY },
      { date: '2025-09-29', ...observed(TEACHERS_DAY) },
      { date: '2025-10-06', ...MID_AUTUMN },
      { date: '2025-10-10', ...NATIONAL_DAY },
      { date: '2025-10-24', ...observed(RETROCESSION_DAY) },
      { date: '2025-10-25', ...RETROCESSION_DAY },
      { date: '2025-12-25', ...CONSTITUTION_DAY },
    ],
    makeUpWorkingDays: [
      { date: '2025-02-08', reason: { zhTW: '補行上班日（補1月27日春節調整放假）', en: 'make-up working day for the 27 January Lunar New Year day off' } },
    ],
  },
  {
    // First year fully under the 2025 Act; the DGPA calendar has no make-up working days.
    year: 2026,
    status: 'published',
    restDays: [
      { date: '2026-01-01', ...FOUNDING_DAY },
      { date: '2026-02-15', ...LUNAR_EVE_EVE },
      { date: '2026-02-16', ...LUNAR_EVE },
      { date: '2026-02-17', ...LUNAR_1 },
      { date: '2026-02-18', ...LUNAR_2 },
      { date: '2026-02-19', ...LUNAR_3 },
      { date: '2026-02-20', ...LUNAR_OBSERVED, note: 'for the day before the Eve on a Sunday' },
      { date: '2026-02-27', ...observed(PEACE_MEMORIAL) },
      { date: '2026-02-28', ...PEACE_MEMORIAL },
      { date: '2026-04-03', ...observed(CHILDRENS_DAY) },
      { date: '2026-04-04', ...CHILDRENS_DAY },
      { date: '2026-04-05', ...TOMB_SWEEPING },
      { date: '2026-04-06', ...observed(TOMB_SWEEPING) },
      { date: '2026-05-01', ...LABOUR_DAY },
      { date: '2026-06-19', ...DRAGON_BOAT },
      { date: '2026-09-25', ...MID_AUTUMN },
      { date: '2026-09-28', ...TEACHERS_DAY },
      { date: '2026-10-09', ...observed(NATIONAL_DAY) },
      { date: '2026-10-10', ...NATIONAL_DAY },
      { date: '2026-10-25', ...RETROCESSION_DAY },
      { date: '2026-10-26', ...observed(RETROCESSION_DAY) },
      { date: '2026-12-25', ...CONSTITUTION_DAY },
    ],
    makeUpWorkingDays: [],
  },
  {
    // Derived from the 2025 Act's rules and the lunar calendar; check against the DGPA calendar.
    year: 2027,
    status: 'provisional',
    restDays: [
      { date: '2027-01-01', ...FOUNDING_DAY },
      { date: '2027-02-04', ...LUNAR_EVE_EVE },
      { date: '2027-02-05', ...LUNAR_EVE },
      { date: '2027-02-06', ...LUNAR_1 },
      { date: '2027-02-07', ...LUNAR_2 },
      { date: '2027-02-08', ...LUNAR_3 },
      { date: '2027-02-09', ...LUNAR_OBSERVED, note: 'for day 1 on a Saturday' },
      { date: '2027-02-10', ...LUNAR_OBSERVED, note: 'for day 2 on a Sunday' },
      { date: '2027-02-28', ...PEACE_MEMORIAL },
      { date: '2027-03-01', ...observed(PEACE_MEMORIAL) },
      { date: '2027-04-04', ...CHILDRENS_DAY },
      { date: '2027-04-05', ...TOMB_SWEEPING },
      { date: '2027-04-06', ...observed(CHILDRENS_DAY) },
      { date: '2027-04-30', ...observed(LABOUR_DAY) },
      { date: '2027-05-01', ...LABOUR_DAY },
      { date: '2027-06-09', ...DRAGON_BOAT },
      { date: '2027-09-15', ...MID_AUTUMN },
      { date: '2027-09-28', ...TEACHERS_DAY },
      { date: '2027-10-10', ...NATIONAL_DAY },
      { date: '2027-10-11', ...observed(NATIONAL_DAY) },
      { date: '2027-10-25', ...RETROCESSION_DAY },
      { date: '2027-12-24', ...observed(CONSTITUTION_DAY) },
      { date: '2027-12-25', ...CONSTITUTION_DAY },
    ],
    makeUpWorkingDays: [],
  },
];
