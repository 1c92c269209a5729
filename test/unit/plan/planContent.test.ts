import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrequencyLabel } from '../../../domain/shared/frequency';
import { examplePlanContent } from '../../../domain/plan/examplePlan';
import { isNotApplicable, planContentSchema, planSectionKeys, sectionBody } from '../../../domain/plan/planContent';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/plan/examplePlan.json', import.meta.url), 'utf8'));

/** Every { frequency, labelZh } object in a value. */
function schedules(value: unknown): { frequency: { every: number; unit: string }; labelZh?: string }[] {
  if (Array.isArray(value)) return value.flatMap(schedules);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('frequency' in o) return [o as never];
    return Object.values(o).flatMap(schedules);
  }
  return [];
}

describe('plan content schema', () => {
  it('the fixture is the example plan and is valid', () => {
    expect(planContentSchema.parse(fixture)).toEqual(fixture);
    expect(fixture).toEqual(JSON.parse(JSON.stringify(examplePlanContent)));
  });

  it('the fixture has all 15 sections in the example order', () => {
    expect(Object.keys(fixture.sections)).toEqual([...planSectionKeys]);
    for (const key of planSectionKeys) expect(sectionBody(fixture, key)).toBeDefined();
  });

  it('every zh label in the example matches its normalised frequency', () => {
    const found = schedules(fixture);
    expect(found.length).toBeGreaterThanOrEqual(20);
    for (const s of found) {
      const label = s.labelZh!.startsWith('每') ? s.labelZh! : `每${s.labelZh}`;
      expect(parseFrequencyLabel(label)).toEqual(s.frequency);
    }
  });

  it('accepts an empty draft and a partially filled one', () => {
    expect(planContentSchema.safeParse({ sections: {} }).success).toBe(true);
    expect(planContentSchema.safeParse({ sections: { audit: { types: ['selfCheck'] } } }).success).toBe(true);
  });

  it('rejects unknown fields at any depth (strict objects)', () => {
    expect(planContentSchema.safeParse({ sections: {}, extra: 1 }).success).toBe(false);
    expect(planContentSchema.safeParse({ sections: { unknownSection: {} } }).success).toBe(false);
    expect(planContentSchema.safeParse({ sections: { audit: { schedule: { frequency: { every: 1, unit: 'year' }, foo: 1 } } } }).success).toBe(false);
    expect(planContentSchema.safeParse({ sections: { audit: { types: ['externalMagic'] } } }).success).toBe(false);
    expect(planContentSchema.safeParse({ sections: { inventory: { schedule: { frequency: { every: 0, unit: 'year' } } } } }).success).toBe(false);
  });

  it('any section, and the parts of §7, can be not applicable with a reason', () => {
    const content = {
      sections: {
        vendorOversight: { notApplicable: { reason: '無委外' } },
        dataSecurity: { hostedServices: { notApplicable: { reason: '未提供代管或SaaS' } } },
      },
    };
    const parsed = planContentSchema.parse(content);
    expect(isNotApplicable(parsed.sections.vendorOversight)).toBe(true);
    expect(sectionBody(parsed, 'vendorOversight')).toBeUndefined();
    expect(planContentSchema.safeParse({ sections: { audit: { notApplicable: { reason: '' } } } }).success).toBe(false);
    expect(planContentSchema.safeParse({ sections: { audit: { notApplicable: { reason: 'x' }, types: [] } } }).success).toBe(false);
  });
});
