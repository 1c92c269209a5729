import { describe, expect, it } from 'vitest';
import { joinWrapped, parseEcommerceChecklist } from '../../../domain/assessment';

/** Three minimal parts in the layout of the seed's extraction (one cell per line, blank lines between). */
function document(checklistBody: string, tableBody = ''): string {
  const part = (name: string) => `表 6  ${name}交易安全規範要求項目表 \n\n管理項目 要求項目 類別 \n依據之法\n\n規或標準 \n\n策略目標：1. 促進組織資訊安全管理 \n\n${tableBody}\n\n 伍、規範查檢表 \n\n表 7  規範查檢表 \n\n${checklistBody}\n\n 陸、附錄 \n`;
  return ['網路平台', '供應商', '物流商'].map(part).join('\n');
}

const ITEM = `1. 促進組織資訊安全管理 \n\n1.1 資訊安全框架 \n\n1.1.1 管理階層，應具體說明其對資安之承諾與責任。 \n\n1.1.1.1 \n\n是否制定資安須知，並告知全體員工與委外廠商予\n\n以落實？ \n\nII ◎ \n\n□ 適用 \n\n□ 不適用 \n\n說明： \n\n□ 制定資安須\n\n知，內容包含： \n\n- 資訊安全目標 \n\n □ 政策公告內部\n\n員工 \n\n1.1.1.2 \n\n是否指定專人？ \n\n  \n\n□ 適用 \n\n□ 不適用 \n\n說明： \n\n  \n`;

describe('parseEcommerceChecklist', () => {
  it('fails when the three parts are not there', () => {
    const result = parseEcommerceChecklist('nothing');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('CHECKLIST_SECTIONS_NOT_FOUND');
  });

  it('reads goal → item → requirement → check item with class, ◎ and suggested evidence', () => {
    const table = '1.1 資訊安全\n\n框架 \n\n1.1.1 管理階層，應具體說明其對資安之承諾\n\n與責任。 \n\nII ISO 27001 \n';
    const result = parseEcommerceChecklist(document(ITEM, table));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [platform] = result.value.catalogs;
    const req = platform!.goals[0]!.managementItems[0]!.requirements[0]!;
    expect(platform!.goals[0]!.title).toBe('促進組織資訊安全管理');
    expect(req).toMatchObject({ number: '1.1.1', applicableClass: 'II', basis: 'ISO 27001', text: '管理階層，應具體說明其對資安之承諾與責任。' });
    expect(req.checkItems).toEqual([
      {
        number: '1.1.1.1',
        question: '是否制定資安須知，並告知全體員工與委外廠商予以落實？',
        applicableClass: 'II',
        practice: 'betterPractice',
        suggestedEvidence: [
          { text: '制定資安須知，內容包含：', details: ['資訊安全目標'] },
          { text: '政策公告內部員工', details: [] },
        ],
      },
      { number: '1.1.1.2', question: '是否指定專人？', applicableClass: 'all', practice: 'baseline', suggestedEvidence: [] },
    ]);
    expect(result.value.anomalies).toEqual([]);
  });

  it('drops page furniture and resumes a question cell the page break split', () => {
    const split = `1. 目標 \n\n1.1 項目 \n\n1.1.1 要求。 \n\n1.1.1.1 \n\n是否提供認知教育與訓\n\n  \n\n□ 適用 \n\n□ 不適用 \n\n說明： \n\n□ 施行訓練 \n\n 編號 實作查檢項目  \n\n類\n\n別 \n\n進階\n\n指引 \n\n適用情形 實作紀錄  \n\n練？ \n\n18 \n\n本文件著作權屬經濟部所有，未經許可不准引用或列印 \n`;
    const result = parseEcommerceChecklist(document(split));
    if (!result.ok) throw new Error('parse failed');
    const item = result.value.catalogs[0]!.goals[0]!.managementItems[0]!.requirements[0]!.checkItems[0]!;
    expect(item.question).toBe('是否提供認知教育與訓練？');
    expect(item.suggestedEvidence).toEqual([{ text: '施行訓練', details: [] }]);
  });

  it('repairs a number that lost a dot only in sequence, and reports it', () => {
    const body = `1. 目標 \n\n1.1 項目 \n\n1.1.2 要求。 \n\n1.1.2.1 \n\n是否甲？ \n\n  \n\n□ 適用 \n\n1.1.22 \n\n是否乙？ \n\nII ◎ \n\n□ 適用 \n`;
    const result = parseEcommerceChecklist(document(body));
    if (!result.ok) throw new Error('parse failed');
    const items = result.value.catalogs[0]!.goals[0]!.managementItems[0]!.requirements[0]!.checkItems;
    expect(items.map((i) => i.number)).toEqual(['1.1.2.1', '1.1.2.2']);
    expect(result.value.anomalies.filter((a) => a.catalogId === 'ecommercePlatform').map((a) => a.kind)).toEqual(['requirementNotInTable', 'repairedNumber']);
  });

  it('joins Chinese wraps directly and Latin words with a space', () => {
    expect(joinWrapped(['是否採用', 'ISO', '27001 認證？'])).toBe('是否採用ISO 27001 認證？');
  });
});
