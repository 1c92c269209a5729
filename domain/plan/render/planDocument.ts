/**
 * A plan version as a neutral list of blocks (headings, paragraphs, lists, check boxes,
 * tables) in the seed example's order. Markdown, HTML and .docx are thin writers over this one
 * model, so the three formats always carry the same content in the same order.
 */
import { frequencyLabelZh } from '../../shared/frequency';
import { zonedDateOf } from '../../shared/isoDate';
import {
  auditorKindLabels,
  auditorKinds,
  auditResultHandlingLabels,
  auditResultHandlings,
  auditTypeLabels,
  auditTypes,
  isNotApplicable,
  partBody,
  subjectAttributeLabels,
  subjectAttributes,
  teamRoleLabels,
  trainingEvidenceKinds,
  trainingEvidenceLabels,
  trainingTopicLabels,
  trainingTopics,
  vendorContractClauseLabels,
  vendorContractClauses,
  vendorOversightMethodLabels,
  vendorOversightMethods,
  type ContactPoint,
  type ItSecurityMeasures,
  type Measure,
  type NotApplicable,
  type PlanContent,
  type PlanSectionKey,
  type Retention,
  type Schedule,
  planSectionTitles,
} from '../planContent';
import { completenessRules, type AcceptedGap } from '../completeness';
import { approverCapacityLabels, planVersionLabel, type PlanTablesSource, type PlanVersion, type PlanVersionStatus } from '../planVersion';
import { formatRocDate } from '../rocDate';
import type { PlanTableRows } from './rows';
import { planSectionHeadings } from './sectionHeadings';

export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'checklist'; items: { checked: boolean; text: string }[] }
  /** `wide`: too many columns for a portrait page (inventory, risk): Word prints it landscape. */
  | { kind: 'table'; headers: string[]; rows: string[][]; wide?: boolean };

export interface PlanDocument {
  title: string;
  versionLabel: string;
  blocks: DocBlock[];
}

export interface RenderOptions {
  /** Time zone for the approval date shown; plans are Taiwanese, so Asia/Taipei by default. */
  timeZone?: string;
  /**
   * Where the inventory, risk and vendor rows come from: frozen with the approval (the plan as
   * approved), or today's live tables (a draft, or the "current draft" view of an approved one).
   */
  tables?: PlanTablesSource;
}

const BLANK = '＿＿＿＿';
/** U+3000, the full-width space Chinese documents separate items with. */
const IDEOGRAPHIC_SPACE = '\u3000';
const statusLabels: Record<PlanVersionStatus, string> = { draft: '草稿', submitted: '送核中', approved: '已核定', superseded: '已廢止（由新版本取代）' };

const orBlank = (value: string | undefined | null): string => (value && value.trim() ? value.trim() : BLANK);
const scheduleText = (schedule: Schedule | undefined): string =>
  schedule ? (schedule.labelZh?.trim() || frequencyLabelZh(schedule.frequency)) : BLANK;
const yearsText = (years: number | undefined): string => (years === undefined ? BLANK : `${years}年`);
const sub = (n: number, text: string) => `（${n}） ${text}`;

class Builder {
  readonly blocks: DocBlock[] = [];
  heading(level: 1 | 2 | 3, text: string) {
    this.blocks.push({ kind: 'heading', level, text });
  }
  p(text: string) {
    this.blocks.push({ kind: 'paragraph', text });
  }
  list(items: readonly (string | undefined)[]) {
    const kept = items.filter((i): i is string => typeof i === 'string' && i.trim().length > 0);
    if (kept.length) this.blocks.push({ kind: 'list', items: kept });
  }
  checks(items: { checked: boolean; text: string }[]) {
    if (items.length) this.blocks.push({ kind: 'checklist', items });
  }
  table(headers: string[], rows: string[][], wide = false) {
    this.blocks.push({ kind: 'table', headers, rows, ...(wide ? { wide } : {}) });
  }
  notApplicable(value: NotApplicable) {
    this.p(`本項不適用。理由：${value.notApplicable.reason}`);
  }
}

function contactText(contact: ContactPoint | undefined): string {
  if (!contact) return BLANK;
  const who = [contact.role, [contact.name, contact.title].filter(Boolean).join(' ')].filter((s) => s && s.trim()).join('：');
  const reach = [contact.email, contact.phone].filter((s) => s && s.trim()).join('，');
  return [who, reach].filter(Boolean).join('，') || BLANK;
}

function measureLine(label: string, measure: Measure | undefined, withSchedule: boolean): { checked: boolean; text: string } {
  const parts = [label];
  if (measure?.description) parts.push(`：${measure.description}`);
  if (withSchedule && measure?.enabled) parts.push(`，並${scheduleText(measure.schedule)}定期更新一次`);
  return { checked: measure?.enabled === true, text: parts.join('') };
}

function retentionLines(b: Builder, entries: readonly Retention[] | undefined) {
  if (!entries?.length) {
    b.p(`保存方法：${BLANK}；保存地點：${BLANK}；保存期限：${BLANK}`);
    return;
  }
  b.table(
    ['範圍', '保存方法', '保存地點', '保存期限'],
    entries.map((e) => [orBlank(e.scope), orBlank(e.method), orBlank(e.place), yearsText(e.periodYears)]),
  );
}

function itMeasures(b: Builder, m: ItSecurityMeasures) {
  const hosting = { hostedServer: '代管伺服器', managedSystem: '代維運系統', saas: 'SaaS服務' } as const;
  if (m.serviceName || m.hostingModels?.length) {
    b.p(`服務：${orBlank(m.serviceName)}`);
    b.checks(
      (Object.keys(hosting) as (keyof typeof hosting)[]).map((k) => ({
        checked: m.hostingModels?.includes(k) ?? false,
        text: k === 'saas' && m.hostingLocation ? `${hosting[k]}（存於${m.hostingLocation}）` : hosting[k],
      })),
    );
  }
  b.list([
    `1. 加密：${m.encryption?.enabled ? `於${orBlank(m.encryption.when)}時採取${orBlank(m.encryption.methods)}等加密措施` : '未採取'}${m.encryption?.keysSeparated ? '；解密金鑰與加密資料存放於不同位置' : ''}。`,
    `2. 備份：${m.backup?.enabled ? `採取${orBlank(m.backup.measures)}之保護措施` : '未採取'}${m.backup?.isolated ? '；備份區與正式區及測試區隔離' : ''}${m.backup?.restoreTest ? `；${scheduleText(m.backup.restoreTest)}進行還原測試` : ''}。`,
    `3. 傳輸安全：透過${orBlank(m.transmission?.channel)}傳輸時，採取${orBlank(m.transmission?.measures)}${m.transmission?.testedAgainst ? `，並通過${m.transmission.testedAgainst}相關檢測` : ''}。`,
    '4. 外部網路入侵對策：',
  ]);
  b.checks([
    measureLine('建置防火牆', m.firewall, true),
    measureLine('建置應用程式防火牆', m.waf, true),
    measureLine('電子郵件過濾機制', m.emailFiltering, true),
    measureLine('端點防護', m.endpointProtection, true),
    measureLine('其他入侵偵測設備', m.otherIntrusionDetection, true),
  ]);
  b.p('5. 異常存取資料行為之監控及因應演練：');
  b.checks([
    { checked: m.anomalyMonitoring?.loginMonitoring === true, text: '伺服器內設置異常登入行為監控設備' },
    { checked: m.anomalyMonitoring?.accessMonitoring === true, text: '系統內設置異常存取資料行為監控設備' },
  ]);
  b.list([
    `異常行為因應演練：${scheduleText(m.anomalyMonitoring?.responseDrill)}定期演練異常存取資料行為因應機制。`,
    `6. 檢測系統漏洞及修補：${m.vulnerabilityManagement?.preReleaseSourceScans !== undefined ? `提供給客戶前至少進行${m.vulnerabilityManagement.preReleaseSourceScans}次源碼掃描；` : ''}${scheduleText(m.vulnerabilityManagement?.scan)}定期一次透過${orBlank(m.vulnerabilityManagement?.methods)}檢測${m.vulnerabilityManagement?.fixTarget ? `，並${m.vulnerabilityManagement.fixTarget}` : ''}。`,
    `7. 防毒軟體及惡意程式檢測：${m.malware?.antivirusAlwaysUpdated ? '設備及系統隨時更新及執行防毒軟體；' : ''}${scheduleText(m.malware?.scan)}定期執行惡意程式檢測一次。`,
    '8. 密碼及認證機制：',
  ]);
  b.checks([
    { checked: m.authentication?.passwordComplexity === true, text: '密碼（帳號及密碼須符合一定之複雜度）' },
    { checked: m.authentication?.twoFactor === true || Boolean(m.authentication?.otherMechanism), text: `其他認證機制：${orBlank(m.authentication?.otherMechanism ?? (m.authentication?.twoFactor ? '雙因子認證' : undefined))}` },
  ]);
  b.list([
    `9. 避免利用真實個資測試：${orBlank(m.testData)}`,
    `10. 資訊系統變更：${orBlank(m.changeManagement)}`,
    `11. 定期檢查：${scheduleText(m.systemReview?.schedule)}一次定期檢視處理個資之資通系統，檢查其使用狀況及存取個資之情形${m.systemReview?.keepVersionControlRecords ? '，並保留版本控制紀錄' : ''}。`,
    `12. 個資隱碼：針對${orBlank(m.masking?.scenarios)}之使用情境，採行${orBlank(m.masking?.measures)}。`,
    m.logReview ? `日誌檢視：${scheduleText(m.logReview)}定期檢視存取日誌紀錄。` : undefined,
    `13. 其他資料安全措施：${orBlank(m.otherMeasures)}`,
  ]);
}

type SectionWriter = (b: Builder, content: PlanContent, rows: PlanTableRows) => void;

const writers: Record<PlanSectionKey, SectionWriter> = {
  staffAndResources: (b, c) => {
    const s = partBody(c.sections.staffAndResources);
    b.heading(2, sub(1, '配置管理人員（成立個資小組）'));
    const team = s?.team ?? [];
    if (team.length) {
      b.table(
        ['角色', '單位', '職稱及姓名', '工作職掌'],
        team.map((m) => [
          `${teamRoleLabels[m.role].zhTW}${m.isRepresentativeOrAuthorised ? '【代表人或其授權人員】' : ''}`,
          orBlank(m.unit),
          `${orBlank(m.title)} ${orBlank(m.name)}`,
          (m.duties ?? []).map((d, i) => `${i + 1}. ${d}`).join('\n') || BLANK,
        ]),
      );
    } else b.p(`個資小組：${BLANK}`);
    if (s?.organisationChartNote) b.p(s.organisationChartNote);
    b.heading(2, sub(2, '配置相當資源'));
    const budgets = s?.budgets ?? [];
    if (budgets.length) {
      for (const budget of budgets) {
        const amount = budget.amountNtd !== undefined ? `${budget.amountNtd.toLocaleString('en-US')}元` : orBlank(budget.amountLabel);
        b.p(`預算：${budget.year}年（民國${budget.year - 1911}年）新臺幣${amount}。${budget.items?.length ? `包含：${budget.items.join('、')}。` : ''}`);
      }
    } else b.p(`預算：${BLANK}`);
  },
  policy: (b, c) => {
    const s = partBody(c.sections.policy);
    b.p('本公司對內公開周知以下個人資料保護管理政策：');
    b.list((s?.statements ?? []).map((t, i) => `${i + 1}. ${t}`));
    b.p('個資聯絡窗口：');
    b.list([
      `(1) 個資當事人行使其個資相關權利或提出相關申訴與諮詢聯絡窗口：${contactText(s?.dataSubjectContact)}`,
      `(2) 事故通報個資聯絡窗口：${contactText(s?.incidentContact)}`,
    ]);
  },
  inventory: (b, c, rows) => {
    const s = partBody(c.sections.inventory);
    b.heading(2, sub(1, '清查（盤點）及界定頻率'));
    b.p(`${scheduleText(s?.schedule)}進行清查盤點及界定一次。`);
    b.heading(2, sub(2, '蒐集、處理或利用個資之屬性'));
    b.checks(
      subjectAttributes.map((a) => ({
        checked: s?.subjectAttributes?.includes(a) ?? false,
        text: a === 'other' && s?.otherSubjectAttribute ? `其他：${s.otherSubjectAttribute}` : subjectAttributeLabels[a],
      })),
    );
    b.heading(2, sub(3, '個資盤點方式'));
    if (s?.method) b.p(s.method);
    b.table(
      ['編號', '業務流程/個資檔案名稱', '特定目的', '個人資料類別及內容', '預計處理或利用方式', '法律依據', '處理或利用地區', '處理或利用期間', '資料筆數', '處理及利用軌跡紀錄存放位置'],
      (rows.inventory ?? []).map((r) => [
        r.fileId,
        r.name,
        r.purpose,
        r.dataCategories,
        r.processing,
        r.legalBasis,
        r.region,
        r.retentionPeriod,
        typeof r.recordCount === 'number' ? `${r.recordCount.toLocaleString('en-US')}筆` : r.recordCount,
        r.trailLocation,
      ]),
      true,
    );
  },
  riskAssessment: (b, c, rows) => {
    const s = partBody(c.sections.riskAssessment);
    b.heading(2, sub(1, '評估頻率'));
    b.p(`${scheduleText(s?.schedule)}進行評估一次。`);
    b.heading(2, sub(2, '風險評估表'));
    if (s?.method) b.p(s.method);
    b.table(
      ['業務流程/個資檔案名稱', 'A個資類別', 'B個資屬性', 'C個資筆數', '個資檔案價值(A+B+C)', '作業情境及內容', '可能風險類型', '風險處理對策'],
      (rows.risks ?? []).map((r) => [
        r.fileName,
        String(r.categoryScore),
        String(r.attributeScore),
        String(r.recordCountScore),
        String(r.value),
        r.scenario,
        r.riskType,
        r.countermeasure,
      ]),
      true,
    );
  },
  incidentResponse: (b, c) => {
    const s = partBody(c.sections.incidentResponse);
    b.heading(2, sub(1, '訂定事故應變流程計畫'));
    b.list((s?.procedure ?? []).map((t, i) => `${i + 1}. ${t}`));
    const a = s?.authorityNotification;
    b.heading(2, sub(2, '事故通報'));
    b.list([
      `1. 通報時點：知悉發生事故${a?.withinHours ?? BLANK}小時內${a?.mediaReportedWithinHours ? `（若事故已由媒體報導，於${a.mediaReportedWithinHours}小時內通報）` : ''}。`,
      `2. 通報條件：${orBlank(a?.condition)}`,
      `3. 通報對象：${orBlank(a?.authorityName)}${a?.authorityPhone ? `。電話：${a.authorityPhone}` : ''}${a?.authorityEmail ? `；信箱：${a.authorityEmail}` : ''}`,
      `4. 通報內容：${orBlank(a?.contents)}${a?.form ? `（使用${a.form}）` : ''}`,
    ]);
    const notice = (n: { timing?: string; condition?: string; content?: string; methods?: string } | undefined) => [
      `1. 通知時點：${orBlank(n?.timing)}`,
      `2. 通知條件：${orBlank(n?.condition)}`,
      `3. 通知內容：${orBlank(n?.content)}`,
      `4. 通知方式：${orBlank(n?.methods)}`,
    ];
    b.heading(2, sub(3, '通知當事人'));
    b.list(notice(s?.dataSubjectNotification));
    b.heading(2, sub(4, '通知客戶'));
    if (isNotApplicable(s?.customerNotification)) b.notApplicable(s.customerNotification);
    else b.list(notice(partBody(s?.customerNotification)));
    b.heading(2, sub(5, '事故排除及追蹤'));
    b.p('1. 事故發生後應採取之應變措施，包括降低、控制當事人損害之方式：');
    b.list(s?.remediation?.containment ?? [BLANK]);
    b.p('2. 調查事件成因及入侵方式：');
    b.list(s?.remediation?.investigation ?? [BLANK]);
    b.p('3. 事故發生後研議其矯正預防措施之機制：');
    b.list(s?.remediation?.correctivePrevention ?? [BLANK]);
    b.heading(2, sub(6, '事故預防、通報及應變機制之演練'));
    b.list([`1. 定期檢視頻率：${scheduleText(s?.drill?.schedule)}定期演練一次。`, `2. 演練內容：${(s?.drill?.contents ?? []).join('、') || BLANK}`]);
  },
  internalProcedures: (b, c) => {
    const s = partBody(c.sections.internalProcedures);
    const l = s?.legalRequirements;
    b.heading(2, sub(1, '個資蒐集、處理或利用符合法定要件'));
    b.list([
      `1. 特定目的：${orBlank(l?.specificPurpose)}`,
      `2. 法律依據（特種個資，個資法第6條）：${orBlank(l?.specialCategoryBasis)}`,
      `法律依據（一般個資，個資法第19條）：${orBlank(l?.generalBasis)}`,
      `3. 告知當事人（個資法第8、9條）：${orBlank(l?.notice)}`,
      `4. 最小化原則（比例原則）：${orBlank(l?.minimisation)}`,
    ]);
    const t = s?.internationalTransfer;
    b.p('5. 國際／境外傳輸之限制、告知');
    b.checks([
      { checked: t?.transfers === false, text: '本公司未進行個人資料國際傳輸。' },
      { checked: t?.transfers === true, text: '本公司有個人資料國際傳輸，將依個資相關規範進行以下事宜：' },
    ]);
    if (t?.transfers) {
      b.list([
        `(1) 基於${orBlank(t.businessPurpose)}等業務行為，將個人資料國際傳輸於${(t.regions ?? []).join('、') || BLANK}等地區。`,
        `(2) ${orBlank(t.restrictionCheck)}`,
        `(3) 透過${orBlank(t.dataSubjectNotice)}等方式告知當事人其個人資料所將國際傳輸之區域。`,
        `(4) ${orBlank(t.recipientSupervision)}`,
      ]);
    }
    b.p('6. 定期檢視個人資料蒐集之特定目的是否已消失或期限是否已屆滿');
    b.list([
      `(1) ${scheduleText(s?.purposeExpiryReview?.schedule)}定期利用個資盤點表檢視個人資料蒐集之特定目的是否已消失，或期限是否已屆滿。`,
      `(2) ${orBlank(s?.purposeExpiryReview?.handling)}`,
    ]);
    b.p('7. 個資是否委外處理或傳輸至第三方');
    b.list([
      `(1) 委外對象：${(s?.outsourcing?.processors ?? []).join('／') || '無'}`,
      `(2) 傳輸第三方對象：${(s?.outsourcing?.thirdPartyRecipients ?? []).join('／') || '無'}`,
    ]);
    const r = s?.dataSubjectRequests;
    b.heading(2, sub(2, '受理當事人請求權利之程序'));
    b.p('1. 拒絕行銷受理方式：');
    b.list(r?.marketingOptOut ?? [BLANK]);
    b.p('2. 當事人行使個資法第3條權利受理方式：');
    b.list([
      `行使權利之方式：${orBlank(r?.rightsChannels)}`,
      `確認身分：${orBlank(r?.identityVerification)}`,
      `拒絕事由之檢視：${orBlank(r?.refusalGroundsCheck)}`,
      `拒絕時附理由通知：${orBlank(r?.refusalNoticeWithReasons)}`,
      `准駁決定及延長決定期間：${orBlank(r?.decisionDeadlineProcedure)}`,
      `更正或補充應釋明之事項：${orBlank(r?.correctionExplanation)}`,
      `收費標準：${orBlank(r?.feeSchedule)}`,
    ]);
    b.p('3. 個資更正受理方式：');
    b.list(r?.accuracyMaintenance ?? [BLANK]);
    if (r?.flowDescription) b.p(`4. 當事人請求權利之受理程序：${r.flowDescription}`);
  },
  dataSecurity: (b, c) => {
    const s = partBody(c.sections.dataSecurity);
    b.heading(2, sub(1, '提供代管伺服器、代維運系統或SaaS服務之資料安全管理措施'));
    if (isNotApplicable(s?.hostedServices)) b.notApplicable(s.hostedServices);
    else if (s?.hostedServices) itMeasures(b, s.hostedServices);
    else b.p(BLANK);
    b.heading(2, sub(2, '產品開發政策'));
    if (isNotApplicable(s?.productDevelopment)) b.notApplicable(s.productDevelopment);
    else {
      const dev = partBody(s?.productDevelopment);
      if (dev?.serviceName) b.p(`服務：${dev.serviceName}`);
      (dev?.phases ?? []).forEach((phase, i) => {
        b.p(`${i + 1}. ${phase.phase}`);
        b.list(phase.requirements.map((req, j) => `(${j + 1}) ${req}`));
      });
      if (!dev?.phases?.length) b.p(BLANK);
    }
    b.heading(2, sub(3, '公司OA區電腦、共用區等設備之資料安全管理措施'));
    if (isNotApplicable(s?.officeEnvironment)) b.notApplicable(s.officeEnvironment);
    else if (s?.officeEnvironment) itMeasures(b, s.officeEnvironment);
    else b.p(BLANK);
    if (s?.mediaUsageRules) b.p(`設備或儲存媒體之使用規範及報廢、轉作他用時之措施：${s.mediaUsageRules}`);
  },
  personnel: (b, c) => {
    const s = partBody(c.sections.personnel);
    b.list([
      `1. 保密義務約定：${orBlank(s?.confidentiality)}`,
      `2. 識別人員：${orBlank(s?.identification)}`,
      `3. 人員存取權限之控制：${orBlank(s?.accessControl?.description)}${s?.accessControl?.review ? `（${scheduleText(s.accessControl.review)}檢視）` : ''}`,
    ]);
    b.checks([
      measureLine('實體空間人員進出管制措施', s?.accessControl?.physicalAccess, false),
      measureLine('系統共用文件區存取管制措施', s?.accessControl?.sharedFolderAccess, false),
      measureLine('其他', s?.accessControl?.other, false),
    ]);
    b.list([`4. 人員離職時之資料返還程序：${orBlank(s?.offboarding)}`, s?.other ? `5. 其他：${s.other}` : undefined]);
  },
  equipment: (b, c) => {
    const s = partBody(c.sections.equipment);
    b.p('1. 儲存媒介物：依存有個資之儲存媒介物之特性及使用方式，訂定以下管理規範：');
    b.checks([
      measureLine('採取儲存媒介物維護安全管理措施', s?.mediaProtection, false),
      measureLine('採取儲放環境安全管理措施', s?.storageEnvironment, false),
      measureLine('員工使用自備設備之規範措施', s?.byodRules, false),
      measureLine('其他', s?.otherMediaRules, false),
    ]);
    b.list([
      `2. 人員保管規範：${orBlank(s?.custodyRules)}`,
      `3. 人員進出管制規範：${orBlank(s?.entryControl)}`,
      `4. 過期資料及設備處理措施：${orBlank(s?.obsoleteHandling)}`,
      s?.other ? `5. 其他：${s.other}` : undefined,
    ]);
  },
  training: (b, c) => {
    const s = partBody(c.sections.training);
    b.p(`1. 定期舉辦全體員工一般訓練，${scheduleText(s?.general?.schedule)}至少一次。`);
    b.checks(
      trainingTopics.map((t) => ({
        checked: s?.general?.topics?.includes(t) ?? false,
        text: t === 'other' && s?.general?.otherTopic ? `其他：${s.general.otherTopic}` : trainingTopicLabels[t],
      })),
    );
    b.list([
      `2. 定期舉辦個資小組人員（代表人、負責人及管理人員）特殊訓練，${scheduleText(s?.leadership?.schedule)}至少一次。`,
      `3. 資訊人員定期參加特殊訓練，${scheduleText(s?.itStaff?.schedule)}至少一次。`,
      '4. 實施之佐證紀錄',
    ]);
    b.checks(
      trainingEvidenceKinds.map((k) => ({
        checked: s?.evidenceKinds?.includes(k) ?? false,
        text: k === 'other' && s?.otherEvidence ? `其他佐證方式：${s.otherEvidence}` : trainingEvidenceLabels[k],
      })),
    );
  },
  recordKeeping: (b, c) => {
    const s = partBody(c.sections.recordKeeping);
    b.heading(2, sub(1, '個資之蒐集、處理或利用紀錄'));
    retentionLines(b, s?.processingRecords);
    b.heading(2, sub(2, '自動化機器設備之軌跡資料'));
    retentionLines(b, s?.automatedTrails);
    b.heading(2, sub(3, '落實執行個人資料檔案安全維護計畫之證據'));
    retentionLines(b, s?.implementationEvidence ? [s.implementationEvidence] : undefined);
  },
  audit: (b, c) => {
    const s = partBody(c.sections.audit);
    b.p('本公司資料安全稽核機制規劃如下：');
    b.heading(2, sub(1, `${scheduleText(s?.schedule)}定期檢查或稽核一次`));
    b.checks(
      auditTypes.map((t) => ({
        checked: s?.types?.includes(t) ?? false,
        text:
          t === 'thirdPartyAudit' && (s?.thirdPartyStandards?.length || s?.thirdPartyScope)
            ? `${auditTypeLabels[t]}（${(s?.thirdPartyStandards ?? []).join('、')}），稽核範圍：${orBlank(s?.thirdPartyScope)}`
            : auditTypeLabels[t],
      })),
    );
    b.heading(2, sub(2, '檢查或稽核人員'));
    b.checks(auditorKinds.map((k) => ({ checked: s?.auditors?.includes(k) ?? false, text: auditorKindLabels[k] })));
    b.heading(2, sub(3, '稽核結果之處理'));
    b.checks(auditResultHandlings.map((h) => ({ checked: s?.resultHandling?.includes(h) ?? false, text: auditResultHandlingLabels[h] })));
    b.heading(2, sub(4, '檢查執行頻率'));
    b.checks([
      { checked: s?.tier === 'standard', text: '資本額1000萬元以下或保有個資5000筆以下者，執行安全維護措施' },
      { checked: s?.tier === 'every12Months', text: '資本額1000萬元以上或保有個資5000筆以上者，每12個月定期執行一次安全維護措施' },
    ]);
    b.heading(2, sub(5, '稽核範圍'));
    b.checks([
      { checked: s?.scope?.wholeOffice === true, text: '本公司全辦公室範圍（含機房）' },
      { checked: (s?.scope?.hostedServices?.length ?? 0) > 0, text: `本公司代管系統服務（含SaaS服務）：${(s?.scope?.hostedServices ?? []).join('／') || BLANK}` },
      { checked: (s?.scope?.products?.length ?? 0) > 0, text: `本公司產品服務：${(s?.scope?.products ?? []).join('／') || BLANK}` },
      { checked: Boolean(s?.scope?.other), text: `其他：${orBlank(s?.scope?.other)}` },
    ]);
    b.heading(2, sub(6, '稽核內容'));
    b.list(s?.contents ?? [BLANK]);
  },
  vendorOversight: (b, c, rows) => {
    const s = partBody(c.sections.vendorOversight);
    b.heading(2, sub(1, '委外契約內容'));
    b.p('本公司委託他人蒐集、處理或利用個人資料時，應依個人資料保護法施行細則第8條規定為適當之監督，並於委託契約或相關文件中明確約定：');
    b.checks(vendorContractClauses.map((k) => ({ checked: s?.contractClauses?.includes(k) ?? false, text: vendorContractClauseLabels[k] })));
    b.list(s?.clauseNotes ?? []);
    b.heading(2, sub(2, '委外監督方式'));
    b.p(`1. ${scheduleText(s?.schedule)}一次定期確認委外廠商執行個資安全維護措施之狀況，並紀錄確認結果。`);
    b.p('2. 監督方式：');
    b.checks(vendorOversightMethods.map((m) => ({ checked: s?.methods?.includes(m) ?? false, text: vendorOversightMethodLabels[m] })));
    const period = (from?: string, to?: string) => (from || to ? `${from ? formatRocDate(from) : BLANK}～${to ? formatRocDate(to) : BLANK}` : BLANK);
    b.table(
      ['序號', '委外業者名稱', '合約期間', '委外內容', '稽核方式'],
      (rows.vendors ?? []).map((v, i) => [String(i + 1), v.name, period(v.contractFrom, v.contractTo), v.scope, v.oversightMethod]),
    );
  },
  terminationDisposal: (b, c) => {
    const s = partBody(c.sections.terminationDisposal);
    b.heading(2, sub(1, '人員離職時之資料返還'));
    b.list((s?.offboardingReturn ?? [BLANK]).map((t, i) => `${i + 1}. ${t}`));
    b.heading(2, sub(2, '因業務終止而銷毀證據保存'));
    b.list([
      `1. 銷毀及刪除之方法：${orBlank(s?.destruction?.method)}`,
      `銷毀及刪除時間、地點，證明銷毀及刪除之記錄方式：${orBlank(s?.destruction?.timePlaceAndProof)}`,
      `2. 移轉：${orBlank(s?.transferRecords)}`,
      `3. 其他刪除、停止處理或利用個人資料：${orBlank(s?.otherDeletionRecords)}`,
      `4. 上述銷毀、移轉或刪除等紀錄，應保留至少${yearsText(s?.recordRetentionYears)}。`,
    ]);
  },
  continuousImprovement: (b, c) => {
    const s = partBody(c.sections.continuousImprovement);
    b.heading(2, sub(1, '安全維護計畫未落實執行時應採取矯正預防措施'));
    b.list((s?.correctiveActionProcedure ?? [BLANK]).map((t, i) => `${i + 1}. ${t}`));
    b.heading(2, sub(2, '定期檢視及修正本計畫'));
    b.p(`定期檢視頻率：${scheduleText(s?.planReview?.schedule)}定期檢視及修正本計畫一次。${s?.planReview?.triggers ? `修正內容：${s.planReview.triggers}` : ''}`);
  },
};

/** An accepted gap as the approver read it: the rule's text, not its code (the code stays only for an unknown one). */
export function acceptedGapText(gap: Pick<AcceptedGap, 'code' | 'section'>): string {
  if (gap.code === 'SECTION_NOT_APPLICABLE') return gap.section ? `「${planSectionTitles[gap.section].zhTW}」標示為不適用` : '章節標示為不適用';
  const rule = completenessRules.find((r) => r.code === gap.code);
  return rule ? rule.message.zhTW.replace(/。$/, '') : gap.code;
}

/** Sections whose table rows other areas own (and an approval freezes). */
const TABLE_SECTIONS: ReadonlySet<PlanSectionKey> = new Set(['inventory', 'riskAssessment', 'vendorOversight']);

function tablesNote(b: Builder, tables: RenderOptions['tables'], timeZone: string) {
  if (tables?.source === 'frozenAtApproval') b.p(`（本表為本版本核定時（${formatRocDate(zonedDateOf(tables.frozenAt, timeZone))}）之內容）`);
  else if (tables?.source === 'live') b.p('（本表為目前資料（草稿檢視），非核定時之內容）');
}

function approvalBlock(b: Builder, version: PlanVersion, timeZone: string) {
  b.heading(1, '核定');
  const approval = version.approval;
  if (!approval) {
    b.p(`本版本狀態：${statusLabels[version.status]}，尚未經代表人或其授權人員核定。`);
    return;
  }
  b.table(
    ['核定人', '職稱', '身分', '核定日期'],
    [[approval.approverName, approval.approverTitle, approverCapacityLabels[approval.capacity].zhTW, formatRocDate(zonedDateOf(approval.approvedAt, timeZone))]],
  );
  if (approval.authorisationReference) b.p(`授權依據：${approval.authorisationReference}`);
  if (approval.acceptedGaps.length) {
    b.p('核定時經敘明理由接受之缺漏：');
    b.list(approval.acceptedGaps.map((g) => `${acceptedGapText(g)}${g.section && g.code !== 'SECTION_NOT_APPLICABLE' ? `（${planSectionTitles[g.section].zhTW}）` : ''}${IDEOGRAPHIC_SPACE}理由：${g.reason}`));
  }
  if (version.status === 'superseded') b.p(`本版本已由第${version.supersededByVersion ?? BLANK}版取代。`);
}

/** Builds the document model of a version. Pure: the same input gives the same blocks. */
export function buildPlanDocument(version: PlanVersion, rows: PlanTableRows = {}, options: RenderOptions = {}): PlanDocument {
  const content = version.content;
  const title = `${content.organisationName ?? ''}個人資料安全維護計畫`;
  const versionLabel = planVersionLabel(version);
  const b = new Builder();
  b.blocks.push({ kind: 'title', text: title });
  b.p(versionLabel);
  b.p(`狀態：${statusLabels[version.status]}`);
  if (content.preamble) b.p(content.preamble);
  for (const heading of planSectionHeadings) {
    b.heading(1, heading.headingZh);
    const value = content.sections[heading.key];
    if (isNotApplicable(value)) b.notApplicable(value);
    else {
      writers[heading.key](b, content, rows);
      if (TABLE_SECTIONS.has(heading.key)) tablesNote(b, options.tables, options.timeZone ?? 'Asia/Taipei');
    }
  }
  for (const appendix of content.appendices ?? []) {
    b.heading(1, `附錄：${appendix.title}`);
    b.list(appendix.body);
  }
  approvalBlock(b, version, options.timeZone ?? 'Asia/Taipei');
  return { title, versionLabel, blocks: b.blocks };
}

