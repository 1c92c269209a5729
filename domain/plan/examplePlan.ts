/**
 * The worked example of seed 000 (小叮噹股份有限公司, 114年1月2日 7版) transcribed into the plan
 * schema. It is the source of defaultPlanDuties() and of test/fixtures/plan/examplePlan.json.
 * Placeholders of the template (OO萬, xxx@xxx.com) are kept as written.
 */
import type { ItSecurityMeasures, PlanContent } from './planContent';

const yearly = { frequency: { every: 1, unit: 'year' }, labelZh: '每年' } as const;
const yearlyOne = { frequency: { every: 1, unit: 'year' }, labelZh: '每1年' } as const;
const halfYearly = { frequency: { every: 6, unit: 'month' }, labelZh: '每半年' } as const;
const quarterly = { frequency: { every: 3, unit: 'month' }, labelZh: '3個月' } as const;

const legalChecksPurpose = [
  '利用個資時符合蒐集時之利用目的。',
  '目的外利用個資，符合個資法第20條下列事由：法律明文規定；為增進公共利益所必要；為免除當事人之生命、身體、自由或財產上之危險；為防止他人權益之重大危害；學術研究機構基於公共利益為統計或學術研究而有必要，且資料經處理後無從識別特定之當事人；經當事人同意（應先告知個資法第8條所定應告知事項）；有利於當事人權益。特種個資不得目的外利用。',
].join('\n');

const hostedServices: ItSecurityMeasures = {
  serviceName: '開店平台',
  hostingModels: ['saas'],
  hostingLocation: 'AWS',
  encryption: { enabled: true, when: '儲存於資料庫', methods: 'AES256、TLS 1.3以上', keysSeparated: true },
  backup: { enabled: true, measures: '321備份原則、加密儲存、自動備份、自動壓縮、自動金鑰加密等', isolated: true },
  transmission: { channel: '透過API', measures: 'SSL傳輸加密機制、AES256加密機制', testedAgainst: 'OWASP TOP 10' },
  firewall: { enabled: true, description: '管理系統伺服器及OA區網路防火牆只開放必要的通訊埠對外連線', schedule: halfYearly },
  waf: { enabled: true, description: '網站安裝應用程式防火牆監測、過濾、阻斷可疑的流量', schedule: halfYearly },
  otherIntrusionDetection: { enabled: false },
  anomalyMonitoring: { loginMonitoring: true, accessMonitoring: true, responseDrill: yearlyOne },
  vulnerabilityManagement: {
    preReleaseSourceScans: 1,
    scan: yearlyOne,
    methods: '系統網站弱點掃描、主機弱點掃描',
    fixTarget: '修補漏洞至無中風險及高風險漏洞',
  },
  malware: { antivirusAlwaysUpdated: true, scan: yearlyOne },
  authentication: { passwordComplexity: true, twoFactor: true, otherMechanism: '雙因子認證' },
  testData: '處理個資之資通系統進行測試時避免使用真實個資；使用真實個資者，應訂定使用規範。',
  changeManagement: '處理個資之資通系統有變更時，應確保其安全性未降低。',
  systemReview: { schedule: yearlyOne, keepVersionControlRecords: true },
  masking: {
    scenarios: '資料庫儲存資料、API傳輸個資、前台訂單查詢',
    measures: '資料庫內資料加密、SSL傳輸加密機制、前台使用者介面顯示資料之隱碼機制',
  },
};

export const examplePlanContent: PlanContent = {
  organisationName: '小叮噹股份有限公司',
  regulationBasis: '數位經濟相關產業個人資料檔案安全維護管理辦法',
  preamble:
    '小叮噹股份有限公司（下稱本公司）依據個人資料保護法、數位經濟相關產業個人資料檔案安全維護管理辦法等相關規範，訂定以下個人資料安全維護計畫（下稱本計畫），作為本公司個人資料保護管理機制之最高指導文件。',
  sections: {
    staffAndResources: {
      team: [
        {
          role: 'convener',
          name: '小叮噹',
          title: '總經理',
          isRepresentativeOrAuthorised: true,
          duties: ['本公司個資安全維護措施之協調與推動', '檢驗本公司個資安全防護措施佈署的執行及規劃所需資源', '核准本公司個資安全執行之資源需求'],
        },
        {
          role: 'dedicatedOfficer',
          name: '技安',
          title: '專案管理師',
          duties: ['本公司安全維護計畫、個人資料保護政策之訂定及修正、監督執行、檢查', '個資保護業務之協調聯繫', '本公司個資事故總連絡窗口'],
        },
        {
          role: 'securityLead',
          name: '阿福',
          title: '技術副總',
          unit: '資訊部',
          duties: ['本公司系統資安政策之規劃及執行', '本公司資訊系統事故調查及改善'],
        },
        { role: 'unitOfficer', name: '宜靜', title: '人資管理師', unit: '人資處', duties: ['人資處個資安全維護措施推動及執行', '人資處個資事故連絡窗口'] },
        { role: 'unitOfficer', name: '大雄', title: '資料分析師', unit: 'OO部', duties: ['OO部個資安全維護措施推動及執行', 'OO部個資事故連絡窗口'] },
      ],
      budgets: [
        {
          year: 2025,
          amountLabel: 'OO萬',
          items: ['管理人員薪資', '個資維護（資安）系統或設備預算', '外部單位稽核'],
        },
      ],
    },
    policy: {
      statements: [
        '遵守我國個人資料保護相關法令規定。',
        '依照本計畫第六點所列個人資料蒐集、處理及利用之內部管理程序內容，於特定目的範圍內，蒐集、處理或利用個人資料。',
        '依照本計畫第七點所列資料安全管理內容，以可期待之合理安全水準技術保護其所蒐集、處理或利用之個人資料檔案。',
        '緊急應變程序依照本計畫第五點所列之內容進行。',
        '監督委外廠商依照本計畫第十三點所列內容進行。',
        '持續維運安全維護計畫之義務，依照本計畫第十五點所列之內容進行以確保個人資料檔案之安全。',
      ],
      dataSubjectContact: { role: '個資管理專責人員', name: '技安', title: '專案管理師', email: 'xxx@xxx.com' },
      incidentContact: { role: '個資管理專責人員', name: '技安', title: '專案管理師', email: 'xxx@xxx.com' },
    },
    inventory: {
      schedule: yearly,
      subjectAttributes: ['employee', 'consumer', 'customerContact', 'supplierContact'],
      method: '透過盤點既有業務、專案及資通設備（包含使用之地端及雲端），以了解本公司使用個資情形，並製作個資盤點表。',
    },
    riskAssessment: {
      schedule: yearly,
      method:
        '先評估「個資檔案價值」（個資類別、屬性、筆數之等級數值總合，A+B+C，數值越高越優先）及「可能風險類型」，再依據資料價值評估「風險處理對策」投入成本，並預先針對5種作業情境（加工、內部傳輸、外部傳輸、保管、廢棄）提出預計風險處理對策。',
    },
    incidentResponse: {
      procedure: [
        '發生個資事故時，通報事故通報個資聯絡窗口，並由個資小組啟動應變程序，各項應變程序皆完成後始可結案。',
        '事故通報：72小時內通報主管機關數位發展部並配合調查（若事故已由媒體報導，建議於24小時內通報）。',
        '通知當事人：初步查明後立即以適當方式通知當事人，使當事人知悉個資事故及已採取之因應措施。',
        '通知客戶：立即通知客戶並配合協助通知當事人。',
        '事故排除及追蹤：立即採取事故排除措施、改善措施，以及後續追蹤。',
      ],
      authorityNotification: {
        withinHours: 72,
        mediaReportedWithinHours: 24,
        condition: '遇有個人資料安全事故，將危及其正常營運或大量當事人權益。',
        authorityName: '數位發展部',
        authorityPhone: '02-23808390',
        authorityEmail: 'www-mailbox.adi.gov.tw',
        contents: '事件發生種類、外洩大略筆數、發生原因及事件摘要、採取的因應措施、通知當事人的時間和方法。',
        form: '數位經濟相關產業個人資料檔案安全維護管理辦法附表二',
      },
      dataSubjectNotification: {
        timing: '自知悉時起即初步查明，並立即以適當方式通知當事人。',
        condition: '遇有個資被竊取、洩漏（個資外洩）或竄改、損毀、滅失之事故。',
        content:
          '使當事人知悉個資遭外洩或竊取、已採取哪些因應及修補措施；查明事故後亦通知當事人事故之發生與處理情形，及後續供當事人查詢之電話專線或其他適當管道。',
        methods: '以簡訊、電子郵件或其他足以使當事人知悉或可得知悉之方式。',
      },
      customerNotification: {
        timing: '自知悉時起即應盡速通知。',
        condition: '遇有個資被竊取、洩漏（個資外洩）或竄改、損毀、滅失之事故。',
        content: '使客戶知悉個資遭外洩或竊取、已採取哪些應對及修補措施。',
        methods: '以簡訊、電子郵件等其他足以使客戶知悉或可得知悉之方式。',
      },
      remediation: {
        containment: [
          '透過惡意程式偵測或數位鑑識等方式尋找惡意程式等。',
          '採取最基礎的停止損害措施，例如立刻限制國外IP存取、限縮客戶帳號存取權限等。',
          '若損害層面過大，必要時先將涉及外洩客戶部分之系統伺服器暫停營運（停機）。',
        ],
        investigation: [
          '調取log查閱是否有異常IP，並研究駭客路徑。',
          '透過系統及伺服器檢測，尋找後台系統及前台網站漏洞（包含弱點掃描及滲透測試等）。',
          '判斷是否有其他可能成因（例如員工外接夾帶病毒之USB、員工遭受社交工程攻擊並上當、撞庫攻擊等）。',
        ],
        correctivePrevention: [
          '改善資安措施：透過已釐清之事件成因進行弱點漏洞修補、部分或全面改善系統資安之縱深防護措施等。',
          '改變個資蒐集處理利用方式：包含採取個資最小化措施、改變個資蒐集內容、傳輸方式、儲存地點及方式等。',
          '重新評估與客戶間資安責任：重新以契約約定雙方資安責任，或於客戶無力負擔時不再與該客戶續約等。',
        ],
      },
      drill: {
        schedule: yearly,
        contents: ['測試異常存取資料監控機制', '異常存取資料行為事故通報及應變機制', '其他個資事故通報及應變機制'],
      },
    },
    internalProcedures: {
      legalRequirements: {
        specificPurpose: legalChecksPurpose,
        specialCategoryBasis:
          '特種個資符合個資法第6條所訂之法律依據：法律明文規定；履行法定義務必要範圍內且有適當安全維護措施；當事人自行公開或其他已合法公開；學術研究機構之統計或學術研究；協助公務機關執行法定職務或履行法定義務；經當事人書面同意（應先告知個資法第8條所定應告知事項）。',
        generalBasis:
          '一般個資符合個資法第19條之法律依據：法律明文規定；契約或類似契約關係且已採取適當之安全措施；當事人自行公開或其他已合法公開；學術研究；經當事人同意；為增進公共利益所必要；個資取自於一般可得之來源；對當事人權益無侵害。',
        notice:
          '直接向當事人蒐集時依個資法第8條告知業者名稱、蒐集之目的、個人資料之類別、利用之期間、地區、對象及方式、當事人權利及行使方式、不提供之影響；非由當事人提供時依第9條告知；並檢視是否符合免為告知之情形。',
        minimisation: '蒐集個資時不蒐集與利用目的無關的個資。',
      },
      internationalTransfer: {
        transfers: true,
        businessPurpose: '租用雲端空間提供SaaS服務',
        regions: ['日本'],
        restrictionCheck: '檢視是否受數位發展部依個人資料保護法第21條所為之限制。',
        dataSubjectNotice: '與客戶簽訂契約',
        recipientSupervision:
          '對資料接收方監督：一、預定處理或利用個人資料之範圍、類別、特定目的、期間、地區、對象及方式。二、當事人行使個人資料保護法第3條所定權利之相關事項。',
      },
      purposeExpiryReview: {
        schedule: halfYearly,
        handling:
          '個人資料之特定目的消失或期限屆滿時，依個資法第11條第3項規定主動刪除、停止處理及停止利用；因法規規定、執行職（業）務所必須，或經當事人書面同意者，可不刪除，但應於個資盤點表中寫明事由。',
      },
      outsourcing: { processors: ['雲端業者○○', '代管業者○○'], thirdPartyRecipients: ['○○'] },
      dataSubjectRequests: {
        marketingOptOut: [
          '當事人表示拒絕接受行銷時，應即停止利用其個人資料行銷。',
          '首次行銷時，應提供當事人表示拒絕接受行銷之方式，並支付所需費用。',
          '提供當事人免費、快速、容易表達之簡便方式。',
        ],
        rightsChannels: '告知當事人得依個資法第3條規定行使之權利及方式，至少與蒐集當事人個資相同之方式、管道及難易度（客服電話、客服email、網站申請等）。',
        identityVerification: '確認當事人或其代理人之身分。',
        refusalGroundsCheck: '檢視是否符合個資法第10條但書、第11條第2項但書及第11條第3項但書所定得拒絕其請求之事由。',
        refusalNoticeWithReasons: '拒絕當事人行使權利者，附理由通知當事人。',
        decisionDeadlineProcedure: '當事人請求為准駁決定及延長決定期間之程序，並應確保符合個資法第13條之規定。',
        correctionExplanation: '當事人請求更正或補充其個人資料者，應釋明之事項。',
        feeSchedule: '當事人查詢、請求閱覽或製給複製本之請求酌收必要成本費用者，應明定其收費標準。',
        accuracyMaintenance: [
          '維護個人資料之正確，並主動或依當事人之請求更正或補充之。',
          '提供當事人免費、快速、容易表達之簡便方式請求更正或補充之。',
          '個資正確性有爭議者，應主動或依當事人之請求停止處理或利用（因執行職務或業務所必須，或經當事人書面同意，並經註明其爭議者，不在此限）。',
          '因可歸責於本公司之事由，未為更正或補充之個資，應於更正或補充後，通知曾提供利用之對象。',
        ],
        flowDescription:
          '拒絕行銷：銷售人員立即停止行銷並傳達個資保管權責人員；行使個資法第3條權利：聯繫窗口回復已受理，個資保管權責人員確認身分、檢視拒絕事由、評估及通知處理期限及是否付費、提供資料；個資更正：確認身分、標註爭議、更正並通知當事人。',
      },
    },
    dataSecurity: {
      hostedServices,
      productDevelopment: {
        serviceName: '開店平台',
        phases: [
          {
            phase: '需求階段',
            requirements: [
              '系統防護需求分級。',
              '遵守數位經濟相關產業個人資料檔案安全維護管理辦法：資料庫內資料加密、傳輸安全措施、應用程式防火牆、異常存取監控、漏洞檢測、使用者驗證、測試不使用真實個資、前台隱碼。',
              '遵守客戶應適用之個資相關規範。',
            ],
          },
          { phase: '設計階段（Design）', requirements: ['參考OWASP TOP 10於設計階段考量資安威脅。', '進行威脅建模（Threat Modeling）分析。'] },
          {
            phase: '開發實作階段（Implementation）',
            requirements: ['預防OWASP TOP 10常見漏洞。', '透過HTTPS傳輸加密。', '對稱或非對稱式加密資料庫。', '建置權限控管。', '建置異常存取監控機制及預警機制。'],
          },
          { phase: '驗證測試階段（Verification）', requirements: ['至少進行1次源碼檢測（靜態分析）。', '至少進行1次弱點掃描或滲透測試（動態分析）。'] },
          {
            phase: '安裝部署及維運階段（Deployment & Maintenance）',
            requirements: [
              '刪除安裝用帳號或修改安裝用帳號之密碼。',
              '文件記錄安裝過程，並經由主管或稽核小組確認。',
              '透過版本控制工具隨時更新版本、修補漏洞。',
              '確認異常行為監控機制及預警機制是否正常執行。',
              '落實備份機制。',
            ],
          },
        ],
      },
      officeEnvironment: {
        encryption: { enabled: true, when: '人資管理系統、客戶管理系統資料庫', methods: 'AES256', keysSeparated: true },
        backup: { enabled: true, measures: '加密儲存、自動備份、自動壓縮、自動金鑰加密等', isolated: true },
        transmission: { channel: '客戶管理系統資料庫之資料透過API傳輸', measures: 'SSL傳輸加密機制、資料顯示之隱碼機制' },
        firewall: { enabled: true, description: '管理系統伺服器及OA區網路防火牆只開放必要的通訊埠對外連線', schedule: quarterly },
        waf: { enabled: true, description: '網站安裝應用程式防火牆監測、過濾、阻斷可疑的流量', schedule: quarterly },
        emailFiltering: { enabled: true, description: '員工電子郵件系統採取OO過濾系統', schedule: quarterly },
        endpointProtection: { enabled: true, description: 'OA區電腦、共用區設備採取端點防護', schedule: yearly },
        otherIntrusionDetection: { enabled: false },
        anomalyMonitoring: { loginMonitoring: true, accessMonitoring: true, responseDrill: yearlyOne },
        vulnerabilityManagement: { scan: yearly, methods: '網站弱點掃描、主機弱點掃描', fixTarget: '修補漏洞至無中風險及高風險漏洞' },
        malware: { antivirusAlwaysUpdated: true, scan: yearly },
        authentication: { passwordComplexity: true, twoFactor: true, otherMechanism: '雙因子認證：密碼、簡訊認證碼' },
        testData: '處理個資之資通系統進行測試時避免使用真實個資；使用真實個資者，應訂定使用規範。',
        changeManagement: '處理個資之資通系統有變更時，應確保其安全性未降低。',
        systemReview: { schedule: yearly },
        masking: {
          scenarios: '資料庫儲存資料、API傳輸個資、前台使用者介面查詢',
          measures: '資料庫內資料加密、SSL傳輸加密機制、前台使用者介面顯示資料之隱碼機制',
        },
      },
      mediaUsageRules: '提供新版本之資料及軟硬體時，繳回或刪除舊版本；儲存媒介物報廢或轉作他用時，確實刪除個資。',
    },
    personnel: {
      confidentiality: '與所屬人員約定保密義務，約定方式：簽署保密協議書。',
      identification: '依專案內容或業務屬性判斷會蒐用個資的人員，請詳見本公司人員存取權限文件。',
      accessControl: {
        description: '依業務特性、內容及需求，設定所屬人員接觸個資之權限，並定期檢視適當性及必要性。',
        review: yearly,
        physicalAccess: { enabled: true, description: '辦公室門禁、檔案室門禁、機房門禁' },
        sharedFolderAccess: { enabled: true, description: '共用區個別檔案僅該涉及專案之人員才有存取權限，請詳見本公司人員存取權限文件' },
        other: { enabled: false },
      },
      offboarding: '要求離職人員返還個人資料之載體，並由專責人員進行檢查；要求離職人員刪除因執行業務而持有之個資，並由專責人員進行檢查。',
    },
    equipment: {
      mediaProtection: { enabled: true, description: '避免未經授權存取資料之措施、攜出之安全措施、維持可用性' },
      storageEnvironment: { enabled: true, description: '防水、防潮、防火、防震、防斷電等措施' },
      byodRules: { enabled: false },
      otherMediaRules: { enabled: false },
      custodyRules: '該設備存有之資料涉及機密，不得接取可連接外部網路之主機。',
      entryControl: '檔案室門禁管制。',
      obsoleteHandling: '提供新版本之資料及軟硬體時，繳回或刪除舊版本。',
    },
    training: {
      general: { schedule: yearly, topics: ['law', 'responsibilities', 'planRequirements', 'awareness'] },
      leadership: { schedule: yearly },
      itStaff: { schedule: yearly },
      evidenceKinds: ['attendanceSheet', 'meetingMinutes', 'assessment'],
    },
    recordKeeping: {
      processingRecords: [
        { scope: '公司OA區電腦、共用區等設備', method: '電子資料、紙本紀錄', place: '電子資料存於本公司機房自行管理之伺服器、紙本紀錄存放檔案櫃', periodYears: 5 },
        { scope: '本公司為提供客戶服務所（代）管理之系統', method: '電子資料存於本公司租用之AWS雲端伺服器', place: '電子資料存於本公司租用之AWS雲端伺服器', periodYears: 5 },
      ],
      automatedTrails: [
        { scope: '公司OA區電腦、共用區等設備', method: '電子資料', place: '電子資料存於本公司機房自行管理之伺服器', periodYears: 5 },
        { scope: '本公司為提供客戶服務所（代）管理之系統', method: '電子資料', place: '電子資料存於本公司租用之AWS雲端伺服器', periodYears: 5 },
      ],
      implementationEvidence: { method: '電子資料、紙本紀錄', place: '電子資料存於本公司機房自行管理之伺服器、紙本紀錄存放檔案櫃', periodYears: 5 },
    },
    audit: {
      schedule: yearly,
      types: ['selfCheck', 'internalAudit'],
      auditors: ['certifiedAuditor', 'legal', 'informationSecurity'],
      resultHandling: ['assessmentReport', 'keepRecords', 'managementReview', 'improve', 'revisePlan'],
      tier: 'every12Months',
      scope: { wholeOffice: true, hostedServices: ['開店平台代管服務', 'CRM SaaS服務'], products: ['CRM套裝軟體', 'ERP套裝軟體'] },
      contents: [
        '配置管理之人員及相當資源',
        '界定個人資料之範圍（並檢查是否定期盤點）',
        '個人資料之風險評估及管理機制（並檢查是否定期評估）',
        '事故之預防、通報及應變機制',
        '個人資料蒐集、處理及利用之內部管理程序（並檢查是否定期評估檢視個資蒐集目的是否已消失）',
        '資料安全管理措施',
        '人員安全管理措施（並檢查是否定期檢視個資存取權限）',
        '認知宣導及教育訓練',
        '設備安全管理',
        '資料安全稽核機制（並檢查是否定期稽核或自我檢查）',
        '使用紀錄、軌跡資料及證據保存',
        '個人資料安全維護之整體持續改善（並檢查是否定期檢視或修正安全維護計畫）',
      ],
    },
    vendorOversight: {
      contractClauses: ['scopeAndPurpose', 'processorMeasures', 'subProcessing', 'breachNotificationAndRemedy', 'reservedInstructions', 'returnAndDeletion'],
      schedule: yearly,
      methods: ['publishedAttestation', 'thirdPartyReport', 'onSiteAudit', 'selfCheckForm'],
    },
    terminationDisposal: {
      offboardingReturn: ['要求離職人員返還個人資料之載體，並由專責人員進行檢查。', '要求離職人員刪除因執行業務而持有之個資，並由專責人員進行檢查。'],
      destruction: {
        method:
          '啟動：受理刪除要求，或窗口定期通知所有個資保管人員檢視保存已屆期個資；銷毀：所有個資管理人員進行刪除並保留佐證；回報：上傳已刪除之佐證資料予窗口，或回報不刪除之原因。',
        timePlaceAndProof: '紙本個資碎紙錄影、水銷錄影；電子個資刪除銀幕錄影；主管確認及簽核。',
      },
      transferRecords: '移轉個人資料者，應記錄其原因、對象、方法、時間、地點及受移轉對象得保有該個人資料之合法依據。',
      otherDeletionRecords: '記錄其刪除、停止處理或利用之方法、時間或地點。',
      recordRetentionYears: 5,
    },
    continuousImprovement: {
      correctiveActionProcedure: [
        '找出缺失之原因，以及評估是否有類似的缺失存在，或之後可能發生缺失的項目。',
        '評估消除缺失項目所須採取的措施，並實際執行。',
        '審查所有已採取的矯正措施的有效性。',
        '將矯正措施更新於本計畫。',
        '將缺失原因、所採取之矯正措施、採取措施的過程、採取措施的結果，以文件化方式保存，做為參考依據及證據。',
      ],
      planReview: { schedule: yearly, triggers: '依據安全維護計畫矯正措施、技術發展、業務調整、法令變化等，更新內容於本計畫。' },
    },
  },
};
