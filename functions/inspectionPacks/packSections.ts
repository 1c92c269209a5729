/**
 * What each section of an inspection pack holds, collected through the areas' own stores,
 * views and renderers (the plan's Word document, the inventory workbook, the regulator form…):
 * the pack shows records exactly as the API and the documents do, never a second rendering.
 * Each collector returns files (bytes + media type + the record they render) and notes for
 * sections with nothing to show.
 */
import {
  archivePath,
  dateWithin,
  planVersionsInForce,
  requestFiguresOfPeriod,
  type AuditChainResult,
  type InspectionPackPeriod,
  type InspectionPackStep,
  type PlanVersionInForce,
} from '../../domain/inspectionPack';
import { catalogById } from '../../domain/assessment';
import { renderRegulatorNotificationDocx } from '../../domain/incident';
import { exportInventoryXlsx } from '../../domain/inventory/xlsx';
import type { LocalizedText } from '../../domain/shared/localizedText';
import { compareIsoDate, parseIsoDate, zonedDateOf, zonedInstant, zonedEndOfDay } from '../../domain/shared/isoDate';
import type { TenantCommandContext } from '../application/commandContext';
import { unwrap } from '../application/failures';
import { toAssessmentView as toComplianceAssessmentView, toFindingsView } from '../assessments/assessmentModel';
import { allAssessments, requireAssessment } from '../assessments/assessmentStore';
import { verifyStoredChain } from '../audit/auditStore';
import { dataSubjectRequestAccess } from '../dataSubjectRequests/dataSubjectRequestEntities';
import { fromRequestItem } from '../dataSubjectRequests/dataSubjectRequestStore';
import { incidentAccess } from '../incidents/incidentEntities';
import { regulatorFormFor } from '../incidents/incidentDocuments';
import { toIncidentView, toNoticeView } from '../incidents/incidentModel';
import { loadIncident, toStoredIncident } from '../incidents/incidentStore';
import { compareFileIds, loadCodeLists, loadLiveFiles } from '../inventory/inventoryStore';
import { renderPlanDocument } from '../plan/planDocument';
import { planAccessPatterns } from '../plan/planEntities';
import { documentFileNames } from '../plan/planModel';
import { toAssessmentView as toRiskAssessmentView } from '../risk/riskModel';
import { loadAllAssessments as loadRiskAssessments } from '../risk/riskStore';
import { queryAll, queryItems } from '../store/entityModel';
import { sessionsOfYear } from '../training/trainingStore';
import { toSessionView } from '../training/trainingModel';
import { toCheckView, toVendorView } from '../vendors/vendorModel';
import { contractFindingsOf, contractViewOf, loadChecks, loadContracts, loadVendors } from '../vendors/vendorStore';
import type { StoredPlanVersion } from '../plan/planEntities';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const JSON_TYPE = 'application/json';

export interface SectionFile {
  path: string;
  mediaType: string;
  bytes: Uint8Array;
  source?: string;
}

export interface SectionOutput {
  files: SectionFile[];
  notes: LocalizedText[];
}

export interface SectionInput {
  context: TenantCommandContext;
  period: InspectionPackPeriod;
  /** The build day (tenant time): "current" records are as of this day. */
  today: string;
  timeZone: string;
}

const encoder = new TextEncoder();

export function jsonFile(path: string, value: unknown, source?: string): SectionFile {
  return { path, mediaType: JSON_TYPE, bytes: encoder.encode(`${JSON.stringify(value, null, 2)}\n`), ...(source ? { source } : {}) };
}

const output = (files: SectionFile[], notes: LocalizedText[] = []): SectionOutput => ({ files, notes });

/** Bounds the whole-register reads below: a tenant has hundreds of such records, not millions. */
const REGISTER_MAX_ITEMS = 10_000;

// Plan --------------------------------------------------------------------------------------------

const PLAN_DATE_ATTRIBUTES = ['pk', 'sk', 'versionNumber', 'versionDate', 'status', 'approval', 'supersededAt'];

/** The approved plan versions in force during the period, each as the Word document the plan area renders. */
export async function planSection(input: SectionInput): Promise<SectionOutput & { inForce: PlanVersionInForce[] }> {
  const items = await queryItems(input.context.table, { ...planAccessPatterns.versionsNewestFirst(), projection: PLAN_DATE_ATTRIBUTES });
  const versions = items as unknown as StoredPlanVersion[];
  const inForce = planVersionsInForce(versions, input.period, input.timeZone);
  const files: SectionFile[] = [];
  for (const version of inForce) {
    const stored = versions.find((v) => v.versionNumber === version.versionNumber)!;
    const rendered = await renderPlanDocument(input.context, version.versionNumber, 'docx');
    const bytes = typeof rendered.body === 'string' ? encoder.encode(rendered.body) : rendered.body;
    files.push({ path: archivePath('planDocuments', documentFileNames(stored.versionNumber, stored.versionDate, 'docx').utf8), mediaType: DOCX_TYPE, bytes, source: `planVersion:${version.versionNumber}` });
  }
  const notes = inForce.length === 0 ? [{ zhTW: '期間內無已核定之安全維護計畫。', en: 'No approved security maintenance plan was in force during the period.' }] : [];
  return { ...output(files, notes), inForce };
}

// Inventory ---------------------------------------------------------------------------------------

export async function inventorySection(input: SectionInput): Promise<SectionOutput> {
  const { table } = input.context;
  const [files, codeLists] = await Promise.all([loadLiveFiles(table), loadCodeLists(table)]);
  files.sort((a, b) => compareFileIds(a.id, b.id));
  const bytes = new Uint8Array(await exportInventoryXlsx(files, codeLists));
  return output(
    [{ path: archivePath('inventory', `個資盤點表_${input.today}.xlsx`), mediaType: XLSX_TYPE, bytes, source: `inventory:${files.length}` }],
    // The inventory is a living register; the plan documents carry the tables frozen at each approval.
    [{ zhTW: `個資盤點表為製作日（${input.today}）之現況；各版計畫核定時之表格見計畫文件。`, en: `The inventory is as of the build day (${input.today}); each plan document carries the tables frozen at its approval.` }],
  );
}

// Risk --------------------------------------------------------------------------------------------

/** The latest risk assessment approved on or before the period's end. */
export async function riskSection(input: SectionInput): Promise<SectionOutput> {
  const records = await loadRiskAssessments(input.context.table);
  const latest = records
    .filter((record) => record.assessment.approval !== undefined && compareIsoDate(record.assessment.assessedOn, input.period.to) <= 0)
    .sort((a, b) => b.assessment.assessedOn.localeCompare(a.assessment.assessedOn) || b.assessment.id.localeCompare(a.assessment.id))[0];
  if (!latest) return output([], [{ zhTW: '期間結束前無已核定之風險評估。', en: 'No risk assessment was approved by the end of the period.' }]);
  const path = archivePath('riskAssessment', `風險評估_${latest.assessment.assessedOn}_${latest.assessment.id}.json`);
  return output([jsonFile(path, toRiskAssessmentView(latest), `riskAssessment:${latest.assessment.id}`)]);
}

// Vendors -----------------------------------------------------------------------------------------

/** Vendors, their contracts with the missing-clause findings, and the oversight checks made in the period. */
export async function vendorSection(input: SectionInput): Promise<SectionOutput> {
  const { table } = input.context;
  const [vendors, contracts, checks] = await Promise.all([loadVendors(table), loadContracts(table), loadChecks(table)]);
  const contractViews = [];
  for (const contract of contracts) {
    const [view, findings] = await Promise.all([contractViewOf(table, contract, input.today), contractFindingsOf(table, contract.vendorId, contract.id)]);
    contractViews.push({ contract: view, clauseFindings: findings.findings, hasSubProcessors: findings.hasSubProcessors });
  }
  const checksInPeriod = checks.filter((check) => dateWithin(check.date, input.period)).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return output([
    jsonFile(archivePath('vendors', '受託者清冊.json'), { vendors: vendors.map(toVendorView) }, `vendors:${vendors.length}`),
    jsonFile(archivePath('vendors', '委外契約及缺漏條款.json'), { contracts: contractViews }, `contracts:${contracts.length}`),
    jsonFile(archivePath('vendors', '委外監督紀錄.json'), { period: input.period, checks: checksInPeriod.map(toCheckView) }, `oversightChecks:${checksInPeriod.length}`),
  ]);
}

// Training ----------------------------------------------------------------------------------------

function yearsOf(period: InspectionPackPeriod): number[] {
  const first = parseIsoDate(period.from).year;
  const last = parseIsoDate(period.to).year;
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** Training sessions held in the period (cancelled ones too: the record shows why). */
export async function trainingSection(input: SectionInput): Promise<SectionOutput> {
  const sessions = (await Promise.all(yearsOf(input.period).map((year) => sessionsOfYear(input.context.table, year))))
    .flat()
    .filter((session) => dateWithin(session.heldOn, input.period))
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.trainingSessionId.localeCompare(b.trainingSessionId));
  const notes = sessions.length === 0 ? [{ zhTW: '期間內無教育訓練紀錄。', en: 'No training session was recorded in the period.' }] : [];
  return output([jsonFile(archivePath('training', '教育訓練場次.json'), { period: input.period, sessions: sessions.map(toSessionView) }, `trainingSessions:${sessions.length}`)], notes);
}

// Assessments -------------------------------------------------------------------------------------

/** Assessments under way or signed off during the period, each with its findings and corrective actions. */
export async function assessmentSection(input: SectionInput): Promise<SectionOutput> {
  const { table } = input.context;
  const relevant = (await allAssessments(table)).filter((assessment) => {
    const created = zonedDateOf(assessment.createdAt, input.timeZone);
    const signed = assessment.signedOff ? zonedDateOf(assessment.signedOff.at, input.timeZone) : undefined;
    return compareIsoDate(created, input.period.to) <= 0 && (signed === undefined || compareIsoDate(signed, input.period.from) >= 0);
  });
  const files: SectionFile[] = [];
  for (const summary of relevant.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const { assessment, actions } = await requireAssessment(table, summary.assessmentId);
    const catalog = unwrap(catalogById(assessment.catalogId));
    files.push(jsonFile(
      archivePath('assessments', `${assessment.assessmentId}.json`),
      { assessment: toComplianceAssessmentView(assessment, catalog), findings: toFindingsView(assessment, catalog, actions) },
      `complianceAssessment:${assessment.assessmentId}`,
    ));
  }
  const notes = files.length === 0 ? [{ zhTW: '期間內無稽核或自我評估。', en: 'No audit or self-assessment in the period.' }] : [];
  return output(files, notes);
}

// Incidents ---------------------------------------------------------------------------------------

/** Incidents discovered by the period's end and not closed before it: the record, the regulator form, the notices. */
export async function incidentSection(input: SectionInput): Promise<SectionOutput> {
  const { context } = input;
  const stored = (await queryAll(context.table, incidentAccess.newestFirst(), { max: REGISTER_MAX_ITEMS })).items.map(toStoredIncident);
  const relevant = stored.filter((incident) => {
    const discovered = zonedDateOf(incident.discoveredAt, input.timeZone);
    const closedAt = incident.timeline.closed?.status === 'done' ? incident.timeline.closed.at : undefined;
    return compareIsoDate(discovered, input.period.to) <= 0 && (closedAt === undefined || compareIsoDate(zonedDateOf(closedAt, input.timeZone), input.period.from) >= 0);
  });
  const files: SectionFile[] = [];
  const now = context.clock();
  for (const { id } of relevant.sort((a, b) => a.discoveredAt.localeCompare(b.discoveredAt) || a.id.localeCompare(b.id))) {
    const loaded = await loadIncident(context.table, id);
    if (!loaded) continue;
    const source = `incident:${id}`;
    files.push(jsonFile(archivePath('incidents', id, '事故紀錄.json'), toIncidentView(loaded.stored, loaded.actions, loaded.notices, loaded.incident, now), source));
    const form = await regulatorFormFor(context, loaded);
    files.push({ path: archivePath('incidents', id, '個人資料侵害事故通報與紀錄表.docx'), mediaType: DOCX_TYPE, bytes: await renderRegulatorNotificationDocx(form, 'zh-TW'), source });
    files.push(jsonFile(archivePath('incidents', id, '通知紀錄.json'), { notices: loaded.notices.map(toNoticeView) }, source));
  }
  const notes = files.length === 0 ? [{ zhTW: '期間內無個資事故。', en: 'No incident in the period.' }] : [];
  return output(files, notes);
}

// Data-subject requests ---------------------------------------------------------------------------

/** Counts only (by right, status, on time); no requester, no identifier. */
export async function requestFiguresSection(input: SectionInput): Promise<SectionOutput> {
  const receivedFrom = zonedInstant(input.period.from, '00:00', input.timeZone);
  const receivedTo = zonedEndOfDay(input.period.to, input.timeZone);
  const items = (await queryAll(input.context.table, dataSubjectRequestAccess.register({ receivedFrom }), { max: REGISTER_MAX_ITEMS })).items;
  const requests = items.map((item) => fromRequestItem(item).request).filter((request) => request.receivedAt <= receivedTo);
  const figures = requestFiguresOfPeriod(requests, input.period, input.timeZone);
  return output([jsonFile(archivePath('dataSubjectRequests', '當事人請求統計.json'), figures, `dataSubjectRequests:${figures.requestsReceived}`)]);
}

// Audit trail -------------------------------------------------------------------------------------

export async function auditChainSection(input: SectionInput): Promise<SectionOutput & { result: AuditChainResult }> {
  const verification = await verifyStoredChain(input.context.table);
  const result: AuditChainResult = verification.valid
    ? { valid: true, eventsChecked: verification.eventsChecked, lastSequence: verification.lastSequence, lastHash: verification.lastHash }
    : { valid: false, eventsChecked: verification.eventsChecked, brokenAtSequence: verification.brokenAtSequence, reason: verification.reason };
  return { ...output([jsonFile(archivePath('auditChain', '稽核軌跡驗證結果.json'), { verifiedAt: input.context.clock().toISOString(), ...verification }, 'auditChain')]), result };
}

export type CollectedStep = Exclude<InspectionPackStep, 'archive' | 'evidence'>;
