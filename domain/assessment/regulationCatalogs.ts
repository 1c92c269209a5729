/**
 * One self-check catalog per modelled sector regulation, built from the plan-completeness rule
 * catalogue (domain/plan/completeness.ts) so the measures and their articles exist once: every
 * rule that cites an article of the regulation becomes one check item. Items are grouped by the
 * audit contents of seed 000 §12(6) (稽核內容); each content's own periodic check ("並檢查是否定期…")
 * is one more item, cited to that passage. Plan sections §12(6) does not list come last.
 */
import { completenessRules, modelledRegulations, planSectionTitles, sectorRuleSetFor, type ModelledRegulation, type PlanSectionKey } from '../plan';
import type { ChecklistCatalog, CheckItem, ManagementItem, Requirement, StrategicGoal } from './catalog';

export const AUDIT_CONTENTS_SOURCE = 'seed 000 §12(6) 稽核內容';

/** Seed 000 §12(6), line by line: the audit content, its periodic check when it names one, and the plan sections it covers. */
export const auditContents: readonly { content: string; periodicCheck?: string; sections: readonly PlanSectionKey[] }[] = [
  { content: '配置管理之人員及相當資源', sections: ['staffAndResources'] },
  { content: '界定個人資料之範圍', periodicCheck: '檢查是否定期盤點', sections: ['inventory'] },
  { content: '個人資料之風險評估及管理機制', periodicCheck: '檢查是否定期評估', sections: ['riskAssessment'] },
  { content: '事故之預防、通報及應變機制', sections: ['incidentResponse'] },
  { content: '個人資料蒐集、處理及利用之內部管理程序', periodicCheck: '檢查是否定期評估檢視個資蒐集目的是否已消失', sections: ['internalProcedures'] },
  {
    content: '資料安全管理措施',
    periodicCheck:
      '檢查是否定期更新防止外部網路入侵對策、演練異常存取行為因應機制、檢測系統漏洞及修補、更新及執行防毒軟體及檢測惡意程式、檢查資通系統使用狀況及存取個資情形',
    sections: ['dataSecurity'],
  },
  { content: '人員安全管理措施', periodicCheck: '檢查是否定期檢視個資存取權限', sections: ['personnel'] },
  { content: '認知宣導及教育訓練', periodicCheck: '檢查是否定期實施全體員工教育訓練、代表人及管理人員教育訓練', sections: ['training'] },
  { content: '設備安全管理', sections: ['equipment'] },
  { content: '資料安全稽核機制', periodicCheck: '檢查是否定期稽核或自我檢查', sections: ['audit'] },
  { content: '使用紀錄、軌跡資料及證據保存', sections: ['recordKeeping'] },
  { content: '個人資料安全維護之整體持續改善', periodicCheck: '檢查是否定期檢視或修正安全維護計畫', sections: ['continuousImprovement'] },
];

/** Plan sections with rules that §12(6) does not list. */
const OTHER_SECTIONS: readonly PlanSectionKey[] = ['policy', 'vendorOversight', 'terminationDisposal'];

export function isModelledRegulation(pcode: string): pcode is ModelledRegulation {
  return (modelledRegulations as readonly string[]).includes(pcode);
}

export function buildRegulationCatalog(regulation: ModelledRegulation): ChecklistCatalog {
  const name = sectorRuleSetFor(regulation)?.versions[0]?.name ?? { zhTW: regulation, en: regulation };
  const groups = [
    ...auditContents.map((c) => ({ title: c.content, periodicCheck: c.periodicCheck, sections: c.sections })),
    ...OTHER_SECTIONS.map((section) => ({ title: planSectionTitles[section].zhTW, periodicCheck: undefined, sections: [section] as const })),
  ];
  const goals: StrategicGoal[] = groups.flatMap((group, g) => {
    const goalNumber = String(g + 1);
    const requirements: Requirement[] = [];
    const add = (text: string, basis: string, item: Omit<CheckItem, 'number'>) => {
      const number = `${goalNumber}.1.${requirements.length + 1}`;
      requirements.push({ number, text, applicableClass: 'all', basis, checkItems: [{ number: `${number}.1`, ...item }] });
    };
    for (const section of group.sections) {
      for (const rule of completenessRules) {
        const article = rule.articles[regulation];
        if (rule.section !== section || article === undefined) continue;
        add(rule.message.zhTW, `${regulation} 第${article}條`, {
          question: rule.message.zhTW,
          applicableClass: 'all',
          practice: 'baseline',
          suggestedEvidence: [],
          citations: [{ source: regulation, article, topic: rule.code }],
        });
      }
    }
    if (group.periodicCheck) {
      add(`${group.title}（${group.periodicCheck}）`, AUDIT_CONTENTS_SOURCE, {
        question: `${group.periodicCheck}？`,
        applicableClass: 'all',
        practice: 'baseline',
        suggestedEvidence: [],
        citations: [{ source: AUDIT_CONTENTS_SOURCE, topic: group.title }],
      });
    }
    if (requirements.length === 0) return [];
    const item: ManagementItem = { number: `${goalNumber}.1`, title: group.title, requirements };
    return [{ number: goalNumber, title: group.title, managementItems: [item] }];
  });
  // Goals without items for this regulation are dropped; renumber so numbers stay contiguous.
  const renumbered = goals.map((goal, index) => renumberGoal(goal, String(index + 1)));
  return {
    catalogId: `regulation:${regulation}`,
    title: { zhTW: `${name.zhTW} 自我檢查表`, en: `${name.en}: self-check` },
    source: `${regulation}; ${AUDIT_CONTENTS_SOURCE}`,
    regulation,
    goals: renumbered,
  };
}

function renumberGoal(goal: StrategicGoal, number: string): StrategicGoal {
  const swap = (n: string) => `${number}${n.slice(goal.number.length)}`;
  return {
    number,
    title: goal.title,
    managementItems: goal.managementItems.map((item) => ({
      ...item,
      number: swap(item.number),
      requirements: item.requirements.map((req) => ({
        ...req,
        number: swap(req.number),
        checkItems: req.checkItems.map((c) => ({ ...c, number: swap(c.number) })),
      })),
    })),
  };
}

export const regulationCatalogs: Readonly<Record<ModelledRegulation, ChecklistCatalog>> = {
  Q0010012: buildRegulationCatalog('Q0010012'),
  K0010162: buildRegulationCatalog('K0010162'),
  J0030130: buildRegulationCatalog('J0030130'),
  J0080062: buildRegulationCatalog('J0080062'),
};
