import { describe, expect, it } from 'vitest';
import { defaultPlanDuties, dutyDefinitions, dutyKinds, planDuties } from '../../../domain/plan/duties';
import { examplePlanContent } from '../../../domain/plan/examplePlan';
import type { PlanContent } from '../../../domain/plan/planContent';

describe('planDuties', () => {
  const duties = planDuties(examplePlanContent);
  const byId = Object.fromEntries(duties.map((d) => [d.dutyId, d]));

  it('turns every frequency of the example into a duty', () => {
    expect(byId.inventoryReview).toMatchObject({ frequency: { every: 1, unit: 'year' }, frequencyLabelZh: '每年', ownerRole: 'dedicatedOfficer', owner: { name: '技安', title: '專案管理師' } });
    expect(byId.purposeExpiryReview?.frequency).toEqual({ every: 6, unit: 'month' });
    expect(byId['firewallRuleReview:hostedServices']?.frequency).toEqual({ every: 6, unit: 'month' });
    expect(byId['firewallRuleReview:officeEnvironment']?.frequency).toEqual({ every: 3, unit: 'month' });
    expect(byId['emailFilterReview:officeEnvironment']?.frequency).toEqual({ every: 3, unit: 'month' });
    expect(byId.planReview).toMatchObject({ ownerRole: 'convener', owner: { name: '小叮噹' } });
    expect(byId['vulnerabilityScan:hostedServices']).toMatchObject({ ownerRole: 'securityLead', owner: { name: '阿福' } });
    expect(byId.internalAudit?.legalBasis.zhTW).toContain('第15條');
    expect(duties).toHaveLength(25);
    expect(new Set(duties.map((d) => d.dutyId)).size).toBe(duties.length);
  });

  it('skips disabled measures and parts marked not applicable', () => {
    const content = structuredClone(examplePlanContent) as PlanContent;
    const security = content.sections.dataSecurity as Record<string, unknown>;
    security.hostedServices = { notApplicable: { reason: '無代管' } };
    const ids = planDuties(content).map((d) => d.dutyId);
    expect(ids.some((id) => id.endsWith(':hostedServices'))).toBe(false);
    expect(ids).not.toContain('intrusionDetectionUpdate:officeEnvironment');
  });

  it('emits log review and backup restore tests when the plan sets them, with the normalised label', () => {
    const content = structuredClone(examplePlanContent) as PlanContent;
    const office = (content.sections.dataSecurity as { officeEnvironment: Record<string, unknown> }).officeEnvironment;
    office.logReview = { frequency: { every: 1, unit: 'month' } };
    (office.backup as Record<string, unknown>).restoreTest = { frequency: { every: 6, unit: 'month' } };
    const ids = Object.fromEntries(planDuties(content).map((d) => [d.dutyId, d]));
    expect(ids['logReview:officeEnvironment']?.frequencyLabelZh).toBe('每月');
    expect(ids['backupRestoreTest:officeEnvironment']?.frequencyLabelZh).toBe('每半年');
  });

  it('falls back to the dedicated officer, then the convener, when a role is missing', () => {
    const content = structuredClone(examplePlanContent) as PlanContent;
    const staff = content.sections.staffAndResources as { team: { role: string }[] };
    staff.team = staff.team.filter((m) => m.role !== 'securityLead');
    expect(planDuties(content).find((d) => d.dutyKind === 'malwareScan')?.owner?.name).toBe('技安');
    staff.team = staff.team.filter((m) => m.role === 'convener');
    expect(planDuties(content).find((d) => d.dutyKind === 'malwareScan')?.owner?.name).toBe('小叮噹');
  });

  it('an empty plan has no duties', () => {
    expect(planDuties({ sections: {} })).toEqual([]);
  });
});

describe('defaultPlanDuties', () => {
  it('uses the example frequencies without the fictional owners', () => {
    const defaults = defaultPlanDuties();
    expect(defaults.map((d) => d.dutyId)).toEqual(planDuties(examplePlanContent).map((d) => d.dutyId));
    expect(defaults.every((d) => d.owner === undefined)).toBe(true);
  });

  it('every duty kind has a definition with bilingual title and legal basis', () => {
    for (const kind of dutyKinds) {
      const def = dutyDefinitions[kind];
      expect(def.title.zhTW && def.title.en && def.legalBasis.zhTW && def.legalBasis.en).toBeTruthy();
    }
  });
});
