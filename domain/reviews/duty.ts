/**
 * Duties: the recurring (or one-time) obligations the security maintenance plan creates,
 * e.g. the yearly data inventory (Regulation Art. 4) or a vendor's annual check (plan §13).
 * A one-time deadline (DSR decision date, incident 72-hour mark, certificate expiry,
 * contract end) is a duty with `frequency: null`: it falls due once, on its anchor date.
 */
import { z } from 'zod';
import { advanceByFrequency, frequencySchema, type Frequency } from '../shared/frequency';
import type { IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { isoDateSchema } from '../shared/schemas';

export { isoDateSchema };

/** Kept apart from shared/schemas' instant and localized text: different docs and bounds in the published API. */

export const instantSchema = z.iso.datetime({ offset: true }).describe('ISO 8601 timestamp');

export const localizedTextSchema = z
  .object({
    zhTW: z.string().min(1).describe('Traditional Chinese (Taiwan) text'),
    en: z.string().min(1).describe('English text'),
  })
  .strict()
  .describe('Text in zh-TW and English');

export const localeSchema = z.enum(['zh-TW', 'en']).describe('Preferred language');

/** What a duty covers. The organisation itself for plan-wide duties, otherwise one resource. */
export const dutySubjectKinds = [
  'organization',
  'vendor',
  'contract',
  'incident',
  'dataSubjectRequest',
  'certificate',
  'dataInventoryItem',
  'system',
  'assessment',
] as const;
export type DutySubjectKind = (typeof dutySubjectKinds)[number];

export const dutySubjectSchema = z
  .object({
    kind: z.enum(dutySubjectKinds).describe('Kind of resource the duty covers'),
    id: z.string().min(1).max(200).describe('Identifier of that resource'),
  })
  .strict()
  .describe('Resource the duty covers');
export type DutySubject = z.infer<typeof dutySubjectSchema>;

/** Plan-wide duties cover the tenant's own organisation; one tenant has one organisation. */
export const ORGANIZATION_SUBJECT: DutySubject = { kind: 'organization', id: 'self' };

/**
 * Roles of the personal-data team as the example plan §1(1) names them. The role is a free
 * string so plans that name other roles still fit; these are the ones the product knows.
 */
export const complianceRoleLabels: Record<string, LocalizedText> = {
  convener: { zhTW: '個資保護總負責人（召集人）', en: 'Data protection lead (convener)' },
  representative: { zhTW: '代表人或其授權人員', en: 'Representative or authorised person' },
  privacyOfficer: { zhTW: '個資管理專職人員', en: 'Privacy officer' },
  securityLead: { zhTW: '資訊安全主管', en: 'Information security lead' },
  unitPrivacyOfficer: { zhTW: '單位個資管理專員', en: 'Unit privacy officer' },
};

/** Who receives an overdue escalation (plan §1(1): 召集人 and the 代表人). */
export const ESCALATION_ROLES = ['convener', 'representative'] as const;

export const personOwnerSchema = z
  .object({
    name: z.string().min(1).max(200).describe('Person responsible'),
    email: z.email().describe('Where reminders go'),
    locale: localeSchema.optional(),
  })
  .strict();
export const roleOwnerSchema = z
  .object({ role: z.string().min(1).max(100).describe('Team role responsible, e.g. convener') })
  .strict();
export const dutyOwnerSchema = z.union([personOwnerSchema, roleOwnerSchema]).describe('A named person or a team role');
export type PersonOwner = z.infer<typeof personOwnerSchema>;
export type RoleOwner = z.infer<typeof roleOwnerSchema>;
export type DutyOwner = PersonOwner | RoleOwner;

export function isRoleOwner(owner: DutyOwner): owner is RoleOwner {
  return 'role' in owner;
}

export const dutySources = ['plan', 'default', 'vendor', 'contract', 'incident', 'dataSubjectRequest', 'assessment'] as const;
export type DutySource = (typeof dutySources)[number];

export const dutySchema = z
  .object({
    dutyId: z.string().min(1).describe('Deterministic id from duty kind and subject'),
    dutyKind: z.string().min(1).max(100).describe('What kind of duty, e.g. dataInventory'),
    subject: dutySubjectSchema,
    title: localizedTextSchema,
    legalBasis: localizedTextSchema,
    frequency: frequencySchema.nullable().describe('How often it recurs; null for a one-time deadline'),
    owner: dutyOwnerSchema,
    source: z.enum(dutySources).describe('What created the duty'),
    anchorDate: isoDateSchema.describe('First due date; later ones count from it'),
    lastCompletedOn: isoDateSchema.nullable(),
    urgent: z.boolean().describe('Remind at once instead of in the daily digest (e.g. incident 72-hour mark)'),
    retiredOn: isoDateSchema.nullable().describe('Set when the plan no longer asks for it'),
  })
  .strict();
export type Duty = z.infer<typeof dutySchema>;

/**
 * The shape a plan (or the defaults) proposes. Matches what plan/duties.ts produces
 * ({dutyKind, title, frequency, owner/ownerRole, legalBasis}); the rest is optional.
 */
export const dutyDefinitionSchema = z
  .object({
    dutyKind: z.string().min(1).max(100),
    title: localizedTextSchema,
    legalBasis: localizedTextSchema,
    frequency: frequencySchema.nullable(),
    owner: personOwnerSchema.optional(),
    ownerRole: z.string().min(1).max(100).optional(),
    subject: dutySubjectSchema.optional().describe('Defaults to the organisation'),
    anchorDate: isoDateSchema.optional().describe('First due date; defaults to one period after asOf'),
    urgent: z.boolean().optional(),
  })
  .strict();
export type DutyDefinition = z.infer<typeof dutyDefinitionSchema>;

/** Stable identity of a duty: the same kind over the same subject is the same duty. */
export function dutyKey(dutyKind: string, subject: DutySubject): string {
  return `${dutyKind}|${subject.kind}|${subject.id}`;
}

/** dutyId is the key itself, so re-approving a plan yields the same ids. */
export function dutyIdFor(dutyKind: string, subject: DutySubject): string {
  return `duty:${dutyKey(dutyKind, subject)}`;
}

export function ownerOf(definition: Pick<DutyDefinition, 'owner' | 'ownerRole'>): DutyOwner {
  if (definition.owner) return definition.owner;
  // Unassigned duties fall to the convener, who answers for the whole plan (plan §1(1)).
  return { role: definition.ownerRole ?? 'convener' };
}

export function sameFrequency(a: Frequency | null, b: Frequency | null): boolean {
  if (a === null || b === null) return a === b;
  return a.every === b.every && a.unit === b.unit;
}

export function sameOwner(a: DutyOwner, b: DutyOwner): boolean {
  if (isRoleOwner(a) || isRoleOwner(b)) return isRoleOwner(a) && isRoleOwner(b) && a.role === b.role;
  return a.name === b.name && a.email.toLowerCase() === b.email.toLowerCase() && (a.locale ?? 'zh-TW') === (b.locale ?? 'zh-TW');
}

function sameText(a: LocalizedText, b: LocalizedText): boolean {
  return a.zhTW === b.zhTW && a.en === b.en;
}

export type DutyChange = 'frequency' | 'owner' | 'title' | 'legalBasis' | 'source' | 'urgent' | 'reactivated';

export interface DutyReconciliation {
  create: Duty[];
  update: { before: Duty; after: Duty; changes: DutyChange[] }[];
  retire: Duty[];
  unchanged: Duty[];
}

export interface ReconcileOptions {
  /** Date of the approval; first due dates default to one period after it. */
  asOf: IsoDate;
  /** Source written on created/updated duties. */
  source?: DutySource;
  /**
   * Only existing duties from these sources can be retired: re-approving a plan must not
   * retire vendor, incident or DSR duties, which the plan does not list.
   */
  retireFrom?: readonly DutySource[];
}

function anchorFor(definition: DutyDefinition, asOf: IsoDate): IsoDate {
  if (definition.anchorDate) return definition.anchorDate;
  if (!definition.frequency) return asOf;
  // First cycle ends one period after approval (e.g. first yearly inventory a year on).
  return advanceByFrequency(asOf, definition.frequency);
}

/**
 * Compares the duties a plan asks for with the stored ones, by dutyKey (dutyKind + subject):
 * new keys are created, changed ones updated (keeping dutyId, anchor and history), keys no
 * longer asked for are retired. Duplicate keys in `desired` keep the first definition.
 */
export function reconcileDuties(existing: readonly Duty[], desired: readonly DutyDefinition[], options: ReconcileOptions): DutyReconciliation {
  const source = options.source ?? 'plan';
  const retireFrom = new Set(options.retireFrom ?? ['plan', 'default']);
  const existingByKey = new Map(existing.map((duty) => [dutyKey(duty.dutyKind, duty.subject), duty]));
  const seen = new Set<string>();
  const result: DutyReconciliation = { create: [], update: [], retire: [], unchanged: [] };

  for (const definition of desired) {
    const subject = definition.subject ?? ORGANIZATION_SUBJECT;
    const key = dutyKey(definition.dutyKind, subject);
    if (seen.has(key)) continue;
    seen.add(key);
    const owner = ownerOf(definition);
    const urgent = definition.urgent ?? false;
    const current = existingByKey.get(key);
    if (!current) {
      result.create.push({
        dutyId: dutyIdFor(definition.dutyKind, subject),
        dutyKind: definition.dutyKind,
        subject,
        title: definition.title,
        legalBasis: definition.legalBasis,
        frequency: definition.frequency,
        owner,
        source,
        anchorDate: anchorFor(definition, options.asOf),
        lastCompletedOn: null,
        urgent,
        retiredOn: null,
      });
      continue;
    }
    const changes: DutyChange[] = [];
    if (!sameFrequency(current.frequency, definition.frequency)) changes.push('frequency');
    if (!sameOwner(current.owner, owner)) changes.push('owner');
    if (!sameText(current.title, definition.title)) changes.push('title');
    if (!sameText(current.legalBasis, definition.legalBasis)) changes.push('legalBasis');
    if (current.source !== source) changes.push('source');
    if (current.urgent !== urgent) changes.push('urgent');
    if (current.retiredOn !== null) changes.push('reactivated');
    if (changes.length === 0) {
      result.unchanged.push(current);
      continue;
    }
    result.update.push({
      before: current,
      after: {
        ...current,
        title: definition.title,
        legalBasis: definition.legalBasis,
        frequency: definition.frequency,
        owner,
        source,
        urgent,
        // The cycle keeps its anchor so a frequency change does not restart the clock;
        // a reactivated duty restarts from the new approval.
        anchorDate: current.retiredOn !== null ? anchorFor(definition, options.asOf) : current.anchorDate,
        retiredOn: null,
      },
      changes,
    });
  }

  for (const duty of existing) {
    const key = dutyKey(duty.dutyKind, duty.subject);
    if (seen.has(key) || duty.retiredOn !== null || !retireFrom.has(duty.source)) continue;
    result.retire.push({ ...duty, retiredOn: options.asOf });
  }
  return result;
}
