/**
 * Clocks, drills, corrective actions and the .docx form at their edges (mutation testing,
 * issue #15).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, notificationReminders, notInFuture, pendingReminders, reportHoursOf } from '../../../domain/incident/clocks';
import { addCorrectiveAction, transitionIncidentAction } from '../../../domain/incident/correctiveActions';
import { drillMayBeRecorded, drillStatus } from '../../../domain/incident/drills';
import { incidentInputSchema, type Incident } from '../../../domain/incident/incident';
import { buildRegulatorNotification, type Authority, type ReportingOrganisation } from '../../../domain/incident/regulatorForm';
import { pinZipTimestamps, renderRegulatorNotificationDocx } from '../../../domain/incident/regulatorFormDocx';
import { facts, incident } from './fixtures';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('clocks', () => {
  it('reads the report hours of a stored regime, else the legacy 72, also for a regime without a report', () => {
    const base = incident();
    expect(reportHoursOf(base.discoveredAt)).toBe(72);
    expect(reportHoursOf({ discoveredAt: base.discoveredAt, regime: null })).toBe(72);
    expect(reportHoursOf({ discoveredAt: base.discoveredAt, regime: { report: null } as never })).toBe(72);
    expect(reportHoursOf({ discoveredAt: base.discoveredAt, regime: { report: { hours: 48 } } as never })).toBe(48);
  });

  it('orders reminders at the same moment as discovered, advised, 24 h, 6 h, deadline', () => {
    // A regime of 6 hours puts "6 h left" on the discovery, and 24 h left before it.
    const six = { discoveredAt: '2025-03-01T00:00:00Z', mediaReported: false, regime: { report: { hours: 6 } } as never };
    expect(notificationReminders(six).map((r) => [r.at, r.kind])).toEqual([
      ['2025-02-28T06:00:00.000Z', '24hLeft'],
      ['2025-03-01T00:00:00.000Z', 'discovered'],
      ['2025-03-01T00:00:00.000Z', '6hLeft'],
      ['2025-03-01T06:00:00.000Z', 'deadline'],
    ]);
    // Media advice capped at a 24-hour deadline coincides with it and comes first.
    const day = { discoveredAt: '2025-03-01T00:00:00Z', mediaReported: true, regime: { report: { hours: 24 } } as never };
    expect(notificationReminders(day).map((r) => [r.at, r.kind])).toEqual([
      ['2025-03-01T00:00:00.000Z', 'discovered'],
      ['2025-03-01T00:00:00.000Z', '24hLeft'],
      ['2025-03-01T18:00:00.000Z', '6hLeft'],
      ['2025-03-02T00:00:00.000Z', 'advisedDeadline'],
      ['2025-03-02T00:00:00.000Z', 'deadline'],
    ]);
  });

  it('sends nothing more once the incident is closed', () => {
    const closed: Incident = { ...incident({ discoveredAt: '2025-03-01T00:00:00Z', occurredAt: undefined }), status: 'closed' };
    expect(pendingReminders(closed, '2025-03-01T00:00:00Z')).toEqual([]);
    expect(pendingReminders({ ...closed, status: 'open' }, '2025-03-01T00:00:00Z')).toHaveLength(4);
  });

  it('tolerates five minutes of clock skew, not a millisecond more', () => {
    const now = new Date('2025-03-01T00:00:00Z');
    expect(CLOCK_SKEW_MS).toBe(300_000);
    expect(notInFuture('2025-03-01T00:05:00.000Z', now, 'at')).toEqual({ ok: true, value: '2025-03-01T00:05:00.000Z' });
    expect(notInFuture('2025-02-28T23:00:00.000Z', now, 'at').ok).toBe(true);
    expect(notInFuture('2025-03-01T00:05:00.001Z', now, 'sentAt')).toEqual({
      ok: false,
      error: { kind: 'invalid', code: 'IN_THE_FUTURE', message: { zhTW: '時間不得晚於現在', en: 'The time cannot be in the future' }, field: 'sentAt' },
    });
  });
});

describe('drills', () => {
  it('takes the latest drill held up to the day asked, that day included, in any order', () => {
    expect(drillStatus([{ date: '2024-06-01' }, { date: '2023-05-01' }, { date: '2024-01-10' }], '2025-01-01', '2023-01-01').lastDrillDate).toBe('2024-06-01');
    expect(drillStatus([{ date: '2024-06-01' }], '2024-06-01', '2023-01-01')).toMatchObject({ lastDrillDate: '2024-06-01', nextDue: '2025-06-01' });
  });

  it('refuses a drill dated after today, not one held today', () => {
    const drill = { date: '2025-03-02', scenario: '異常存取', participants: ['DPO'], findings: [], evidenceRefs: [] };
    expect(drillMayBeRecorded(drill, '2025-03-02')).toEqual({ ok: true, value: drill });
    expect(drillMayBeRecorded(drill, '2025-03-01')).toEqual({
      ok: false,
      error: { kind: 'invalid', code: 'DRILL_IN_FUTURE', message: { zhTW: '演練日期不得晚於今天', en: 'The drill date cannot be after today' }, field: 'date' },
    });
  });
});

describe('incident corrective actions', () => {
  const action = { kind: 'corrective' as const, title: '修補弱點', description: '', owner: 'IT', dueDate: '2025-03-31' };
  const withTwo = () => {
    let x = unwrap(addCorrectiveAction(incident(), action, 'a1', '2025-03-02T00:00:00Z', 'DPO'));
    x = unwrap(addCorrectiveAction(x, { ...action, title: '教育訓練' }, 'a2', '2025-03-02T00:00:00Z', 'DPO'));
    return x;
  };

  it('cannot be added to a closed incident', () => {
    expect(addCorrectiveAction({ ...incident(), status: 'closed' }, action, 'a1', '2025-03-02T00:00:00Z', 'DPO')).toEqual({
      ok: false,
      error: { kind: 'conflict', code: 'INCIDENT_CLOSED', message: { zhTW: '事故已結案', en: 'The incident is closed' } },
    });
  });

  it('moves only the action named, and refuses an unknown one or a refused move', () => {
    const moved = unwrap(transitionIncidentAction(withTwo(), 'a2', { to: 'inProgress', at: '2025-03-03T00:00:00Z', by: 'IT' }));
    expect(moved.correctiveActions.map((a) => [a.id, a.status])).toEqual([['a1', 'open'], ['a2', 'inProgress']]);
    expect(transitionIncidentAction(withTwo(), 'a9', { to: 'inProgress', at: '2025-03-03T00:00:00Z', by: 'IT' })).toEqual({
      ok: false,
      error: { kind: 'invalid', code: 'ACTION_UNKNOWN', message: { zhTW: '無此矯正預防措施', en: 'No such corrective action' } },
    });
    expect(transitionIncidentAction(withTwo(), 'a2', { to: 'verified', at: '2025-03-03T00:00:00Z', by: 'QA' })).toMatchObject({ ok: false, error: { code: 'ACTION_TRANSITION_REFUSED' } });
    const closed: Incident = { ...withTwo(), status: 'closed' };
    expect(transitionIncidentAction(closed, 'a2', { to: 'inProgress', at: '2025-03-03T00:00:00Z', by: 'IT' })).toMatchObject({ ok: false, error: { code: 'INCIDENT_CLOSED' } });
  });
});

describe('incident facts', () => {
  it('needs a description of "other" that is more than blanks', () => {
    expect(incidentInputSchema.safeParse({ ...facts(), kinds: ['other'], otherKindDescription: '   ' }).success).toBe(false);
  });
});

describe('the .docx form', () => {
  const authority: Authority = { code: 'MODA', nameZh: '數位發展部', nameEn: 'Ministry of Digital Affairs', phone: '02', email: 'r@moda.example', formName: '附表二' };
  const organisation: ReportingOrganisation = { name: 'OO資訊', reporter: { name: '陳大文', title: '專員', phone: '02-1234', email: 'dpo@oo.example', address: '臺北市' } };

  it('stamps the notification time and title into its properties, and prints caption, groups, rows and signature', async () => {
    const form = buildRegulatorNotification(incident({ plannedMeasures: ['修補弱點', '重設密碼'] }), organisation, authority, '2025-03-02T09:00:00.123+08:00', { regulation: 'K0010162' });
    const files = unzipSync(await renderRegulatorNotificationDocx(form));
    expect(strFromU8(files['docProps/core.xml']!)).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<dc:title>業者個人資料外洩通報表</dc:title>' +
        '<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-02T01:00:00Z</dcterms:created>' +
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-02T01:00:00Z</dcterms:modified>' +
        '</cp:coreProperties>',
    );
    const document = strFromU8(files['word/document.xml']!);
    const texts = [...document.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts.slice(0, 4)).toEqual(['附表二', '業者個人資料外洩通報表', '通報機關及時間', '非公務機關名稱']);
    expect(texts.at(-1)).toBe('通報人簽章：＿＿＿＿＿＿＿＿＿＿　　單位（公司）印信：＿＿＿＿＿＿＿＿　　日期：民國＿＿年＿＿月＿＿日');
    // Each group heading spans both columns on a grey fill; a value's lines are separate runs joined by breaks.
    // Group headings and row labels are bold: 4 + 23 runs.
    expect(document.match(/<w:b\/>/g)).toHaveLength(27);
    expect(document.match(/<w:gridSpan w:val="2"\/>/g)).toHaveLength(4);
    expect(document.match(/w:fill="E7E6E6"/g)).toHaveLength(4);
    expect(document).toMatch(/<w:t xml:space="preserve">修補弱點<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">重設密碼<\/w:t>/);
    expect(document.match(/<w:br\/>/g)).toHaveLength(2);
    expect(document).toContain('w:orient="portrait"');
  });

  it('prints the English form without a caption paragraph for a generic table', async () => {
    const form = buildRegulatorNotification(incident(), organisation, authority, '2025-03-02T09:00:00+08:00');
    const document = strFromU8(unzipSync(await renderRegulatorNotificationDocx(form, 'en'))['word/document.xml']!);
    const texts = [...document.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts[0]).toBe(form.formTitle.en);
    expect(texts.at(-1)).toBe('Reporter&apos;s signature or seal: ____________________    Date: ____________');
  });
});

/** A stored zip of the given entries, with an extra field and a comment on each central record. */
function storedZip(names: string[]): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (target: number[], v: number) => target.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (target: number[], v: number) => target.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
  for (const name of names) {
    const offset = parts.length;
    const bytes = [...Buffer.from(name)];
    u32(parts, 0x04034b50); u16(parts, 20); u16(parts, 0); u16(parts, 0); u16(parts, 0x1234); u16(parts, 0x5678);
    u32(parts, 0); u32(parts, 0); u32(parts, 0); u16(parts, bytes.length); u16(parts, 0); parts.push(...bytes);
    u32(central, 0x02014b50); u16(central, 20); u16(central, 20); u16(central, 0); u16(central, 0); u16(central, 0x1234); u16(central, 0x5678);
    u32(central, 0); u32(central, 0); u32(central, 0); u16(central, bytes.length); u16(central, 4); u16(central, 3);
    u16(central, 0); u16(central, 0); u32(central, 0); u32(central, offset);
    central.push(...bytes, 0xca, 0xfe, 0, 0, 0x61, 0x62, 0x63);
  }
  const eocd: number[] = [];
  u32(eocd, 0x06054b50); u16(eocd, 0); u16(eocd, 0); u16(eocd, names.length); u16(eocd, names.length); u32(eocd, central.length); u32(eocd, parts.length); u16(eocd, 0);
  return new Uint8Array([...parts, ...central, ...eocd]);
}

describe('pinZipTimestamps', () => {
  it('pins every entry, local and central, past extra fields and comments', () => {
    const zip = storedZip(['a.xml', 'word/b.xml', 'c']);
    const pinned = pinZipTimestamps(zip);
    const view = new DataView(pinned.buffer);
    const eocd = pinned.length - 22;
    let offset = view.getUint32(eocd + 16, true);
    for (let n = 0; n < 3; n++) {
      expect([view.getUint16(offset + 12, true), view.getUint16(offset + 14, true)]).toEqual([0, 0x21]);
      const local = view.getUint32(offset + 42, true);
      expect([view.getUint16(local + 10, true), view.getUint16(local + 12, true)]).toEqual([0, 0x21]);
      offset += 46 + view.getUint16(offset + 28, true) + 4 + 3;
    }
    // The input is left as it was.
    expect(new DataView(zip.buffer).getUint16(10, true)).toBe(0x1234);
  });

  it('reads an empty archive whose end record starts the file', () => {
    const empty = storedZip([]);
    expect(empty).toHaveLength(22);
    expect(pinZipTimestamps(empty)).toEqual(empty);
  });

  it('names a corrupt central directory or local header', () => {
    const zip = storedZip(['a.xml']);
    const badCentral = new Uint8Array(zip);
    badCentral[zip.length - 22 - 46 - 5 - 7] = 0;
    expect(() => pinZipTimestamps(badCentral)).toThrow('Corrupt zip central directory');
    const badLocal = new Uint8Array(zip);
    badLocal[0] = 0;
    expect(() => pinZipTimestamps(badLocal)).toThrow('Corrupt zip local header');
  });
});
