/**
 * The content of a 個人資料檔案安全維護計畫 (security maintenance plan), modelled on the worked
 * example in seed 000: 15 sections in the example's order. Where the example has a form (check
 * boxes, blanks, tables) the schema has typed fields; where it has prose, free text.
 *
 * Every field is optional because a draft may be saved half-filled; checkPlanCompleteness
 * reports what a version still lacks. Any section (and the parts of §7) can instead be marked
 * not applicable with a reason, e.g. §7(1) for a company that hosts nothing for customers.
 */
import { z } from 'zod';
import { frequencySchema } from '../shared/frequency';
import type { LocalizedText } from '../shared/localizedText';
import { article8Items, article8ItemSchema, type Article8Item } from '../vendor/contractClauses';

const shortText = z.string().max(500);
const longText = z.string().max(10_000);
const textList = z.array(longText).max(100);

/** A section or part the company declares not applicable, with its reason (shown in the document). */
export const notApplicableSchema = z
  .object({
    notApplicable: z
      .object({ reason: shortText.min(1).describe('Why the section does not apply') })
      .strict(),
  })
  .strict()
  .describe('Marks a section not applicable');
export type NotApplicable = z.infer<typeof notApplicableSchema>;

/** Either the body or a not-applicable marker. */
function applicable<T extends z.ZodType>(body: T) {
  return z.union([notApplicableSchema, body]);
}

export function isNotApplicable(value: unknown): value is NotApplicable {
  return typeof value === 'object' && value !== null && 'notApplicable' in value;
}

/** A recurring schedule: the normalised frequency plus the plan's own zh-TW words (每年, 每3個月). */
export const scheduleSchema = z
  .object({
    frequency: frequencySchema.describe('Normalised frequency'),
    labelZh: shortText.optional().describe('Original zh-TW wording, e.g. 每半年'),
  })
  .strict();
export type Schedule = z.infer<typeof scheduleSchema>;

/** A check-box measure with its description (■建置防火牆 … 每半年 定期更新一次). */
export const measureSchema = z
  .object({
    enabled: z.boolean().describe('Box ticked'),
    description: longText.optional().describe('How the measure is implemented'),
    schedule: scheduleSchema.optional().describe('Update / review frequency'),
  })
  .strict();
export type Measure = z.infer<typeof measureSchema>;

export const contactPointSchema = z
  .object({
    role: shortText.optional().describe('e.g. 個資管理專責人員'),
    name: shortText.optional(),
    title: shortText.optional(),
    email: shortText.optional(),
    phone: shortText.optional(),
  })
  .strict();
export type ContactPoint = z.infer<typeof contactPointSchema>;

// §1 配置管理人員及相當資源 ------------------------------------------------------------------

/** Roles of the 個資小組 in the example's organisation chart. */
export const teamRoles = ['convener', 'dedicatedOfficer', 'securityLead', 'unitOfficer', 'member'] as const;
export type TeamRole = (typeof teamRoles)[number];
export const teamRoleLabels: Record<TeamRole, { zhTW: string; en: string }> = {
  convener: { zhTW: '個資保護總負責人（召集人）', en: 'Convener (overall data protection lead)' },
  dedicatedOfficer: { zhTW: '個資管理專職/責人員', en: 'Dedicated data protection officer' },
  securityLead: { zhTW: '資訊安全主管', en: 'Information security lead' },
  unitOfficer: { zhTW: '單位個資管理專員', en: 'Unit data protection officer' },
  member: { zhTW: '小組成員', en: 'Team member' },
};

export const teamMemberSchema = z
  .object({
    role: z.enum(teamRoles).describe('Role in the data protection team'),
    name: shortText.optional(),
    title: shortText.optional().describe('Job title, e.g. 總經理'),
    unit: shortText.optional().describe('Department, e.g. 人資處'),
    isRepresentativeOrAuthorised: z.boolean().optional().describe('代表人或其授權人員'),
    duties: textList.optional().describe('工作職掌'),
  })
  .strict();
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const budgetSchema = z
  .object({
    year: z.number().int().min(1912).max(2200).describe('Gregorian year the budget covers'),
    amountNtd: z.number().int().min(0).optional().describe('Amount in NT$'),
    amountLabel: shortText.optional().describe('Amount as written, e.g. OO萬'),
    items: textList.optional().describe('What it covers: salaries, systems, external audits'),
  })
  .strict();
export type Budget = z.infer<typeof budgetSchema>;

export const staffAndResourcesSchema = z
  .object({
    team: z.array(teamMemberSchema).max(200).optional(),
    organisationChartNote: longText.optional(),
    budgets: z.array(budgetSchema).max(50).optional(),
  })
  .strict();

// §2 個人資料保護管理政策 ----------------------------------------------------------------------

export const policySchema = z
  .object({
    statements: textList.optional().describe('Policy statements published internally'),
    dataSubjectContact: contactPointSchema.optional().describe('Contact for rights requests, complaints, enquiries'),
    incidentContact: contactPointSchema.optional().describe('Contact for incident reports'),
  })
  .strict();

// §3 清查（盤點）及界定個人資料之範圍 ---------------------------------------------------------

export const subjectAttributes = ['employee', 'consumer', 'customerContact', 'supplierContact', 'other'] as const;
export type PlanSubjectAttribute = (typeof subjectAttributes)[number];
export const subjectAttributeLabels: Record<PlanSubjectAttribute, string> = {
  employee: '所屬人員（含員工、兼職、派遣等人員）',
  consumer: '消費者（含代管或暫存客戶之消費者個資）',
  customerContact: '廠商客戶聯繫窗口',
  supplierContact: '供應商、承包商聯繫窗口',
  other: '其他',
};

export const inventorySchema = z
  .object({
    schedule: scheduleSchema.optional().describe('Inventory review frequency'),
    subjectAttributes: z.array(z.enum(subjectAttributes)).max(10).optional(),
    otherSubjectAttribute: shortText.optional(),
    method: longText.optional().describe('How the inventory is taken'),
  })
  .strict();

// §4 個人資料之風險評估及管理機制 -----------------------------------------------------------

export const riskAssessmentSchema = z
  .object({
    schedule: scheduleSchema.optional().describe('Risk assessment frequency'),
    method: longText.optional().describe('Valuation (A+B+C) and treatment approach'),
  })
  .strict();

// §5 事故之預防、通報及應變機制 -------------------------------------------------------------

export const notificationSchema = z
  .object({
    timing: longText.optional().describe('通知時點'),
    condition: longText.optional().describe('通知條件'),
    content: longText.optional().describe('通知內容'),
    methods: longText.optional().describe('通知方式'),
  })
  .strict();

export const incidentResponseSchema = z
  .object({
    procedure: textList.optional().describe('Response flow steps'),
    authorityNotification: z
      .object({
        withinHours: z.number().int().min(1).max(720).optional().describe('Hours after learning of the incident'),
        mediaReportedWithinHours: z.number().int().min(1).max(720).optional().describe('Advised hours if reported in the media'),
        condition: longText.optional(),
        authorityName: shortText.optional().describe('Authority notified, e.g. 數位發展部'),
        authorityPhone: shortText.optional(),
        authorityEmail: shortText.optional(),
        contents: longText.optional().describe('What the notification contains'),
        form: shortText.optional().describe('Form used, e.g. 附表二'),
      })
      .strict()
      .optional(),
    dataSubjectNotification: notificationSchema.optional(),
    customerNotification: applicable(notificationSchema).optional().describe('For hosting/SaaS vendors'),
    remediation: z
      .object({
        containment: textList.optional().describe('Measures reducing and controlling damage'),
        investigation: textList.optional().describe('Investigating causes'),
        correctivePrevention: textList.optional().describe('Corrective and preventive mechanism'),
      })
      .strict()
      .optional(),
    drill: z
      .object({
        schedule: scheduleSchema.optional(),
        contents: textList.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

// §6 個人資料蒐集、處理及利用之內部管理程序 -------------------------------------------------

export const internalProceduresSchema = z
  .object({
    legalRequirements: z
      .object({
        specificPurpose: longText.optional().describe('Use within purpose; Art. 20 tests for other use'),
        specialCategoryBasis: longText.optional().describe('PDPA Art. 6 tests for special categories'),
        generalBasis: longText.optional().describe('PDPA Art. 19 bases'),
        notice: longText.optional().describe('PDPA Arts. 8/9 notice and exemptions'),
        minimisation: longText.optional(),
      })
      .strict()
      .optional(),
    internationalTransfer: z
      .object({
        transfers: z.boolean().describe('Whether personal data is transferred abroad'),
        businessPurpose: shortText.optional(),
        regions: z.array(shortText).max(50).optional(),
        restrictionCheck: longText.optional().describe('Checking PDPA Art. 21 restrictions'),
        dataSubjectNotice: longText.optional().describe('How subjects are told the regions'),
        recipientSupervision: longText.optional(),
      })
      .strict()
      .optional(),
    purposeExpiryReview: z
      .object({
        schedule: scheduleSchema.optional(),
        handling: longText.optional().describe('PDPA Art. 11 ¶3 handling'),
      })
      .strict()
      .optional(),
    outsourcing: z
      .object({
        processors: z.array(shortText).max(100).optional().describe('委外對象'),
        thirdPartyRecipients: z.array(shortText).max(100).optional(),
      })
      .strict()
      .optional(),
    dataSubjectRequests: z
      .object({
        marketingOptOut: textList.optional().describe('Opt-out of marketing (PDPA Art. 20 ¶2-3)'),
        rightsChannels: longText.optional().describe('How subjects exercise Art. 3 rights'),
        identityVerification: longText.optional(),
        refusalGroundsCheck: longText.optional().describe('Arts. 10, 11 ¶2-3 provisos'),
        refusalNoticeWithReasons: longText.optional(),
        decisionDeadlineProcedure: longText.optional().describe('Decision and extension per PDPA Art. 13'),
        correctionExplanation: longText.optional().describe('What a correction request must explain'),
        feeSchedule: longText.optional().describe('Fees for inquiry, review, copies'),
        accuracyMaintenance: textList.optional().describe('Correction and disputed accuracy (Art. 11)'),
        flowDescription: longText.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

// §7 資料安全管理 -----------------------------------------------------------------------------

export const hostingModels = ['hostedServer', 'managedSystem', 'saas'] as const;

/** The IT measures form of §7(1) and §7(3). */
export const itSecurityMeasuresSchema = z
  .object({
    serviceName: shortText.optional().describe('e.g. 開店平台'),
    hostingModels: z.array(z.enum(hostingModels)).max(3).optional(),
    hostingLocation: shortText.optional().describe('e.g. AWS'),
    encryption: z
      .object({
        enabled: z.boolean(),
        when: shortText.optional().describe('e.g. 儲存於資料庫'),
        methods: shortText.optional().describe('e.g. AES256、TLS 1.3'),
        keysSeparated: z.boolean().optional().describe('Keys stored apart from data'),
      })
      .strict()
      .optional(),
    backup: z
      .object({
        enabled: z.boolean(),
        measures: longText.optional(),
        isolated: z.boolean().optional().describe('Backups isolated from production and test'),
        restoreTest: scheduleSchema.optional(),
      })
      .strict()
      .optional(),
    transmission: z
      .object({
        channel: shortText.optional(),
        measures: shortText.optional(),
        testedAgainst: shortText.optional().describe('e.g. OWASP Top 10'),
      })
      .strict()
      .optional(),
    firewall: measureSchema.optional(),
    waf: measureSchema.optional().describe('Web application firewall'),
    emailFiltering: measureSchema.optional(),
    endpointProtection: measureSchema.optional(),
    otherIntrusionDetection: measureSchema.optional(),
    anomalyMonitoring: z
      .object({
        loginMonitoring: z.boolean().optional(),
        accessMonitoring: z.boolean().optional(),
        responseDrill: scheduleSchema.optional(),
      })
      .strict()
      .optional(),
    vulnerabilityManagement: z
      .object({
        preReleaseSourceScans: z.number().int().min(0).max(100).optional(),
        scan: scheduleSchema.optional(),
        methods: shortText.optional(),
        fixTarget: shortText.optional(),
      })
      .strict()
      .optional(),
    malware: z
      .object({
        antivirusAlwaysUpdated: z.boolean().optional(),
        scan: scheduleSchema.optional(),
      })
      .strict()
      .optional(),
    authentication: z
      .object({
        passwordComplexity: z.boolean().optional(),
        twoFactor: z.boolean().optional(),
        otherMechanism: shortText.optional(),
      })
      .strict()
      .optional(),
    testData: longText.optional().describe('Avoid real personal data in tests'),
    changeManagement: longText.optional(),
    systemReview: z
      .object({
        schedule: scheduleSchema.optional(),
        keepVersionControlRecords: z.boolean().optional(),
      })
      .strict()
      .optional(),
    masking: z
      .object({
        scenarios: shortText.optional(),
        measures: shortText.optional(),
      })
      .strict()
      .optional(),
    logReview: scheduleSchema.optional().describe('Periodic review of access logs'),
    otherMeasures: longText.optional(),
  })
  .strict();
export type ItSecurityMeasures = z.infer<typeof itSecurityMeasuresSchema>;

export const productDevelopmentSchema = z
  .object({
    serviceName: shortText.optional(),
    phases: z
      .array(z.object({ phase: shortText.min(1), requirements: textList }).strict())
      .max(20)
      .optional(),
  })
  .strict();

export const dataSecuritySchema = z
  .object({
    hostedServices: applicable(itSecurityMeasuresSchema).optional().describe('§7(1) hosting / SaaS for customers'),
    productDevelopment: applicable(productDevelopmentSchema).optional().describe('§7(2) product development policy'),
    officeEnvironment: applicable(itSecurityMeasuresSchema).optional().describe('§7(3) office PCs and shared areas'),
    mediaUsageRules: longText.optional().describe('Device and storage media usage and disposal rules'),
  })
  .strict();

// §8 人員安全管理 -----------------------------------------------------------------------------

export const personnelSchema = z
  .object({
    confidentiality: longText.optional().describe('How confidentiality is agreed'),
    identification: longText.optional().describe('Identifying staff who handle personal data'),
    accessControl: z
      .object({
        description: longText.optional(),
        review: scheduleSchema.optional().describe('Access rights review'),
        physicalAccess: measureSchema.optional(),
        sharedFolderAccess: measureSchema.optional(),
        other: measureSchema.optional(),
      })
      .strict()
      .optional(),
    offboarding: longText.optional().describe('Returning carriers and deleting data on leaving'),
    other: longText.optional(),
  })
  .strict();

// §9 設備安全管理 -----------------------------------------------------------------------------

export const equipmentSchema = z
  .object({
    mediaProtection: measureSchema.optional(),
    storageEnvironment: measureSchema.optional(),
    byodRules: measureSchema.optional(),
    otherMediaRules: measureSchema.optional(),
    custodyRules: longText.optional(),
    entryControl: longText.optional(),
    obsoleteHandling: longText.optional(),
    other: longText.optional(),
  })
  .strict();

// §10 個資保護認知宣導及教育訓練 --------------------------------------------------------------

export const trainingTopics = ['law', 'responsibilities', 'planRequirements', 'awareness', 'socialEngineering', 'other'] as const;
export type TrainingTopic = (typeof trainingTopics)[number];
export const trainingTopicLabels: Record<TrainingTopic, string> = {
  law: '個人資料保護相關法令之規定',
  responsibilities: '所屬人員之責任範圍',
  planRequirements: '本計畫各項管理程序、機制及措施之要求',
  awareness: '個資保護及資安意識',
  socialEngineering: '社交工程演練或辨識社交工程之教學',
  other: '其他',
};
export const trainingEvidenceKinds = ['attendanceSheet', 'meetingMinutes', 'assessment', 'other'] as const;
export type TrainingEvidenceKind = (typeof trainingEvidenceKinds)[number];
export const trainingEvidenceLabels: Record<TrainingEvidenceKind, string> = {
  attendanceSheet: '簽到簽退',
  meetingMinutes: '製作會議紀錄',
  assessment: '課後評量機制',
  other: '其他佐證方式',
};

export const trainingSchema = z
  .object({
    general: z
      .object({
        schedule: scheduleSchema.optional(),
        topics: z.array(z.enum(trainingTopics)).max(6).optional(),
        otherTopic: shortText.optional(),
      })
      .strict()
      .optional()
      .describe('All staff'),
    leadership: z.object({ schedule: scheduleSchema.optional() }).strict().optional().describe('Representative and team'),
    itStaff: z.object({ schedule: scheduleSchema.optional() }).strict().optional(),
    evidenceKinds: z.array(z.enum(trainingEvidenceKinds)).max(4).optional(),
    otherEvidence: shortText.optional(),
  })
  .strict();

// §11 使用紀錄、軌跡資料及證據保存 ------------------------------------------------------------

export const retentionSchema = z
  .object({
    scope: shortText.optional().describe('e.g. 公司OA區電腦、共用區等設備'),
    method: shortText.optional().describe('保存方法'),
    place: shortText.optional().describe('保存地點'),
    periodYears: z.number().min(0).max(100).optional().describe('保存期限 in years'),
  })
  .strict();
export type Retention = z.infer<typeof retentionSchema>;

export const recordKeepingSchema = z
  .object({
    processingRecords: z.array(retentionSchema).max(20).optional(),
    automatedTrails: z.array(retentionSchema).max(20).optional(),
    implementationEvidence: retentionSchema.optional(),
  })
  .strict();

// §12 資料安全稽核 ----------------------------------------------------------------------------

export const auditTypes = ['selfCheck', 'internalAudit', 'thirdPartyAudit'] as const;
export type AuditType = (typeof auditTypes)[number];
export const auditTypeLabels: Record<AuditType, string> = {
  selfCheck: '自我檢查',
  internalAudit: '內部稽核',
  thirdPartyAudit: '第三方外部稽核',
};
export const thirdPartyStandards = ['ISO27701', 'ISO29100', 'BS10012', 'TPIPAS', 'other'] as const;
export const auditorKinds = ['certifiedAuditor', 'manager', 'legal', 'informationSecurity'] as const;
export type AuditorKind = (typeof auditorKinds)[number];
export const auditorKindLabels: Record<AuditorKind, string> = {
  certifiedAuditor: '具個資稽核證照之人員',
  manager: '管理人員',
  legal: '法制人員',
  informationSecurity: '資訊安全人員',
};
export const auditResultHandlings = ['assessmentReport', 'keepRecords', 'managementReview', 'improve', 'revisePlan'] as const;
export type AuditResultHandling = (typeof auditResultHandlings)[number];
export const auditResultHandlingLabels: Record<AuditResultHandling, string> = {
  assessmentReport: '作成評估報告',
  keepRecords: '保留稽核紀錄',
  managementReview: '回報管理階層審查',
  improve: '立即檢討改善',
  revisePlan: '修正本計畫',
};
/** §12(4): which execution tier the company declares itself in. */
export const auditTiers = ['standard', 'every12Months'] as const;

export const auditSchema = z
  .object({
    schedule: scheduleSchema.optional(),
    types: z.array(z.enum(auditTypes)).max(3).optional(),
    thirdPartyStandards: z.array(z.enum(thirdPartyStandards)).max(5).optional(),
    thirdPartyScope: shortText.optional(),
    auditors: z.array(z.enum(auditorKinds)).max(4).optional(),
    resultHandling: z.array(z.enum(auditResultHandlings)).max(5).optional(),
    tier: z.enum(auditTiers).optional().describe('Capital ≥ NT$10M or ≥ 5,000 records → every12Months'),
    scope: z
      .object({
        wholeOffice: z.boolean().optional(),
        hostedServices: z.array(shortText).max(50).optional(),
        products: z.array(shortText).max(50).optional(),
        other: shortText.optional(),
      })
      .strict()
      .optional(),
    contents: textList.optional(),
  })
  .strict();

// §13 委外監督 -------------------------------------------------------------------------------

/** Enforcement Rules Art. 8 ¶2: what a processing contract must settle (the enum shared with the vendor area). */
export const vendorContractClauses = article8Items;
export type VendorContractClause = Article8Item;
export const vendorContractClauseLabels: Record<VendorContractClause, string> = {
  scopeAndPurpose: '預定蒐集、處理或利用個人資料之範圍、類別、特定目的及其期間',
  processorMeasures: '受託者採取之安全維護措施',
  subProcessing: '有複委託時，約定之受託者',
  breachNotificationAndRemedy: '受託者違反法令時應通知之事項及採行之補救措施',
  reservedInstructions: '委託者保留指示之事項',
  returnAndDeletion: '委託關係終止或解除時，載體之返還及所持有個人資料之刪除',
};
export const vendorOversightMethods = ['publishedAttestation', 'thirdPartyReport', 'selfCheckForm', 'onSiteAudit'] as const;
export type VendorOversightMethod = (typeof vendorOversightMethods)[number];
export const vendorOversightMethodLabels: Record<VendorOversightMethod, string> = {
  publishedAttestation: '至官網下載安全措施條款及第三方稽核報告',
  thirdPartyReport: '索取第三方稽核報告',
  selfCheckForm: '索取自我檢查表',
  onSiteAudit: '至業者處稽核',
};

export const vendorOversightSchema = z
  .object({
    contractClauses: z.array(article8ItemSchema).max(6).optional(),
    clauseNotes: textList.optional(),
    schedule: scheduleSchema.optional().describe('Periodic confirmation of processors'),
    methods: z.array(z.enum(vendorOversightMethods)).max(4).optional(),
  })
  .strict();

// §14 業務終止後個人資料處理方法 -------------------------------------------------------------

export const terminationDisposalSchema = z
  .object({
    offboardingReturn: textList.optional(),
    destruction: z
      .object({
        method: longText.optional().describe('銷毀及刪除之方法'),
        timePlaceAndProof: longText.optional().describe('Time, place and how destruction is proven'),
      })
      .strict()
      .optional(),
    transferRecords: longText.optional().describe('Reason, recipient, method, time, place, legal basis'),
    otherDeletionRecords: longText.optional(),
    recordRetentionYears: z.number().min(0).max(100).optional(),
  })
  .strict();

// §15 個人資料安全維護之整體持續改善 ---------------------------------------------------------

export const continuousImprovementSchema = z
  .object({
    correctiveActionProcedure: textList.optional(),
    planReview: z
      .object({
        schedule: scheduleSchema.optional(),
        triggers: longText.optional().describe('Corrections, technology, business and legal changes'),
      })
      .strict()
      .optional(),
  })
  .strict();

// The plan ----------------------------------------------------------------------------------

/** Section keys in the example's order (§1 … §15). */
export const planSectionKeys = [
  'staffAndResources',
  'policy',
  'inventory',
  'riskAssessment',
  'incidentResponse',
  'internalProcedures',
  'dataSecurity',
  'personnel',
  'equipment',
  'training',
  'recordKeeping',
  'audit',
  'vendorOversight',
  'terminationDisposal',
  'continuousImprovement',
] as const;
export type PlanSectionKey = (typeof planSectionKeys)[number];

/** Section titles as printed in the example (zh-TW) with English. */
export const planSectionTitles: Record<PlanSectionKey, LocalizedText> = {
  staffAndResources: { zhTW: '配置管理人員及相當資源', en: 'Management staff and resources' },
  policy: { zhTW: '個人資料保護管理政策', en: 'Personal data protection policy' },
  inventory: { zhTW: '清查（盤點）及界定個人資料之範圍', en: 'Inventory and scope of personal data' },
  riskAssessment: { zhTW: '個人資料之風險評估及管理機制', en: 'Risk assessment and management' },
  incidentResponse: { zhTW: '事故之預防、通報及應變機制', en: 'Incident prevention, notification and response' },
  internalProcedures: { zhTW: '個人資料蒐集、處理及利用之內部管理程序', en: 'Internal procedures for collection, processing and use' },
  dataSecurity: { zhTW: '資料安全管理', en: 'Data security management' },
  personnel: { zhTW: '人員安全管理', en: 'Personnel security management' },
  equipment: { zhTW: '設備安全管理', en: 'Equipment security management' },
  training: { zhTW: '個資保護認知宣導及教育訓練', en: 'Awareness and training' },
  recordKeeping: { zhTW: '使用紀錄、軌跡資料及證據保存', en: 'Usage records, trails and evidence' },
  audit: { zhTW: '資料安全稽核', en: 'Data security audit' },
  vendorOversight: { zhTW: '委外監督', en: 'Oversight of processors' },
  terminationDisposal: { zhTW: '業務終止後個人資料處理方法', en: 'Handling personal data after termination' },
  continuousImprovement: { zhTW: '個人資料安全維護之整體持續改善', en: 'Continuous improvement' },
};

export const planSectionsSchema = z
  .object({
    staffAndResources: applicable(staffAndResourcesSchema).optional(),
    policy: applicable(policySchema).optional(),
    inventory: applicable(inventorySchema).optional(),
    riskAssessment: applicable(riskAssessmentSchema).optional(),
    incidentResponse: applicable(incidentResponseSchema).optional(),
    internalProcedures: applicable(internalProceduresSchema).optional(),
    dataSecurity: applicable(dataSecuritySchema).optional(),
    personnel: applicable(personnelSchema).optional(),
    equipment: applicable(equipmentSchema).optional(),
    training: applicable(trainingSchema).optional(),
    recordKeeping: applicable(recordKeepingSchema).optional(),
    audit: applicable(auditSchema).optional(),
    vendorOversight: applicable(vendorOversightSchema).optional(),
    terminationDisposal: applicable(terminationDisposalSchema).optional(),
    continuousImprovement: applicable(continuousImprovementSchema).optional(),
  })
  .strict();

export const planContentSchema = z
  .object({
    organisationName: shortText.optional().describe('Company name as in the title'),
    regulationBasis: shortText.optional().describe('Sector regulation cited in the preamble'),
    preamble: longText.optional(),
    sections: planSectionsSchema.describe('The 15 sections'),
    appendices: z
      .array(z.object({ title: shortText.min(1), body: textList }).strict())
      .max(20)
      .optional(),
  })
  .strict()
  .describe('Security maintenance plan content');
export type PlanContent = z.infer<typeof planContentSchema>;
export type PlanSections = PlanContent['sections'];

/** The body of a section, or undefined when it is missing or marked not applicable. */
export function sectionBody<K extends PlanSectionKey>(
  content: PlanContent,
  key: K,
): Exclude<NonNullable<PlanSections[K]>, NotApplicable> | undefined {
  const value = content.sections[key];
  if (value === undefined || isNotApplicable(value)) return undefined;
  return value as Exclude<NonNullable<PlanSections[K]>, NotApplicable>;
}

/** A part of a section that may be marked not applicable. */
export function partBody<T>(value: T | NotApplicable | undefined): T | undefined {
  if (value === undefined || isNotApplicable(value)) return undefined;
  return value;
}
