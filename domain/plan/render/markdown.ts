/** Markdown writer over the plan document model. */
import type { PlanTableRows } from './rows';
import { buildPlanDocument, type DocBlock, type RenderOptions } from './planDocument';
import type { PlanVersion } from '../planVersion';

/** Escapes characters Markdown would read as markup (and raw HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

const cell = (text: string) => escapeMarkdown(text).replace(/\r?\n/g, '<br>');

function block(b: DocBlock): string {
  switch (b.kind) {
    case 'title':
      return `# ${escapeMarkdown(b.text)}`;
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return escapeMarkdown(b.text).replace(/\r?\n/g, '  \n');
    case 'list':
      return b.items.map((i) => `- ${escapeMarkdown(i).replace(/\r?\n/g, '  \n  ')}`).join('\n');
    case 'checklist':
      return b.items.map((i) => `- ${i.checked ? '■' : '□'} ${escapeMarkdown(i.text)}`).join('\n');
    case 'table': {
      const head = `| ${b.headers.map(cell).join(' | ')} |`;
      const rule = `| ${b.headers.map(() => '---').join(' | ')} |`;
      const body = b.rows.length ? b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`) : [`| ${b.headers.map((_, i) => (i === 0 ? '（無資料）' : '')).join(' | ')} |`];
      return [head, rule, ...body].join('\n');
    }
  }
}

export function renderPlanMarkdown(version: PlanVersion, rows: PlanTableRows = {}, options: RenderOptions = {}): string {
  return `${buildPlanDocument(version, rows, options).blocks.map(block).join('\n\n')}\n`;
}
