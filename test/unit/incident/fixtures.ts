import { incidentInputSchema, openIncident, type Incident, type IncidentInput } from '../../../domain/incident/incident';
import type { NoticeContent } from '../../../domain/incident/notices';

export function facts(overrides: Partial<IncidentInput> = {}) {
  return incidentInputSchema.parse({
    title: 'CRM 資料庫遭入侵',
    discoveredAt: '2025-03-01T09:30:00+08:00',
    occurredAt: '2025-03-01T02:10:00+08:00',
    reportedBy: { name: '值班工程師' },
    kinds: ['intrusion', 'leak'],
    dataCategories: ['C001 辨識個人者', 'C002 辨識財務者'],
    estimatedRecords: { general: 12000, special: 0 },
    summary: '駭客利用弱點存取客戶資料表',
    cause: '未修補之 CVE',
    damage: '客戶姓名、電話外洩',
    possibleConsequences: '詐騙電話',
    plannedMeasures: ['修補弱點', '重設密碼'],
    plannedSubjectNotification: { at: '2025-03-02T12:00:00+08:00', channels: ['email', 'sms'] },
    endangersOperationsOrManySubjects: true,
    ...overrides,
  });
}

export function incident(overrides: Partial<IncidentInput> = {}): Incident {
  return openIncident({ id: 'i1', tenantId: 't1', facts: facts(overrides) });
}

export function content(overrides: Partial<NoticeContent> = {}): NoticeContent {
  return {
    whatHappened: '本公司系統遭不明駭客入侵，導致會員個資外洩。',
    emergencyMeasures: '已封鎖入侵來源並刪除木馬程式。',
    causeInvestigation: '駭客利用未修補之系統弱點。',
    remediation: '已修補弱點並加強存取控制。',
    authoritiesNotified: '已通報數位發展部，並向165報案。',
    assistance: '如接獲可疑來電請勿提供資料。',
    contact: { name: '個資專員 王小明', phone: '02-1234-5678' },
    ...overrides,
  };
}
