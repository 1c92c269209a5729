/**
 * 個資事故 record. Fields follow the incident form of Q0010012 Art. 6 ¶2 (seed 001) and the
 * 數位發展部 Table 2 (K0010162 Art. 8), plus what the response procedure of seed 000 §5 tracks.
 * Instants are ISO timestamps with an offset; they are compared as instants, never as strings.
 */
import { z } from 'zod';
import type { LocalizedText } from '../shared/localizedText';
import { instantSchema } from '../shared/schemas';
import type { IncidentRegime } from './incidentRegimeTypes';
import type { CorrectiveAction, NoticeContent } from './records';

export { instantSchema };

export const incidentKinds = ['theft', 'alteration', 'damage', 'loss', 'leak', 'ransomware', 'intrusion', 'misdelivery', 'insider', 'other'] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const incidentKindLabels: Record<IncidentKind, LocalizedText> = {
  theft: { zhTW: '竊取', en: 'Theft' },
  alteration: { zhTW: '竄改', en: 'Alteration' },
  damage: { zhTW: '毀損', en: 'Damage' },
  loss: { zhTW: '滅失', en: 'Loss' },
  leak: { zhTW: '洩漏', en: 'Leak' },
  ransomware: { zhTW: '勒索軟體', en: 'Ransomware' },
  intrusion: { zhTW: '系統入侵', en: 'Intrusion' },
  misdelivery: { zhTW: '誤寄／誤送', en: 'Misdelivery' },
  insider: { zhTW: '內部人員不當存取', en: 'Insider misuse' },
  other: { zhTW: '其他', en: 'Other' },
};

export const dataSubjectKinds = ['customers', 'consumers', 'employees', 'jobApplicants', 'supplierContacts', 'hostedCustomersEndUsers', 'other'] as const;

export const noticeChannels = ['email', 'sms', 'websiteNotice', 'letter', 'phone'] as const;
export type NoticeChannel = (typeof noticeChannels)[number];
export const noticeChannelLabels: Record<NoticeChannel, LocalizedText> = {
  email: { zhTW: '電子郵件', en: 'E-mail' },
  sms: { zhTW: '簡訊', en: 'SMS' },
  websiteNotice: { zhTW: '網站公告', en: 'Website notice' },
  letter: { zhTW: '書面信函', en: 'Letter' },
  phone: { zhTW: '電話', en: 'Phone' },
};

const incidentFactsShape = {
  title: z.string().trim().min(1).max(200).describe('Short name of the incident'),
  discoveredAt: instantSchema.describe('When we learned of it: the 72-hour clock starts here'),
  occurredAt: instantSchema.optional().describe('When it happened, if known'),
  reportedBy: z
    .object({
      name: z.string().trim().min(1).max(100),
      unit: z.string().trim().max(100).optional().describe('Department'),
      contact: z.string().trim().max(200).optional(),
    })
    .strict()
    .describe('Who reported it to the personal-data contact'),
  kinds: z.array(z.enum(incidentKinds)).min(1).describe('事件發生種類'),
  otherKindDescription: z.string().trim().max(500).optional().describe('Required when kinds includes other'),
  dataCategories: z.array(z.string().trim().min(1)).default([]).describe('個人資料類型 affected (e.g. C001 辨識個人者)'),
  inventoryFileIds: z.array(z.string().min(1)).default([]).describe('Personal-data inventory files affected'),
  estimatedRecords: z
    .object({
      general: z.number().int().min(0).describe('General personal data records'),
      special: z.number().int().min(0).describe('Special-category records (PDPA Art. 6)'),
    })
    .strict()
    .describe('預估個人資料侵害總筆數'),
  dataSubjectKinds: z.array(z.enum(dataSubjectKinds)).default([]),
  summary: z.string().trim().max(4000).default('').describe('事件摘要'),
  cause: z.string().trim().max(4000).default('').describe('發生原因 (as known)'),
  damage: z.string().trim().max(4000).default('').describe('損害狀況'),
  possibleConsequences: z.string().trim().max(4000).default('').describe('個人資料侵害可能結果'),
  containmentMeasures: z
    .array(z.object({ at: instantSchema, description: z.string().trim().min(1).max(2000) }).strict())
    .default([])
    .describe('Emergency measures taken so far'),
  plannedMeasures: z.array(z.string().trim().min(1).max(2000)).default([]).describe('擬採取之因應措施'),
  plannedSubjectNotification: z
    .object({
      at: instantSchema.optional().describe('擬通知當事人時間'),
      channels: z.array(z.enum(noticeChannels)).default([]).describe('擬採通知當事人之方式'),
    })
    .strict()
    .optional(),
  mediaReported: z.boolean().default(false).describe('Already in the news: notify the authority within 24 h (advice)'),
  mediaReportedAt: instantSchema.optional(),
  endangersOperationsOrManySubjects: z
    .boolean()
    .describe('危及正常營運或大量當事人權益: makes the 72-hour report to the authority mandatory'),
  customersAffected: z
    .array(z.object({ customerId: z.string().min(1), name: z.string().trim().min(1).max(200) }).strict())
    .default([])
    .describe('Customers whose data we host or process (SaaS/hosting) and who must be told'),
};

export const incidentInputSchema = z
  .object(incidentFactsShape)
  .strict()
  .refine((i) => !i.kinds.includes('other') || !!i.otherKindDescription?.trim(), {
    message: 'Describe the kind when kinds includes other',
    path: ['otherKindDescription'],
  })
  .refine((i) => i.occurredAt === undefined || Date.parse(i.occurredAt) <= Date.parse(i.discoveredAt), {
    message: 'occurredAt cannot be after discoveredAt',
    path: ['occurredAt'],
  });
export type IncidentInput = z.input<typeof incidentInputSchema>;
export type IncidentFacts = z.output<typeof incidentInputSchema>;

export const timelineSteps = ['contained', 'regulatorNotified', 'subjectsNotified', 'customersNotified', 'rootCauseFound', 'closed'] as const;
export type TimelineStep = (typeof timelineSteps)[number];

export type TimelineEntry =
  | { status: 'done'; at: string; by?: string; note?: string }
  | { status: 'notApplicable'; reason: string; decidedAt: string; decidedBy: string };

export interface RegulatorNotificationRecord {
  notifiedAt: string;
  authorityCode: string;
  channel: 'email' | 'onlineForm' | 'fax' | 'phone' | 'letter';
  /** K0010162 Art. 8 ¶3 allows reporting in stages; only the first submission is timed. */
  stage: 'initial' | 'supplementary' | 'final';
  withinDeadline: boolean;
  delayReason?: string;
  reference?: string;
}

export interface NoticeRecord {
  id: string;
  audience: 'dataSubjects' | 'customers';
  channel: NoticeChannel;
  sentAt: string;
  audienceSize: number;
  locale: 'zh-TW' | 'en';
  customerIds: string[];
  content: NoticeContent;
}

export interface Incident extends IncidentFacts {
  id: string;
  tenantId: string;
  status: 'open' | 'closed';
  timeline: Partial<Record<TimelineStep, TimelineEntry>>;
  regulatorNotifications: RegulatorNotificationRecord[];
  notices: NoticeRecord[];
  correctiveActions: CorrectiveAction[];
  /** Seed 000 §15(1)4: corrective measures are written back into the plan; an incident opens that duty. */
  planUpdateRequired: boolean;
  planUpdate?: { planVersion: string; at: string };
  /** The regime chosen when the incident was recorded (incidentRegime.ts); absent on older records. */
  regime?: IncidentRegime;
}

export function openIncident(input: { id: string; tenantId: string; facts: IncidentFacts }): Incident {
  return {
    ...input.facts,
    id: input.id,
    tenantId: input.tenantId,
    status: 'open',
    timeline: {},
    regulatorNotifications: [],
    notices: [],
    correctiveActions: [],
    planUpdateRequired: true,
  };
}

/** Total estimated records, general plus special. */
export function estimatedTotalRecords(incident: Pick<IncidentFacts, 'estimatedRecords'>): number {
  return incident.estimatedRecords.general + incident.estimatedRecords.special;
}
