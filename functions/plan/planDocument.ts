/**
 * GET …/document: a version rendered as Markdown, HTML or Word. An approved (or superseded)
 * version shows the inventory, risk and vendor tables frozen at its approval; `tables=currentDraft`
 * (and any draft) shows today's live tables instead. Deterministic: the same version and tables
 * give the same bytes.
 */
import { documentTablesOf, renderPlanDocx, renderPlanHtml, renderPlanMarkdown, type PlanTableView } from '../../domain/plan';
import type { TenantCommandContext } from '../application/commandContext';
import { documentFileNames, documentMediaTypes, type DocumentFormat } from './planModel';
import { loadFrozenTables, requireVersion, toDomainVersion } from './planStore';
import { loadPlanTables } from './planTables';

export interface RenderedPlanDocument {
  body: string | Uint8Array<ArrayBuffer>;
  headers: { 'Content-Type': string; 'Content-Disposition': string };
}

export async function renderPlanDocument(context: TenantCommandContext, versionNumber: number, format: DocumentFormat, view: PlanTableView = 'asApproved'): Promise<RenderedPlanDocument> {
  const stored = await requireVersion(context.table, versionNumber);
  const version = toDomainVersion(stored);
  const approvedOnce = version.status === 'approved' || version.status === 'superseded';
  const frozen = approvedOnce && view === 'asApproved' ? await loadFrozenTables(context.table, versionNumber) : undefined;
  // Live tables are read only when they are shown.
  const live = frozen ? {} : (await loadPlanTables(context.table)).rows;
  const { rows, tables } = documentTablesOf(version, frozen, live, view);
  const options = { timeZone: context.profile.timeZone, tables };
  const names = documentFileNames(stored.versionNumber, stored.versionDate, format);
  // Word files download; Markdown and HTML open in the browser.
  const disposition = `${format === 'docx' ? 'attachment' : 'inline'}; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.utf8)}`;
  const headers = { 'Content-Type': documentMediaTypes[format].contentType, 'Content-Disposition': disposition };
  if (format === 'docx') return { body: new Uint8Array(await renderPlanDocx(version, rows, options)), headers };
  return { body: format === 'html' ? renderPlanHtml(version, rows, options) : renderPlanMarkdown(version, rows, options), headers };
}
