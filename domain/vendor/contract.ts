/**
 * 委外契約: what the entrustment contract must spell out (Enforcement Rules Art. 8 ¶2, seed 000
 * §13(1)), recorded as a clause checklist so missing items become findings with their citation.
 */
import { z } from 'zod';
import { compareIsoDate, type IsoDate } from '../shared/isoDate';
import { advanceByFrequency, frequencySchema, YEARLY } from '../shared/frequency';
import type { LocalizedText } from '../shared/localizedText';
import { purposeReferenceSchema } from '../inventory/codeLists';
import { contractClauseIdSchema, contractClauseIds, type ContractClauseId } from './contractClauses';

export interface LegalCitation {
  /** law.moj.gov.tw pcode of the regulation. */
  lawCode: string;
  article: number;
  paragraph?: number;
  item?: number;
  label: LocalizedText;
}

const RULES = 'I0050022';

function rulesArt8Item(item: number): LegalCitation {
  return {
    lawCode: RULES,
    article: 8,
    paragraph: 2,
    item,
    label: { zhTW: `個人資料保護法施行細則第8條第2項第${item}款`, en: `PDPA Enforcement Rules Art. 8 ¶2 item ${item}` },
  };
}

export interface ContractClauseDefinition {
  id: ContractClauseId;
  title: LocalizedText;
  citations: LegalCitation[];
  /** False for clauses the law always requires (scope, breach reporting, return/deletion). */
  notApplicableAllowed: boolean;
  /** 'advisory' clauses come from the example plan, not the law: missing them is a softer finding. */
  requirement: 'required' | 'advisory';
}

/** Rules Art. 12 ¶2: the 11 kinds of measures; Art. 8 ¶2 item 2 asks what the vendor does for each. */
const processorMeasures: Array<[string, string, string]> = [
  ['staffAndResources', '配置管理之人員及相當資源', 'Management staff and adequate resources'],
  ['dataScope', '界定個人資料之範圍', 'Defining the scope of personal data'],
  ['riskAssessment', '個人資料之風險評估及管理機制', 'Risk assessment and management of personal data'],
  ['incidentResponse', '事故之預防、通報及應變機制', 'Incident prevention, notification and response'],
  ['internalProcedures', '個人資料蒐集、處理及利用之內部管理程序', 'Internal procedures for collection, processing and use'],
  ['dataSecurityAndPersonnel', '資料安全管理及人員管理', 'Data security management and personnel management'],
  ['awarenessTraining', '認知宣導及教育訓練', 'Awareness and training'],
  ['equipmentSecurity', '設備安全管理', 'Equipment security management'],
  ['securityAudit', '資料安全稽核機制', 'Data security audit mechanism'],
  ['logsAndEvidence', '使用紀錄、軌跡資料及證據保存', 'Usage records, logs and evidence retention'],
  ['continuousImprovement', '個人資料安全維護之整體持續改善', 'Overall continuous improvement of personal-data security'],
];

export const contractClauseCatalog: readonly ContractClauseDefinition[] = [
  {
    id: 'scopeCategoriesPurposePeriod',
    title: { zhTW: '預定蒐集、處理或利用個人資料之範圍、類別、特定目的及其期間', en: 'Scope, categories, specific purposes and period of the processing' },
    citations: [rulesArt8Item(1)],
    notApplicableAllowed: false,
    requirement: 'required',
  },
  ...processorMeasures.map(([id, zhTW, en], index): ContractClauseDefinition => ({
    id: `measures.${id}` as ContractClauseId,
    title: { zhTW: `受託者採取措施：${zhTW}`, en: `Processor's measures: ${en}` },
    citations: [
      rulesArt8Item(2),
      {
        lawCode: RULES,
        article: 12,
        paragraph: 2,
        item: index + 1,
        label: { zhTW: `個人資料保護法施行細則第12條第2項第${index + 1}款`, en: `PDPA Enforcement Rules Art. 12 ¶2 item ${index + 1}` },
      },
    ],
    // Art. 12 ¶2 measures are to be proportionate, so one may not fit a given service.
    notApplicableAllowed: true,
    requirement: 'required',
  })),
  {
    id: 'measures.otherAgreedMatters',
    title: { zhTW: '受託者採取措施：契約中其他指定事項', en: "Processor's measures: other matters specified in the contract" },
    citations: [rulesArt8Item(2)],
    notApplicableAllowed: true,
    requirement: 'advisory',
  },
  {
    id: 'subProcessors',
    title: { zhTW: '有複委託者，其約定之受託者（並監督複受託者）', en: 'Sub-processors engaged, if any (and their supervision)' },
    citations: [rulesArt8Item(3)],
    notApplicableAllowed: true,
    requirement: 'required',
  },
  {
    id: 'breachNotificationAndRemedies',
    title: {
      zhTW: '受託者或其受僱人違反個資法令時，應向委託者通知之事項及採行之補救措施',
      en: 'What the processor must report, and the remedies, when it or its staff breach data-protection law',
    },
    citations: [rulesArt8Item(4)],
    notApplicableAllowed: false,
    requirement: 'required',
  },
  {
    id: 'reservedInstructions',
    title: { zhTW: '委託者對受託者保留指示之事項', en: 'Matters on which the commissioning party reserves instructions' },
    citations: [rulesArt8Item(5)],
    notApplicableAllowed: true,
    requirement: 'required',
  },
  {
    id: 'returnAndDeletion',
    title: {
      zhTW: '委託關係終止或解除時，個人資料載體之返還及受託者儲存持有個人資料之刪除',
      en: 'Return of data carriers and deletion of stored personal data when the relationship ends',
    },
    citations: [rulesArt8Item(6)],
    notApplicableAllowed: false,
    requirement: 'required',
  },
];

// The ids are the enum of ./contractClauses (shared with the plan area); test/unit/vendor/contractClauses.test.ts keeps the catalog in that order.
export { contractClauseIds };
const clauseIdSchema = contractClauseIdSchema;

export const contractClauseStatusSchema = z
  .discriminatedUnion('status', [
    z
      .object({
        clauseId: clauseIdSchema,
        status: z.literal('present'),
        location: z.string().trim().min(1).max(200).describe('Where the contract says it, e.g. 第5條第2項'),
      })
      .strict(),
    z.object({ clauseId: clauseIdSchema, status: z.literal('missing'), note: z.string().max(1000).optional() }).strict(),
    z
      .object({
        clauseId: clauseIdSchema,
        status: z.literal('notApplicable'),
        reason: z.string().trim().min(1).max(1000).describe('Why the clause does not apply'),
      })
      .strict(),
  ])
  .describe('One clause of the Art. 8 checklist: present (with location), missing, or notApplicable (with reason)');
export type ContractClauseStatus = z.infer<typeof contractClauseStatusSchema>;

export const contractPeriodSchema = z
  .object({
    start: z.iso.date().describe('First day of the contract'),
    end: z.iso.date().optional().describe('Last day; omit for an open-ended contract'),
    autoRenewal: z.boolean().describe('Renews itself at the end unless terminated'),
    renewalTerm: frequencySchema.optional().describe('Length of each renewal; defaults to one year'),
  })
  .strict()
  .refine((p) => p.end === undefined || compareIsoDate(p.start, p.end) <= 0, { message: 'end must not precede start', path: ['end'] });

export const contractInputSchema = z
  .object({
    vendorId: z.string().min(1),
    title: z.string().trim().min(1).max(200).describe('Contract title'),
    reference: z.string().trim().max(100).optional().describe('Contract number'),
    period: contractPeriodSchema,
    scope: z
      .object({
        description: z.string().trim().min(1).max(2000).describe('委外內容'),
        // Normalised like a file's purposes (〇九〇 消費者、客戶管理與服務 → 〇九〇), so contracts and files compare by code.
        purposes: z
          .array(purposeReferenceSchema)
          .min(1)
          .refine((codes) => new Set(codes).size === codes.length, 'duplicate purpose code')
          .describe('特定目的代號 (e.g. 〇九〇; 〇九〇 消費者、客戶管理與服務 is read as 〇九〇)'),
        dataCategories: z.array(z.string().trim().min(1)).min(1).describe('個人資料類別'),
        personalDataFileIds: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    clauses: z
      .array(contractClauseStatusSchema)
      .refine((list) => new Set(list.map((c) => c.clauseId)).size === list.length, 'Each clause may be listed once'),
  })
  .strict();

export const contractSchema = contractInputSchema
  .extend({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    terminatedOn: z.iso.date().optional(),
    terminationReason: z.string().optional(),
  })
  .strict();
export type Contract = z.infer<typeof contractSchema>;

export interface ContractFinding {
  contractId: string;
  vendorId: string;
  clauseId: ContractClauseId;
  code: 'CLAUSE_MISSING' | 'CLAUSE_NOT_RECORDED' | 'NOT_APPLICABLE_NOT_ALLOWED' | 'NOT_APPLICABLE_CONTRADICTED';
  severity: 'required' | 'advisory';
  title: LocalizedText;
  citations: LegalCitation[];
  message: LocalizedText;
}

export interface ContractFindingContext {
  /** True when the vendor has sub-processors on record: item 3 can then not be notApplicable. */
  hasSubProcessors?: boolean;
}

/**
 * Gaps in the contract against the Art. 8 checklist. A clause nobody recorded counts as missing:
 * the burden is on us to show the contract covers it.
 */
export function contractFindings(
  contract: Pick<Contract, 'id' | 'vendorId' | 'clauses'>,
  context: ContractFindingContext = {},
): ContractFinding[] {
  const byId = new Map(contract.clauses.map((c) => [c.clauseId, c]));
  const findings: ContractFinding[] = [];
  for (const clause of contractClauseCatalog) {
    const recorded = byId.get(clause.id);
    const base = { contractId: contract.id, vendorId: contract.vendorId, clauseId: clause.id, title: clause.title, citations: clause.citations };
    const cite = clause.citations[0]!.label;
    if (!recorded || recorded.status === 'missing') {
      findings.push({
        ...base,
        code: recorded ? 'CLAUSE_MISSING' : 'CLAUSE_NOT_RECORDED',
        severity: clause.requirement,
        message: {
          zhTW: `委外契約未約定「${clause.title.zhTW}」（${cite.zhTW}）`,
          en: `The contract does not cover "${clause.title.en}" (${cite.en})`,
        },
      });
      continue;
    }
    if (recorded.status !== 'notApplicable') continue;
    if (!clause.notApplicableAllowed) {
      findings.push({
        ...base,
        code: 'NOT_APPLICABLE_NOT_ALLOWED',
        severity: 'required',
        message: {
          zhTW: `「${clause.title.zhTW}」為每份委外契約必備事項，不得標示為不適用（${cite.zhTW}）`,
          en: `"${clause.title.en}" is required in every entrustment contract and cannot be not-applicable (${cite.en})`,
        },
      });
    } else if (clause.id === 'subProcessors' && context.hasSubProcessors) {
      findings.push({
        ...base,
        code: 'NOT_APPLICABLE_CONTRADICTED',
        severity: 'required',
        message: {
          zhTW: `受託者有複委託對象，契約卻將複委託條款標示為不適用（${cite.zhTW}）`,
          en: `The vendor has sub-processors, yet the contract marks the sub-processing clause not applicable (${cite.en})`,
        },
      });
    }
  }
  return findings;
}

export type ContractState = 'notStarted' | 'active' | 'expired' | 'terminated';

/**
 * The end date in force on `asOf`: an auto-renewing contract rolls on by whole renewal terms
 * counted from its original end (so month ends do not drift). Null means open-ended.
 */
export function effectiveContractEnd(contract: Pick<Contract, 'period' | 'terminatedOn'>, asOf: IsoDate): IsoDate | null {
  const { end, autoRenewal, renewalTerm = YEARLY } = contract.period;
  if (end === undefined) return null;
  if (!autoRenewal || contract.terminatedOn !== undefined) return end;
  let times = 0;
  let current = end;
  while (compareIsoDate(current, asOf) < 0) {
    times += 1;
    current = advanceByFrequency(end, renewalTerm, times);
  }
  return current;
}

export function contractState(contract: Pick<Contract, 'period' | 'terminatedOn'>, asOf: IsoDate): ContractState {
  if (contract.terminatedOn !== undefined && compareIsoDate(contract.terminatedOn, asOf) <= 0) return 'terminated';
  if (compareIsoDate(asOf, contract.period.start) < 0) return 'notStarted';
  const end = effectiveContractEnd(contract, asOf);
  if (end !== null && compareIsoDate(asOf, end) > 0) return 'expired';
  return 'active';
}
