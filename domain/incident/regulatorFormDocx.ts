/**
 * The regulator form as a .docx, built in memory. docx stamps the current time into
 * docProps/core.xml and into every zip entry; both are pinned (core.xml to the notification
 * time, zip entries to 1980-01-01) so the same form always gives the same bytes.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel, WidthType } from 'docx';
import { escapeHtml, regulatorFormRows, type RegulatorNotificationForm } from './regulatorForm';

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

const TITLE_ZH = '個人資料侵害事故通報與紀錄表';
const TITLE_EN = 'Personal Data Breach Notification and Record';

function lines(value: string): TextRun[] {
  return value.split('\n').map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1 }));
}

export async function renderRegulatorNotificationDocx(form: RegulatorNotificationForm): Promise<Uint8Array> {
  const rows = regulatorFormRows(form).map(
    (r) =>
      new TableRow({
        children: [
          new TableCell({
            width: { size: 35, type: WidthType.PERCENTAGE },
            children: [new Paragraph({ children: [new TextRun({ text: r.label.zhTW, bold: true }), new TextRun({ text: r.label.en, break: 1 })] })],
          }),
          new TableCell({ width: { size: 65, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: lines(r.value) })] }),
        ],
      }),
  );
  const doc = new Document({
    title: `${TITLE_ZH} ${TITLE_EN}`,
    creator: form.organisation,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(TITLE_ZH)] }),
          new Paragraph({ children: [new TextRun(TITLE_EN)] }),
          new Paragraph({ children: [new TextRun(form.formName)] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(`${TITLE_ZH} ${TITLE_EN}`, form.notifiedAt) }]);
  return pinZipTimestamps(new Uint8Array(buffer));
}
