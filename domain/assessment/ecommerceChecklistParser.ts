/**
 * Reads the three checklists of the e-commerce transaction security standard (seed 003) from
 * its PDF text extraction, where every table cell is its own line and page breaks repeat the
 * table header. Pure: text in, catalogs out. The checklist (規範查檢表) gives the tree, the
 * questions, the ◎ / II columns and the suggested evidence (實作紀錄); the requirements table
 * (要求項目表) gives each requirement's class and the standard it rests on. Nothing is filled in:
 * what the extraction lost is reported as an anomaly, not guessed.
 */
import { fail, ok, type Outcome } from '../shared/outcome';
import type {
  ApplicableClass,
  ChecklistCatalog,
  CheckItem,
  EcommerceChecklistKind,
  EvidenceSuggestion,
  ManagementItem,
  Requirement,
  StrategicGoal,
} from './catalog';

export interface ParseAnomaly {
  catalogId: EcommerceChecklistKind;
  /** 1-based line in the source text. */
  line: number;
  kind: 'noClassColumn' | 'orphanCheckItem' | 'requirementNotInTable' | 'duplicateNumber' | 'outOfSequence' | 'repairedNumber';
  number: string;
  detail: string;
}

export interface ParsedEcommerceChecklists {
  catalogs: ChecklistCatalog[];
  anomalies: ParseAnomaly[];
}

export type ChecklistParseCode = 'CHECKLIST_SECTIONS_NOT_FOUND';

const PARTS: { kind: EcommerceChecklistKind; tableTitle: RegExp; title: { zhTW: string; en: string } }[] = [
  {
    kind: 'ecommercePlatform',
    tableTitle: /^表\s*\d+\s+網路平台交易安全規範要求項目表\s*$/,
    title: { zhTW: '電子商務交易安全規範-網路平台 查檢表', en: 'E-commerce transaction security standard: online platform checklist' },
  },
  {
    kind: 'ecommerceSupplier',
    tableTitle: /^表\s*\d+\s+供應商交易安全規範要求項目表\s*$/,
    title: { zhTW: '電子商務交易安全規範-供應商 查檢表', en: 'E-commerce transaction security standard: supplier checklist' },
  },
  {
    kind: 'ecommerceLogistics',
    tableTitle: /^表\s*\d+\s+物流商交易安全規範要求項目表\s*$/,
    title: { zhTW: '電子商務交易安全規範-物流商 查檢表', en: 'E-commerce transaction security standard: logistics provider checklist' },
  },
];

const CHECKLIST_TITLE = /^表\s*\d+\s+規範查檢表\s*$/;
const CHECKLIST_END = /^(陸、\s*附錄|一、\s*參考文件索引表)\s*$/;

/** Page furniture: footer, page number, repeated table headers. */
const FURNITURE = [
  /^本文件著作權屬經濟部所有/,
  /^\d{1,3}$/,
  /^編號\s+(實作|要求之)查檢項目/,
  /^類$/,
  /^別$/,
  /^進階$/,
  /^指引$/,
  /^適用情形\s+實作紀錄$/,
  /^管理項目\s+要求項目\s+類別$/,
  /^依據之法$/,
  /^規或標準$/,
  /^資料來源：/,
];

interface Line {
  no: number;
  raw: string;
  text: string;
  /** First text line of a new page (the extraction indents it, or it follows a repeated table header). */
  pageStart?: boolean;
}

const isFurniture = (text: string) => FURNITURE.some((re) => re.test(text));

const GOAL = /^(\d+)\.\s*(\S.*)$/;
const MANAGEMENT_ITEM = /^(\d+)\.(\d+)\s+(\S.*)$/;
const REQUIREMENT = /^(\d+)\.(\d+)\.(\d+)\s+(\S.*)$/;
const CHECK_ITEM = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\s+(.*))?$/;
/** The 類別 / 進階指引 cells of a check item: II, ◎, both, or both empty (a whitespace-only line). */
const MARKERS = /^(II)?\s*(◎)?$/;
const TRAILING_MARKERS = /\s+(II\s*◎|II|◎)\s*$/;
/** 適用情形 (□ 適用 / □ 不適用 / 說明：), or in a few rows the older 檢核結果 (□ 符合 / □ 不符合). */
const APPLICABLE_BOX = /^□\s*(適用|符合)$/;
const SITUATION_CELL = /^(□\s*(適用|不適用|符合|不符合)|說明：)$/;

/** Joins wrapped lines: Chinese wraps join directly, Latin words keep one space. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const part of parts.map((p) => p.trim()).filter((p) => p.length > 0)) {
    out += out && /[A-Za-z0-9,.;:)]$/.test(out) && /^[A-Za-z0-9(]/.test(part) ? ` ${part}` : part;
  }
  return out;
}

export function parseEcommerceChecklist(source: string): Outcome<ParsedEcommerceChecklists, ChecklistParseCode> {
  const lines: Line[] = source.split(/\r?\n/).map((raw, i) => ({ no: i + 1, raw, text: raw.replace(/\u3000/g, ' ').trim() }));
  const tableStarts = PARTS.map((part) => lines.findIndex((l) => part.tableTitle.test(l.text)));
  if (tableStarts.some((i) => i < 0)) {
    return fail('invalid', 'CHECKLIST_SECTIONS_NOT_FOUND', {
      zhTW: '找不到三份規範之要求項目表。',
      en: 'The requirements tables of the three parts were not found.',
    });
  }
  const catalogs: ChecklistCatalog[] = [];
  const anomalies: ParseAnomaly[] = [];
  for (const [index, part] of PARTS.entries()) {
    const tableStart = tableStarts[index]!;
    const checklistStart = lines.findIndex((l, i) => i > tableStart && CHECKLIST_TITLE.test(l.text));
    const checklistEnd = lines.findIndex((l, i) => i > checklistStart && CHECKLIST_END.test(l.text));
    if (checklistStart < 0 || checklistEnd < 0) {
      return fail('invalid', 'CHECKLIST_SECTIONS_NOT_FOUND', {
        zhTW: `找不到「${part.title.zhTW}」之規範查檢表。`,
        en: `The checklist of "${part.title.en}" was not found.`,
      });
    }
    const table = parseRequirementTable(lines.slice(tableStart + 1, checklistStart));
    const { goals, anomalies: found } = parseChecklistTable(part.kind, lines.slice(checklistStart + 1, checklistEnd), table);
    anomalies.push(...found);
    catalogs.push({ catalogId: part.kind, title: part.title, source: 'seed 003 (電子商務交易安全規範)', regulation: null, goals });
  }
  return ok({ catalogs, anomalies });
}

interface TableEntry {
  applicableClass: ApplicableClass;
  basis: string | null;
}

/**
 * 要求項目表: per requirement number, its 類別 and 依據之法規或標準. The class cell is 皆適用 or II;
 * in the supplier table a blank cell means both classes (its summary counts only II as class-II-only).
 */
export function parseRequirementTable(lines: readonly Line[]): Map<string, TableEntry> {
  const entries = new Map<string, TableEntry>();
  let current: { number: string; lines: string[] } | undefined;
  const close = () => {
    if (!current) return;
    entries.set(current.number, readTableEntry(current.lines));
    current = undefined;
  };
  for (const line of lines) {
    if (isFurniture(line.text)) continue;
    // A wrapped 管理項目 cell can share the line with the requirement (e.g. "管理 2.1.3 …").
    const req = REQUIREMENT.exec(line.text.replace(/^[^\s\d]{1,6}\s+(?=\d+\.\d+\.\d+\s)/, ''));
    if (req) {
      close();
      current = { number: `${req[1]}.${req[2]}.${req[3]}`, lines: [req[4]!] };
      continue;
    }
    if (/^策略目標：/.test(line.text) || MANAGEMENT_ITEM.test(line.text) || /^[伍陸]、/.test(line.text)) {
      close();
      continue;
    }
    if (current && line.text.length > 0) current.lines.push(line.text);
  }
  close();
  return entries;
}

const BASIS_PART = /ISO\s*\d+(?::\d+)?|CNS\s*\d+(?::\d+)?|「[^」]*」|個資法|PCI\s*DSS|OWASP/g;

function readTableEntry(texts: readonly string[]): TableEntry {
  const classAt = texts.findIndex((t) => /(^|\s)(皆適用|II)(\s|$)/.test(t));
  let applicableClass: ApplicableClass = 'all';
  let after: string[];
  if (classAt >= 0) {
    const m = /(^|\s)(皆適用|II)(\s|$)(.*)$/.exec(texts[classAt]!)!;
    applicableClass = m[2] === 'II' ? 'II' : 'all';
    after = [m[4] ?? '', ...texts.slice(classAt + 1)];
  } else {
    // Blank class cell: the basis is whatever standard names the cell holds.
    after = [...texts];
  }
  const joined = after.join(' ').replace(/\s+/g, (s, offset: number, all: string) =>
    /[A-Za-z0-9]/.test(all[offset - 1] ?? '') && /[A-Za-z0-9]/.test(all[offset + s.length] ?? '') ? ' ' : '',
  );
  const parts = joined.match(BASIS_PART) ?? [];
  return { applicableClass, basis: parts.length > 0 ? [...new Set(parts.map((p) => p.replace(/\s+/g, ' ')))].join('、') : null };
}

/**
 * A check-item number that lost a dot in the extraction ("2.3.24" for 2.3.2.4): accepted only
 * alone on its line, under requirement 2.3.2, right after 2.3.2.3.
 */
function repairedCheckNumber(line: Line, requirement: Requirement | undefined, anomalies: ParseAnomaly[], kind: EcommerceChecklistKind): RegExpExecArray | null {
  const m = /^(\d+)\.(\d+)\.(\d)(\d+)$/.exec(line.text);
  if (!m || !requirement || requirement.number !== `${m[1]}.${m[2]}.${m[3]}`) return null;
  const expected = `${requirement.number}.${requirement.checkItems.length + 1}`;
  const last = requirement.checkItems[requirement.checkItems.length - 1]?.number;
  if (`${requirement.number}.${m[4]}` !== expected || (requirement.checkItems.length > 0 && last !== `${requirement.number}.${Number(m[4]) - 1}`)) return null;
  anomalies.push({ catalogId: kind, line: line.no, kind: 'repairedNumber', number: expected, detail: `printed as ${line.text}` });
  return CHECK_ITEM.exec(expected);
}

type Cursor = { goal?: StrategicGoal; item?: ManagementItem; requirement?: Requirement & { textLines?: string[] } };

function parseChecklistTable(
  kind: EcommerceChecklistKind,
  lines: readonly Line[],
  table: Map<string, TableEntry>,
): { goals: StrategicGoal[]; anomalies: ParseAnomaly[] } {
  const goals: StrategicGoal[] = [];
  const anomalies: ParseAnomaly[] = [];
  const seen = new Set<string>();
  const cursor: Cursor = {};
  let i = 0;
  const body = withPageStarts(lines);
  const finishRequirement = () => {
    const req = cursor.requirement;
    if (req?.textLines) {
      req.text = joinWrapped(req.textLines);
      delete req.textLines;
    }
  };
  while (i < body.length) {
    const line = body[i]!;
    const check = CHECK_ITEM.exec(line.text) ?? repairedCheckNumber(line, cursor.requirement, anomalies, kind);
    if (check) {
      finishRequirement();
      const number = `${check[1]}.${check[2]}.${check[3]}.${check[4]}`;
      const parentNumber = `${check[1]}.${check[2]}.${check[3]}`;
      const inline = check[5] === undefined ? '' : line.raw.replace(/^\s*\S+/, '');
      const { item, next, markerFound } = readCheckItem(number, inline, body, i + 1);
      i = next;
      if (!markerFound) anomalies.push({ catalogId: kind, line: line.no, kind: 'noClassColumn', number, detail: 'no 類別/進階指引 cells before □ 適用' });
      if (seen.has(number)) anomalies.push({ catalogId: kind, line: line.no, kind: 'duplicateNumber', number, detail: 'number appears twice' });
      seen.add(number);
      if (!cursor.requirement || cursor.requirement.number !== parentNumber) {
        anomalies.push({
          catalogId: kind,
          line: line.no,
          kind: 'orphanCheckItem',
          number,
          detail: `under requirement ${cursor.requirement?.number ?? '(none)'}, not ${parentNumber}`,
        });
      }
      cursor.requirement?.checkItems.push(item);
      continue;
    }
    const req = REQUIREMENT.exec(line.text);
    if (req && cursor.item && `${req[1]}.${req[2]}` === cursor.item.number) {
      finishRequirement();
      const number = `${req[1]}.${req[2]}.${req[3]}`;
      const entry = table.get(number);
      if (!entry) anomalies.push({ catalogId: kind, line: line.no, kind: 'requirementNotInTable', number, detail: 'no row in 要求項目表' });
      const requirement: Requirement & { textLines?: string[] } = {
        number,
        text: '',
        applicableClass: entry?.applicableClass ?? 'all',
        basis: entry?.basis ?? null,
        checkItems: [],
        textLines: [req[4]!],
      };
      cursor.item.requirements.push(requirement);
      cursor.requirement = requirement;
      i += 1;
      continue;
    }
    const mi = MANAGEMENT_ITEM.exec(line.text);
    if (mi && cursor.goal && mi[1] === cursor.goal.number) {
      finishRequirement();
      const item: ManagementItem = { number: `${mi[1]}.${mi[2]}`, title: mi[3]!.trim(), requirements: [] };
      cursor.goal.managementItems.push(item);
      cursor.item = item;
      cursor.requirement = undefined;
      i += 1;
      continue;
    }
    const goal = GOAL.exec(line.text);
    if (goal && Number(goal[1]) === goals.length + 1) {
      finishRequirement();
      const next: StrategicGoal = { number: goal[1]!, title: goal[2]!.trim(), managementItems: [] };
      goals.push(next);
      cursor.goal = next;
      cursor.item = undefined;
      cursor.requirement = undefined;
      i += 1;
      continue;
    }
    // A wrapped requirement line (the requirement text runs until its first check item).
    if (cursor.requirement?.textLines && line.text.length > 0) cursor.requirement.textLines.push(line.text);
    else if (line.text.length > 0 && (req || mi || goal)) {
      anomalies.push({ catalogId: kind, line: line.no, kind: 'outOfSequence', number: (req ?? mi ?? goal)![0].split(/\s/)[0]!, detail: line.text });
    }
    i += 1;
  }
  finishRequirement();
  return { goals, anomalies };
}

/** Drops page furniture and marks the first line of each page, where an overflowing question cell resumes. */
function withPageStarts(lines: readonly Line[]): Line[] {
  const body: Line[] = [];
  let afterHeader = false;
  for (const line of lines) {
    if (isFurniture(line.text)) {
      afterHeader = true;
      continue;
    }
    if (line.text.length === 0 && line.raw.length === 0) {
      body.push(line);
      continue;
    }
    const indented = /^ \S/.test(line.raw) && !MARKERS.test(line.text);
    body.push({ ...line, pageStart: afterHeader || indented });
    afterHeader = false;
  }
  return body;
}

const QUESTION_END = /[？?]/;

function isStructural(text: string): boolean {
  return CHECK_ITEM.test(text) || REQUIREMENT.test(text) || MANAGEMENT_ITEM.test(text) || GOAL.test(text);
}

function readCheckItem(
  number: string,
  inline: string,
  body: readonly Line[],
  from: number,
): { item: CheckItem; next: number; markerFound: boolean } {
  const questionLines: string[] = [];
  let applicableClass: ApplicableClass = 'all';
  let practice: CheckItem['practice'] = 'baseline';
  let markerFound = false;
  const takeMarkers = (text: string): string => {
    const trailing = TRAILING_MARKERS.exec(` ${text}`);
    if (!trailing) return text;
    markerFound = true;
    if (trailing[1]!.includes('II')) applicableClass = 'II';
    if (trailing[1]!.includes('◎')) practice = 'betterPractice';
    return ` ${text}`.slice(0, trailing.index).trim();
  };
  // A row flattened onto one line: question, blank cells, then boxes ("… 各項   □ 適用 □ 電腦開機…").
  const boxAt = inline.indexOf('□');
  const inlineBoxes = boxAt >= 0 ? inline.slice(boxAt).split(/(?=□)/).map((c) => c.trim()).filter((c) => c.length > 0) : [];
  const inlineQuestion = boxAt >= 0 ? inline.slice(0, boxAt) : inline;
  if (/\S\s{2,}$/.test(inlineQuestion)) markerFound = true;
  if (inlineQuestion.trim()) questionLines.push(takeMarkers(inlineQuestion.trim()));
  let i = from;
  const evidence: EvidenceSuggestion[] = inlineBoxes.filter((c) => !SITUATION_CELL.test(c)).map((c) => ({ text: c.replace(/^□\s*/, ''), details: [] }));
  if (inlineBoxes.length > 0) markerFound = true;
  // Question cell, then the 類別 and 進階指引 cells, until the 適用情形 boxes.
  for (; inlineBoxes.length === 0 && i < body.length; i++) {
    const line = body[i]!;
    if (APPLICABLE_BOX.test(line.text)) break;
    if (CHECK_ITEM.test(line.text) && line.text.split(/\s/)[0] !== number) break;
    if (line.text === number) continue;
    if (line.raw.length > 0 && MARKERS.test(line.text)) {
      markerFound = true;
      if (line.text.includes('II')) applicableClass = 'II';
      if (line.text.includes('◎')) practice = 'betterPractice';
      continue;
    }
    if (line.text.length > 0) {
      // A row that repeats its own number at the start of the question cell.
      const own = line.text.startsWith(`${number} `) ? line.text.slice(number.length).trim() : line.text;
      questionLines.push(takeMarkers(own));
    }
  }
  // 適用情形 boxes (□ 適用, □ 不適用, 說明：), then the 實作紀錄 cell.
  while (i < body.length && (SITUATION_CELL.test(body[i]!.text) || body[i]!.text === '')) i++;
  const questionUnfinished = () => !QUESTION_END.test(questionLines[questionLines.length - 1]?.slice(-1) ?? '');
  for (; i < body.length; i++) {
    const line = body[i]!;
    const text = line.text.replace(/\s*說明：$/, '');
    if (text.length === 0 || SITUATION_CELL.test(text)) continue;
    if (isStructural(text)) break;
    const bullet = /^(□|-)/.test(text);
    if (!bullet && evidence.length === 0) {
      // The 實作紀錄 cell always starts with a □ box: text before it is the question cell running on.
      questionLines.push(text);
      continue;
    }
    if (!bullet && line.pageStart && questionUnfinished()) {
      // A question cell split by a page break resumes at the top of the next page, after the boxes.
      const block: string[] = [];
      let j = i;
      for (; j < body.length; j++) {
        const t = body[j]!.text.replace(/\s*說明：$/, '');
        if (t.length === 0) continue;
        if (/^(□|-)/.test(t) || isStructural(t)) break;
        block.push(t);
      }
      if (block.some((t) => QUESTION_END.test(t))) {
        questionLines.push(...block);
        i = j - 1;
        continue;
      }
    }
    if (/^□/.test(text)) evidence.push({ text: text.replace(/^□\s*/, ''), details: [] });
    else if (/^-\s*/.test(text)) evidence[evidence.length - 1]!.details.push(text.replace(/^-\s*/, ''));
    else {
      const last = evidence[evidence.length - 1]!;
      if (last.details.length > 0) last.details[last.details.length - 1] = joinWrapped([last.details[last.details.length - 1]!, text]);
      else last.text = joinWrapped([last.text, text]);
    }
  }
  return { item: { number, question: joinWrapped(questionLines), applicableClass, practice, suggestedEvidence: evidence }, next: i, markerFound };
}
