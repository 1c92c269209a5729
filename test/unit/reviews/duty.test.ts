import { describe, expect, it } from 'vitest';
import {
  ORGANIZATION_SUBJECT,
  dutyDefinitionSchema,
  dutyIdFor,
  dutyKey,
  dutySchema,
  reconcileDuties,
  type DutyDefinition,
} from '../../../domain/reviews/duty';
import { makeDuty } from './support';

const inventory: DutyDefinition = {
  dutyKind: 'dataInventory',
  title: { zhTW: '個資盤點', en: 'Personal data inventory' },
  legalBasis: { zhTW: '安全維護辦法第4條', en: 'Regulation Art. 4' },
  frequency: { every: 1, unit: 'year' },
  ownerRole: 'privacyOfficer',
};
const purposeReview: DutyDefinition = {
  dutyKind: 'purposeExpiryReview',
  title: { zhTW: '特定目的消失檢視', en: 'Lapsed purpose review' },
  legalBasis: { zhTW: '安全維護辦法第7條第9款', en: 'Regulation Art. 7(ix)' },
  frequency: { every: 6, unit: 'month' },
  owner: { name: '大雄', email: 'nobita@example.com' },
};

describe('duty keys', () => {
  it('are deterministic from kind and subject', () => {
    expect(dutyKey('vendorOversight', { kind: 'vendor', id: 'v1' })).toBe(dutyKey('vendorOversight', { kind: 'vendor', id: 'v1' }));
    expect(dutyKey('vendorOversight', { kind: 'vendor', id: 'v1' })).not.toBe(dutyKey('vendorOversight', { kind: 'vendor', id: 'v2' }));
    expect(dutyKey('vendorOversight', { kind: 'vendor', id: 'v1' })).not.toBe(dutyKey('contractEnd', { kind: 'vendor', id: 'v1' }));
    expect(dutyIdFor('dataInventory', ORGANIZATION_SUBJECT)).toBe(dutyIdFor('dataInventory', { ...ORGANIZATION_SUBJECT }));
  });
});

describe('reconcileDuties', () => {
  const asOf = '2026-01-15';

  it('creates duties first due one period after approval, owner from role or person', () => {
    const result = reconcileDuties([], [inventory, purposeReview], { asOf });
    expect(result.update).toEqual([]);
    expect(result.retire).toEqual([]);
    expect(result.create.map((d) => [d.dutyKind, d.anchorDate, d.owner, d.source])).toEqual([
      ['dataInventory', '2027-01-15', { role: 'privacyOfficer' }, 'plan'],
      ['purposeExpiryReview', '2026-07-15', { name: '大雄', email: 'nobita@example.com' }, 'plan'],
    ]);
    for (const duty of result.create) expect(dutySchema.parse(duty)).toEqual(duty);
  });

  it('keeps an explicit anchor and uses asOf for a one-time duty', () => {
    const result = reconcileDuties([], [{ ...inventory, anchorDate: '2026-03-31' }, { ...inventory, dutyKind: 'contractEnd', frequency: null }], { asOf });
    expect(result.create.map((d) => d.anchorDate)).toEqual(['2026-03-31', asOf]);
  });

  it('falls back to the convener when the plan names no owner', () => {
    const { ownerRole: _r, ...unowned } = inventory;
    expect(reconcileDuties([], [unowned], { asOf }).create[0]!.owner).toEqual({ role: 'convener' });
  });

  it('re-approving the same plan creates, updates and retires nothing', () => {
    const first = reconcileDuties([], [inventory, purposeReview], { asOf }).create;
    const again = reconcileDuties(first, [inventory, purposeReview], { asOf: '2026-09-01' });
    expect(again.create).toEqual([]);
    expect(again.update).toEqual([]);
    expect(again.retire).toEqual([]);
    expect(again.unchanged).toEqual(first);
  });

  it('updates a changed frequency or owner, keeping id, anchor and history', () => {
    const [existing] = reconcileDuties([], [inventory], { asOf }).create;
    const stored = { ...existing!, lastCompletedOn: '2026-01-10' };
    const result = reconcileDuties([stored], [{ ...inventory, frequency: { every: 6, unit: 'month' }, ownerRole: 'convener' }], { asOf: '2026-05-01' });
    expect(result.create).toEqual([]);
    expect(result.update).toHaveLength(1);
    const { before, after, changes } = result.update[0]!;
    expect(changes).toEqual(['frequency', 'owner']);
    expect(before).toBe(stored);
    expect(after).toMatchObject({ dutyId: stored.dutyId, anchorDate: stored.anchorDate, lastCompletedOn: '2026-01-10', frequency: { every: 6, unit: 'month' }, owner: { role: 'convener' } });
  });

  it('detects a person owner change by e-mail and locale, case-insensitively', () => {
    const [existing] = reconcileDuties([], [purposeReview], { asOf }).create;
    const sameCase = reconcileDuties([existing!], [{ ...purposeReview, owner: { name: '大雄', email: 'NOBITA@example.com' } }], { asOf });
    expect(sameCase.update).toEqual([]);
    const newLocale = reconcileDuties([existing!], [{ ...purposeReview, owner: { name: '大雄', email: 'nobita@example.com', locale: 'en' } }], { asOf });
    expect(newLocale.update[0]!.changes).toEqual(['owner']);
    const toRole = reconcileDuties([existing!], [{ ...purposeReview, owner: undefined, ownerRole: 'privacyOfficer' }], { asOf });
    expect(toRole.update[0]!.changes).toEqual(['owner']);
  });

  it('retires plan duties the plan no longer lists, but never vendor, incident or DSR duties', () => {
    const planDuties = reconcileDuties([], [inventory, purposeReview], { asOf }).create;
    const vendorDuty = makeDuty({ dutyKind: 'vendorOversight', subject: { kind: 'vendor', id: 'v1' }, source: 'vendor' });
    const alreadyRetired = makeDuty({ dutyKind: 'oldDuty', retiredOn: '2025-01-01' });
    const result = reconcileDuties([...planDuties, vendorDuty, alreadyRetired], [inventory], { asOf: '2026-02-01' });
    expect(result.retire.map((d) => [d.dutyKind, d.retiredOn])).toEqual([['purposeExpiryReview', '2026-02-01']]);
  });

  it('reactivates a retired duty that the plan lists again, restarting its cycle', () => {
    const [existing] = reconcileDuties([], [inventory], { asOf }).create;
    const retired = { ...existing!, retiredOn: '2026-02-01' };
    const result = reconcileDuties([retired], [inventory], { asOf: '2026-06-01' });
    expect(result.update[0]!.changes).toEqual(['reactivated']);
    expect(result.update[0]!.after).toMatchObject({ retiredOn: null, anchorDate: '2027-06-01', dutyId: existing!.dutyId });
  });

  it('replaces defaults when a plan is approved: same key becomes a plan duty', () => {
    const defaults = reconcileDuties([], [inventory, purposeReview], { asOf, source: 'default' }).create;
    const result = reconcileDuties(defaults, [inventory], { asOf: '2026-03-01', source: 'plan' });
    expect(result.update.map((u) => [u.after.dutyKind, u.changes, u.after.source])).toEqual([['dataInventory', ['source'], 'plan']]);
    expect(result.retire.map((d) => d.dutyKind)).toEqual(['purposeExpiryReview']);
  });

  it('keeps one duty per key and one per subject', () => {
    const v1 = { ...inventory, dutyKind: 'vendorOversight', subject: { kind: 'vendor' as const, id: 'v1' } };
    const v2 = { ...v1, subject: { kind: 'vendor' as const, id: 'v2' } };
    const result = reconcileDuties([], [v1, v2, { ...v1, frequency: { every: 3, unit: 'month' } }], { asOf, source: 'vendor' });
    expect(result.create.map((d) => [d.subject.id, d.frequency])).toEqual([
      ['v1', { every: 1, unit: 'year' }],
      ['v2', { every: 1, unit: 'year' }],
    ]);
  });
});

describe('duty schemas', () => {
  it('accept a plan duty definition and reject unknown fields', () => {
    expect(dutyDefinitionSchema.safeParse(inventory).success).toBe(true);
    expect(dutyDefinitionSchema.safeParse({ ...inventory, extra: 1 }).success).toBe(false);
    expect(dutyDefinitionSchema.safeParse({ ...inventory, anchorDate: '2026-02-30' }).success).toBe(false);
    expect(dutySchema.safeParse({ ...makeDuty(), frequency: null }).success).toBe(true);
    expect(dutySchema.safeParse({ ...makeDuty(), owner: { role: 'convener', email: 'x@example.com' } }).success).toBe(false);
  });
});
