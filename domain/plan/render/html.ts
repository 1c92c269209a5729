/** HTML writer over the plan document model; every text is escaped. */
import type { PlanTableRows } from './rows';
import { buildPlanDocument, type DocBlock, type RenderOptions } from './planDocument';
import type { PlanVersion } from '../planVersion';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const lines = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

function block(b: DocBlock): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${lines(b.text)}</h1>`;
    case 'heading':
      return `<h${b.level + 1}>${lines(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p>${lines(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${lines(i)}</li>`).join('')}</ul>`;
    case 'checklist':
      return `<ul class="checklist">${b.items.map((i) => `<li data-checked="${i.checked}">${i.checked ? '■' : '□'} ${lines(i.text)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = `<thead><tr>${b.headers.map((h) => `<th>${lines(h)}</th>`).join('')}</tr></thead>`;
      const body = b.rows.length
        ? b.rows.map((r) => `<tr>${r.map((c) => `<td>${lines(c)}</td>`).join('')}</tr>`).join('')
        : `<tr><td colspan="${b.headers.length}">（無資料）</td></tr>`;
      return `<table>${head}<tbody>${body}</tbody></table>`;
    }
  }
}

const STYLE =
  'body{font-family:"Noto Sans TC","Microsoft JhengHei",sans-serif;line-height:1.6;max-width:960px;margin:auto}table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:4px;vertical-align:top}ul.checklist{list-style:none}';

export function renderPlanHtml(version: PlanVersion, rows: PlanTableRows = {}, options: RenderOptions = {}): string {
  const doc = buildPlanDocument(version, rows, options);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-Hant-TW">',
    `<head><meta charset="utf-8"><title>${escapeHtml(`${doc.title} ${doc.versionLabel}`)}</title><style>${STYLE}</style></head>`,
    '<body>',
    ...doc.blocks.map(block),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
