import { describe, expect, it } from 'vitest';
import { checkRiskReferences, overdueRisks, riskIssuesOf, riskSchema, riskStatuses, riskTransitions, transitionRisk, type Risk, type RiskStatus } from '../../../domain/risk/riskRegister';
import { exampleFiles, exampleLibrary, exampleRisks } from '../../fixtures/inventory/loadExamples';

const library = exampleLibrary();
const risks = exampleRisks();
const r002 = risks.find((r) => r.id === 'R-002')!;

function inStatus(status: RiskStatus): Risk {
  return riskSchema.parse({
    ...r002,
    status,
    targetDate: '2025-06-30',
    ...(status === 'acceptedWithReason' ? { acceptanceReason: '成本過高' } : {}),
  });
}

describe('riskSchema', () => {
  it('loads the example risks, each referencing the library and the inventory', () => {
    const fileIds = new Set(exampleFiles().map((f) => f.id));
    expect(risks.map((r) => r.id)).toEqual(['R-001', 'R-002', 'R-003', 'R-004-1', 'R-004-2', 'R-004-3']);
    for (const risk of risks) expect(checkRiskReferences(risk, library, fileIds)).toEqual({ ok: true, value: risk });
  });

  it.each([
    ['acceptanceReason', { status: 'acceptedWithReason' }],
    ['acceptanceReason', { status: 'open', acceptanceReason: '理由' }],
    ['treatments', { status: 'closed', treatments: [] }],
    ['treatments', { status: 'treating', treatments: [], targetDate: '2025-01-01' }],
    ['targetDate', { status: 'treating' }],
    ['targetDate', { targetDate: '2025-02-29' }],
    ['fileIds', { fileIds: [] }],
    ['fileIds.0', { fileIds: ['1'] }],
    ['libraryEntryIds', { libraryEntryIds: [] }],
    ['treatments.0.measures', { treatments: [{ countermeasure: 'x', measures: [] }] }],
    ['treatments.0.measures.0', { treatments: [{ countermeasure: 'x', measures: ['luck'] }] }],
    ['owner', { owner: '' }],
    ['context', { context: 'storage' }],
    ['', { likelihood: 3 }],
  ])('requires a valid %s', (path, patch) => {
    const result = riskSchema.safeParse({ ...r002, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('checks library references: unknown, other context, treatment citing a foreign entry, unknown file', () => {
    const risk = riskSchema.parse({
      ...r002,
      fileIds: ['002', '099'],
      libraryEntryIds: ['tenant.custody.databaseServer.phishing', 'externalTransfer.api.protocolVulnerability', 'tenant.nothing'],
      treatments: [{ countermeasure: 'x', libraryEntryId: 'custody.fileRoom.unauthorisedEntry', measures: ['accessControl'] }],
    });
    const issues = riskIssuesOf(checkRiskReferences(risk, library, new Set(exampleFiles().map((f) => f.id))));
    expect(issues.map((i) => i.path.join('.'))).toEqual(['libraryEntryIds.1', 'libraryEntryIds.2', 'treatments.0.libraryEntryId', 'fileIds.1']);
    expect(riskIssuesOf(checkRiskReferences(risk, library)).map((i) => i.path[0])).not.toContain('fileIds');
  });
});

describe('status transitions', () => {
  const allowed: [RiskStatus, RiskStatus][] = [
    ['open', 'treating'],
    ['open', 'acceptedWithReason'],
    ['open', 'closed'],
    ['treating', 'acceptedWithReason'],
    ['treating', 'closed'],
    ['treating', 'open'],
    ['acceptedWithReason', 'open'],
    ['acceptedWithReason', 'treating'],
    ['closed', 'open'],
  ];
  const pairs = riskStatuses.flatMap((from) => riskStatuses.map((to) => [from, to] as [RiskStatus, RiskStatus]));

  it('the table allows exactly the listed moves', () => {
    expect(pairs.filter(([from, to]) => riskTransitions[from].includes(to))).toEqual(expect.arrayContaining(allowed));
    expect(pairs.filter(([from, to]) => riskTransitions[from].includes(to))).toHaveLength(allowed.length);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const result = transitionRisk(inStatus(from), { to, on: '2025-02-01', by: '技安', reason: '說明' });
    const isAllowed = allowed.some(([f, t]) => f === from && t === to);
    expect(result.ok).toBe(isAllowed);
    if (result.ok) {
      expect(result.value.status).toBe(to);
      expect(result.value.history.at(-1)).toEqual({ from, to, on: '2025-02-01', by: '技安', reason: '說明' });
      expect(riskSchema.parse(result.value)).toEqual(result.value);
    }
  });

  it('accepting needs a reason, which is stored and cleared on leaving', () => {
    expect(transitionRisk(inStatus('open'), { to: 'acceptedWithReason', on: '2025-02-01', by: '技安' })).toMatchObject({ ok: false, error: { message: { en: 'accepting a risk needs a reason' } } });
    const accepted = transitionRisk(inStatus('open'), { to: 'acceptedWithReason', on: '2025-02-01', by: '負責人', reason: '影響輕微' });
    expect(accepted).toMatchObject({ ok: true, value: { status: 'acceptedWithReason', acceptanceReason: '影響輕微' } });
    if (!accepted.ok) return;
    const reopened = transitionRisk(accepted.value, { to: 'open', on: '2025-03-01', by: '技安', reason: '新事故' });
    expect(reopened.ok && reopened.value.acceptanceReason).toBeUndefined();
  });

  it('reopening a closed or accepted risk needs a reason; leaving treating does not', () => {
    expect(transitionRisk(inStatus('closed'), { to: 'open', on: '2025-02-01', by: '技安' }).ok).toBe(false);
    expect(transitionRisk(inStatus('acceptedWithReason'), { to: 'open', on: '2025-02-01', by: '技安' }).ok).toBe(false);
    expect(transitionRisk(inStatus('treating'), { to: 'open', on: '2025-02-01', by: '技安' }).ok).toBe(true);
  });

  it('treating needs a treatment and a target date, which the move may set', () => {
    const bare = riskSchema.parse({ ...r002, treatments: [] });
    expect(transitionRisk(bare, { to: 'treating', on: '2025-02-01', by: '技安', targetDate: '2025-06-30' })).toMatchObject({ ok: false, error: { message: { en: expect.stringContaining('treatment') } } });
    expect(transitionRisk(r002, { to: 'treating', on: '2025-02-01', by: '技安' })).toMatchObject({ ok: false, error: { message: { en: expect.stringContaining('target date') } } });
    expect(transitionRisk(r002, { to: 'treating', on: '2025-02-01', by: '技安', targetDate: '2025-06-30' })).toMatchObject({ ok: true, value: { targetDate: '2025-06-30' } });
    expect(transitionRisk(bare, { to: 'closed', on: '2025-02-01', by: '技安' }).ok).toBe(false);
  });

  it('a change cannot predate the last one; the same day is fine', () => {
    const r001 = risks[0]!;
    expect(transitionRisk(r001, { to: 'closed', on: '2025-01-01', by: '技安' }).ok).toBe(false);
    expect(transitionRisk(r001, { to: 'closed', on: '2025-01-02', by: '技安' }).ok).toBe(true);
  });

  it('does not mutate the input', () => {
    const before = structuredClone(r002);
    transitionRisk(r002, { to: 'acceptedWithReason', on: '2025-02-01', by: '技安', reason: 'x' });
    expect(r002).toEqual(before);
  });
});

describe('overdueRisks', () => {
  it('open or treating risks whose target date has passed (not on the day itself)', () => {
    const r001 = risks[0]!; // treating, target 2025-03-31
    expect(overdueRisks([r001], '2025-03-31')).toEqual([]);
    expect(overdueRisks([r001], '2025-04-01')).toEqual([r001]);
    expect(overdueRisks([inStatus('closed'), inStatus('acceptedWithReason'), r002], '2030-01-01')).toEqual([]);
  });
});
