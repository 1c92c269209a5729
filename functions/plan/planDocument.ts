/**
 * GET …/document: a version rendered as Markdown, HTML or Word with today's tables from the
 * inventory, risk and vendor areas. Deterministic: the same version and tables give the same bytes.
 */
import { renderPlanDocx, renderPlanHtml, renderPlanMarkdown } from '../../domain/plan';
import type { TenantCommandContext } from '../application/commandContext';
import { documentFileNames, documentMediaTypes, type DocumentFormat } from './planModel';
import { requireVersion, toDomainVersion } from './planStore';
import { loadPlanTables } from './planTables';

export interface RenderedPlanDocument {
  body: string | Uint8Array<ArrayBuffer>;
  headers: { 'Content-Type': string; 'Content-Disposition': string };
}

export async function renderPlanDocument(context: TenantCommandContext, versionNumber: number, format: DocumentFormat): Promise<RenderedPlanDocument> {
  const stored = await requireVersion(context.table, versionNumber);
  const version = toDomainVersion(stored);
  const { rows } = await loadPlanTables(context.table);
  const options = { timeZone: context.profile.timeZone };
  const names = documentFileNames(stored.versionNumber, stored.versionDate, format);
  // Word files download; Markdown and HTML open in the browser.
  const disposition = `${format === 'docx' ? 'attachment' : 'inline'}; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.utf8)}`;
  const headers = { 'Content-Type': documentMediaTypes[format].contentType, 'Content-Disposition': disposition };
  if (format === 'docx') return { body: new Uint8Array(await renderPlanDocx(version, rows, options)), headers };
  return { body: format === 'html' ? renderPlanHtml(version, rows, options) : renderPlanMarkdown(version, rows, options), headers };
}
