/**
 * Self-assessment catalogs: strategic goal → management item → requirement → check item, as
 * in the e-commerce transaction security standard (seed 003), and one flat-grouped catalog per
 * modelled sector regulation. Catalogs are data; an assessment runs one of them.
 */
import { z } from 'zod';
import { localizedTextSchemaOf } from '../shared/schemas';

/** Which business class an entry applies to: 皆適用 (class I and II) or II only. */
export const applicableClasses = ['all', 'II'] as const;
export type ApplicableClass = (typeof applicableClasses)[number];

/** Baseline (BL, must be done) or better practice (BP, marked ◎, optional). */
export const practiceLevels = ['baseline', 'betterPractice'] as const;
export type PracticeLevel = (typeof practiceLevels)[number];

export const catalogIds = [
  'ecommercePlatform',
  'ecommerceSupplier',
  'ecommerceLogistics',
  'regulation:Q0010012',
  'regulation:K0010162',
  'regulation:J0030130',
  'regulation:J0080062',
] as const;
export type CatalogId = (typeof catalogIds)[number];
export type EcommerceChecklistKind = 'ecommercePlatform' | 'ecommerceSupplier' | 'ecommerceLogistics';
export const ecommerceChecklistKinds: readonly EcommerceChecklistKind[] = ['ecommercePlatform', 'ecommerceSupplier', 'ecommerceLogistics'];

const text = localizedTextSchemaOf({ maxLength: 4000, trim: false });

export const evidenceSuggestionSchema = z
  .object({
    /** The □ line of the 實作紀錄 column. */
    text: z.string(),
    /** Its "- " sub-points, when it lists contents. */
    details: z.array(z.string()),
  })
  .strict();
export type EvidenceSuggestion = z.infer<typeof evidenceSuggestionSchema>;

/** Where an item comes from: an article of a regulation, or a passage of a seed document. */
export const itemCitationSchema = z
  .object({
    source: z.string().describe('pcode of the regulation, or a seed document reference'),
    article: z.string().optional(),
    topic: z.string().optional(),
  })
  .strict();
export type ItemCitation = z.infer<typeof itemCitationSchema>;

export const checkItemSchema = z
  .object({
    /** e.g. 1.1.1.1 in seed 003; a rule code for regulation catalogs. */
    number: z.string(),
    question: z.string(),
    applicableClass: z.enum(applicableClasses),
    practice: z.enum(practiceLevels),
    suggestedEvidence: z.array(evidenceSuggestionSchema),
    citations: z.array(itemCitationSchema).optional(),
  })
  .strict();
export type CheckItem = z.infer<typeof checkItemSchema>;

export const requirementSchema = z
  .object({
    number: z.string(),
    text: z.string(),
    applicableClass: z.enum(applicableClasses),
    /** 依據之法規或標準, e.g. ISO 27001, 「個人資料保護法」; null when the table gives none. */
    basis: z.string().nullable(),
    checkItems: z.array(checkItemSchema),
  })
  .strict();
export type Requirement = z.infer<typeof requirementSchema>;

export const managementItemSchema = z
  .object({ number: z.string(), title: z.string(), requirements: z.array(requirementSchema) })
  .strict();
export type ManagementItem = z.infer<typeof managementItemSchema>;

export const strategicGoalSchema = z
  .object({ number: z.string(), title: z.string(), managementItems: z.array(managementItemSchema) })
  .strict();
export type StrategicGoal = z.infer<typeof strategicGoalSchema>;

export const catalogSchema = z
  .object({
    catalogId: z.enum(catalogIds),
    title: text,
    source: z.string(),
    /** Regulation catalogs: pcode; e-commerce checklists: null. */
    regulation: z.string().nullable(),
    goals: z.array(strategicGoalSchema),
  })
  .strict();
export type ChecklistCatalog = z.infer<typeof catalogSchema>;

/** A check item with its place in the tree, for flat listing and scoring. */
export interface LocatedCheckItem extends CheckItem {
  goalNumber: string;
  managementItemNumber: string;
  requirementNumber: string;
}

export function catalogItems(catalog: ChecklistCatalog): LocatedCheckItem[] {
  return catalog.goals.flatMap((goal) =>
    goal.managementItems.flatMap((item) =>
      item.requirements.flatMap((req) =>
        req.checkItems.map((check) => ({ ...check, goalNumber: goal.number, managementItemNumber: item.number, requirementNumber: req.number })),
      ),
    ),
  );
}

export interface CatalogCounts {
  goals: number;
  managementItems: number;
  requirements: number;
  checkItems: number;
  betterPractices: number;
  /** Check items a class I business answers (class 皆適用). */
  classI: number;
}

export function countCatalog(catalog: ChecklistCatalog): CatalogCounts {
  const items = catalogItems(catalog);
  return {
    goals: catalog.goals.length,
    managementItems: catalog.goals.reduce((n, g) => n + g.managementItems.length, 0),
    requirements: catalog.goals.reduce((n, g) => n + g.managementItems.reduce((m, i) => m + i.requirements.length, 0), 0),
    checkItems: items.length,
    betterPractices: items.filter((i) => i.practice === 'betterPractice').length,
    classI: items.filter((i) => i.applicableClass === 'all').length,
  };
}
