/**
 * The regulator form as a .docx, built in memory. docx stamps the current time into
 * docProps/core.xml and into every zip entry; both are pinned (core.xml to the notification
 * time, zip entries to 1980-01-01) so the same form always gives the same bytes.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { pageNumberFooter, pageSetup, taiwanDocumentStyles, taiwanFontTableOverride } from '../plan/render/taiwanDocx';
import { escapeHtml, regulatorFormGroups, regulatorFormHeading, signatureLine, type RegulatorFormLocale, type RegulatorNotificationForm } from './regulatorForm';

function coreXml(title: string, at: string): string {
  const stamp = `${at.slice(0, 19)}Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeHtml(title)}</dc:title>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Overwrites the DOS time/date of every entry (local headers and central directory) with
 * 1980-01-01 00:00. Timestamps are outside the CRC, so the archive stays valid.
 */
export function pinZipTimestamps(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const DOS_TIME = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('Not a zip archive');
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new Error('Corrupt zip central directory');
    view.setUint16(offset + 12, DOS_TIME, true);
    view.setUint16(offset + 14, DOS_DATE, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('Corrupt zip local header');
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return out;
}

function lines(value: string): TextRun[] {
  return value.split('\n').map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1 }));
}

const cell = (children: Paragraph[], widthPercent: number, options: { columnSpan?: number; shaded?: boolean } = {}) =>
  new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
    children,
  });

/**
 * The form as Word expects to print it for the authority: the sector table's caption and title,
 * its row groups, the signature and seal line, page numbers, 標楷體 and w:lang zh-TW (the en
 * version is labelled in English only).
 */
export async function renderRegulatorNotificationDocx(form: RegulatorNotificationForm, locale: RegulatorFormLocale = 'zh-TW'): Promise<Uint8Array> {
  const heading = regulatorFormHeading(form, locale);
  const rows = regulatorFormGroups(form, locale).flatMap((group) => [
    new TableRow({ children: [cell([new Paragraph({ children: [new TextRun({ text: group.title, bold: true })] })], 100, { columnSpan: 2, shaded: true })] }),
    ...group.rows.map(
      (r) =>
        new TableRow({
          children: [cell([new Paragraph({ children: [new TextRun({ text: r.label, bold: true })] })], 32), cell([new Paragraph({ children: lines(r.value) })], 68)],
        }),
    ),
  ]);
  const doc = new Document({
    title: heading.title,
    creator: form.organisation,
    styles: taiwanDocumentStyles(locale),
    sections: [
      {
        properties: pageSetup('portrait'),
        footers: { default: pageNumberFooter(locale) },
        children: [
          ...(heading.caption ? [new Paragraph({ children: [new TextRun(heading.caption)] })] : []),
          new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun(heading.title)] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
          new Paragraph({}),
          new Paragraph({ children: [new TextRun(signatureLine(locale))] }),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(heading.title, form.notifiedAt) }, taiwanFontTableOverride()]);
  return pinZipTimestamps(new Uint8Array(buffer));
}
