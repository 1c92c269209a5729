import { describe, expect, it } from 'vitest';
import { vendorOversightSchema, vendorContractClauses } from '../../../domain/plan/planContent';
import { contractClauseCatalog, contractClauseStatusSchema, contractInputSchema } from '../../../domain/vendor/contract';
import { article8ItemOfClause, article8Items, contractClauseIds, contractClauseIdSchema } from '../../../domain/vendor/contractClauses';

describe('contract clause ids: one enum for the plan and vendor areas', () => {
  it('the vendor checklist catalog has exactly the enum’s ids, in its order', () => {
    expect(contractClauseCatalog.map((c) => c.id)).toEqual([...contractClauseIds]);
  });

  it('the plan’s contract items are the Art. 8 ¶2 items, and every checklist clause belongs to the item its citation names', () => {
    expect(vendorContractClauses).toBe(article8Items);
    for (const clause of contractClauseCatalog) {
      const item = clause.citations[0]!.item!;
      expect(article8Items[item - 1]).toBe(article8ItemOfClause(clause.id));
    }
    expect(new Set(contractClauseIds.map(article8ItemOfClause))).toEqual(new Set(article8Items));
  });

  it('both schemas refuse an id outside the enum and list the enum for the OpenAPI document', () => {
    expect(contractClauseStatusSchema.safeParse({ clauseId: 'subProcessors', status: 'missing' }).success).toBe(true);
    expect(contractClauseStatusSchema.safeParse({ clauseId: 'subProcessing', status: 'missing' }).success).toBe(false);
    expect(vendorOversightSchema.safeParse({ contractClauses: ['subProcessing'] }).success).toBe(true);
    expect(vendorOversightSchema.safeParse({ contractClauses: ['subProcessors'] }).success).toBe(false);
    expect(contractClauseIdSchema.options).toEqual([...contractClauseIds]);
  });
});

describe('contract purposes are normalised like file purposes', () => {
  const contract = (purposes: string[]) => ({
    vendorId: 'vnd_1',
    title: '委外契約',
    period: { start: '2026-01-01', autoRenewal: false },
    scope: { description: '代管', purposes, dataCategories: ['C001'] },
    clauses: [],
  });

  it.each([
    [['〇九〇'], ['〇九〇']],
    [['090'], ['〇九〇']],
    [['〇九〇 消費者、客戶管理與服務'], ['〇九〇']],
    [[' 069 契約 ', '一四八'], ['〇六九', '一四八']],
  ])('%j → %j', (written, codes) => {
    const parsed = contractInputSchema.safeParse(contract(written));
    expect(parsed.success && parsed.data.scope.purposes).toEqual(codes);
  });

  it.each([[['消費者、客戶管理與服務']], [['000']], [['〇九〇', '090']], [['90']]])('%j is refused', (written) => {
    expect(contractInputSchema.safeParse(contract(written)).success).toBe(false);
  });
});
