import { describe, expect, it } from 'vitest';
import { builtInOperationLabels, builtInRiskLibrary, libraryEntriesFor, mergeRiskLibrary, operatingContexts } from '../../../domain/risk/riskLibrary';
import { securityMeasureKeys } from '../../../domain/risk/securityMeasures';
import { exampleLibrary } from '../../fixtures/inventory/loadExamples';

describe('built-in library (seed 000 §4(3))', () => {
  it('covers the five operating contexts with the example’s rows', () => {
    const perContext = Object.fromEntries(operatingContexts.map((c) => [c, builtInRiskLibrary.filter((e) => e.context === c).length]));
    expect(perContext).toEqual({ processing: 3, internalTransfer: 4, externalTransfer: 2, custody: 7, disposal: 2 });
  });

  it('keeps its ids stable and unique', () => {
    const ids = builtInRiskLibrary.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'processing.inputEdit.tampering',
      'processing.outputPrint.improperAccess',
      'processing.scan.improperAccess',
      'internalTransfer.handDelivery.lostInHandover',
      'internalTransfer.handDelivery.removableMediaLost',
      'internalTransfer.email.intercepted',
      'internalTransfer.systemNetwork.intercepted',
      'externalTransfer.email.intercepted',
      'externalTransfer.api.protocolVulnerability',
      'custody.personalComputer.illegalSoftware',
      'custody.personalComputer.improperAccess',
      'custody.personalComputer.externalAttack',
      'custody.databaseServer.credentialTheft',
      'custody.databaseServer.improperAccess',
      'custody.databaseServer.externalAttack',
      'custody.fileRoom.unauthorisedEntry',
      'disposal.deleteDestroy.prematureDeletion',
      'disposal.deleteDestroy.incompleteDeletion',
    ]);
  });

  it('each id names its context and operation, and each entry has texts and known measures', () => {
    for (const entry of builtInRiskLibrary) {
      expect(entry.id.startsWith(`${entry.context}.${entry.operation}.`)).toBe(true);
      expect(entry.operationLabel).toEqual(builtInOperationLabels[entry.operation as keyof typeof builtInOperationLabels]);
      for (const text of [entry.riskType, entry.countermeasure]) expect(text.zhTW && text.en).toBeTruthy();
      expect(entry.measures.length).toBeGreaterThan(0);
      for (const m of entry.measures) expect(securityMeasureKeys).toContain(m);
    }
  });

  it('quotes the example’s wording', () => {
    const apis = libraryEntriesFor(new Map(builtInRiskLibrary.map((e) => [e.id, e])), 'externalTransfer', 'api');
    expect(apis).toHaveLength(1);
    expect(apis[0]!.riskType.zhTW).toBe('串接協定有漏洞');
    expect(apis[0]!.countermeasure.zhTW).toBe('尋找漏洞修正協定、傳輸資料隱碼');
  });
});

describe('tenant entries', () => {
  const valid = {
    id: 'tenant.custody.cloudDrive.publicLink',
    context: 'custody',
    operation: 'cloudDrive',
    operationLabel: { zhTW: '雲端硬碟', en: 'cloud drive' },
    riskType: { zhTW: '分享連結公開', en: 'share link left public' },
    countermeasure: { zhTW: '限制分享範圍', en: 'restrict sharing' },
    measures: ['accessControl'],
  };

  it('merge with the built-in library', () => {
    const merged = mergeRiskLibrary([valid]);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.value.size).toBe(builtInRiskLibrary.length + 1);
    expect(merged.value.get(valid.id)).toMatchObject({ origin: 'tenant', operationLabel: valid.operationLabel });
    expect(libraryEntriesFor(merged.value, 'custody', 'cloudDrive').map((e) => e.id)).toEqual([valid.id]);
  });

  it('a tenant entry on a built-in operation borrows its label', () => {
    const merged = mergeRiskLibrary([{ ...valid, id: 'tenant.x', operation: 'email', operationLabel: undefined }]);
    expect(merged.ok && merged.value.get('tenant.x')!.operationLabel).toEqual(builtInOperationLabels.email);
  });

  it('the example’s tenant entries load', () => {
    expect([...exampleLibrary().values()].filter((e) => e.origin === 'tenant')).toHaveLength(4);
  });

  it.each([
    ['no tenant prefix', { id: 'custody.cloudDrive.publicLink' }],
    ['a built-in id', { id: 'processing.inputEdit.tampering' }],
    ['an unknown context', { context: 'printing' }],
    ['no measures', { measures: [] }],
    ['an unknown measure', { measures: ['prayer'] }],
    ['a new operation without label', { operationLabel: undefined }],
    ['a missing English text', { riskType: { zhTW: '外洩' } }],
    ['an unknown field', { severity: 'high' }],
  ])('rejects %s', (_name, patch) => {
    const merged = mergeRiskLibrary([{ ...valid, ...patch }]);
    expect(merged.ok).toBe(false);
  });

  it('rejects a repeated tenant id, reporting its index', () => {
    const merged = mergeRiskLibrary([valid, { ...valid }]);
    expect(merged).toMatchObject({ ok: false, error: { details: [{ index: 1, message: { en: `duplicate library id ${valid.id}` } }] } });
  });
});
