/**
 * .docx writer over the plan document model, using the `docx` library. Output is
 * byte-for-byte deterministic for the same version: docx stamps core properties with the
 * current time and the zip entries with the current local time, so the core properties are
 * replaced with dates taken from the version and the zip timestamps are rewritten after packing.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { parseIsoDate, zonedInstant, type IsoDate } from '../../shared/isoDate';
import type { PlanVersion } from '../planVersion';
import { buildPlanDocument, type DocBlock, type RenderOptions } from './planDocument';
import type { PlanTableRows } from './rows';
import { pageNumberFooter, pageSetup, taiwanDocumentStyles, taiwanFontTableOverride, textHeader, type PageLayout } from './taiwanDocx';

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function textParagraph(text: string, options: { bold?: boolean } = {}): Paragraph {
  const runs = text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, bold: options.bold, ...(i > 0 ? { break: 1 } : {}) }));
  return new Paragraph({ children: runs });
}

function cellOf(text: string, bold = false): TableCell {
  return new TableCell({ children: [textParagraph(text, { bold })] });
}

function toDocx(block: DocBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(block.text)] })];
    case 'heading':
      return [new Paragraph({ heading: headingLevels[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [textParagraph(block.text)];
    case 'list':
      // Plain indented paragraphs: docx numbering keeps module-level counters across documents.
      return block.items.map((item) => new Paragraph({ indent: { left: 360 }, children: [new TextRun(item)] }));
    case 'checklist':
      return block.items.map((item) => new Paragraph({ indent: { left: 360 }, children: [new TextRun(`${item.checked ? '■' : '□'} ${item.text}`)] }));
    case 'table': {
      const header = new TableRow({ tableHeader: true, children: block.headers.map((h) => cellOf(h, true)) });
      const rows = block.rows.length
        ? block.rows.map((r) => new TableRow({ children: r.map((c) => cellOf(c)) }))
        : [new TableRow({ children: block.headers.map((_, i) => cellOf(i === 0 ? '（無資料）' : '')) })];
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders, rows: [header, ...rows] }), new Paragraph({})];
    }
  }
}

const xmlEscape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const w3c = (instant: string) => new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');

function corePropertiesXml(input: { title: string; subject: string; creator: string; revision: number; created: string; modified: string }): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(input.title)}</dc:title>` +
    `<dc:subject>${xmlEscape(input.subject)}</dc:subject>` +
    `<dc:creator>${xmlEscape(input.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlEscape(input.creator)}</cp:lastModifiedBy>` +
    `<cp:revision>${input.revision}</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3c(input.created)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3c(input.modified)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Sets every entry's DOS modification time in a zip (local headers and central directory) to
 * midnight of `date`, so the archive does not depend on when or where it was packed.
 */
export function normaliseZipTimestamps(zip: Uint8Array, date: IsoDate): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { year, month, day } = parseIsoDate(date < '1980-01-01' ? '1980-01-01' : date);
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  const dosTime = 0;
  // The end-of-central-directory record is the last 22 bytes when there is no comment.
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new RangeError('Not a zip archive');
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new RangeError('Corrupt central directory');
    view.setUint16(offset + 12, dosTime, true);
    view.setUint16(offset + 14, dosDate, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new RangeError('Corrupt local header');
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return out;
}

/**
 * Splits the blocks into Word sections: portrait by default, and a landscape section for each
 * run of wide tables (the §3 inventory and §4 risk tables have 8–10 columns).
 */
export function pageSections(blocks: readonly DocBlock[]): { layout: PageLayout; blocks: DocBlock[] }[] {
  const sections: { layout: PageLayout; blocks: DocBlock[] }[] = [];
  for (const block of blocks) {
    const layout: PageLayout = block.kind === 'table' && block.wide ? 'landscape' : 'portrait';
    const last = sections[sections.length - 1];
    if (last && last.layout === layout) last.blocks.push(block);
    else sections.push({ layout, blocks: [block] });
  }
  return sections;
}

export async function renderPlanDocx(version: PlanVersion, rows: PlanTableRows = {}, options: RenderOptions = {}): Promise<Buffer> {
  const timeZone = options.timeZone ?? 'Asia/Taipei';
  const model = buildPlanDocument(version, rows, options);
  const creator = version.content.organisationName ?? '';
  const header = () => textHeader(creator, model.versionLabel);
  const document = new Document({
    creator,
    title: model.title,
    subject: model.versionLabel,
    styles: taiwanDocumentStyles('zh-TW'),
    sections: pageSections(model.blocks).map((section) => ({
      properties: pageSetup(section.layout),
      headers: { default: header() },
      footers: { default: pageNumberFooter('zh-TW') },
      children: section.blocks.flatMap(toDocx),
    })),
  });
  const created = zonedInstant(version.versionDate, '00:00', timeZone);
  const modified = version.approval?.approvedAt ?? version.updatedAt;
  const core = corePropertiesXml({ title: model.title, subject: model.versionLabel, creator, revision: version.versionNumber, created, modified });
  const packed = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: core }, taiwanFontTableOverride()]);
  return Buffer.from(normaliseZipTimestamps(packed, version.versionDate));
}
