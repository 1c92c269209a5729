import { describe, expect, it } from 'vitest';
import { BODY_SHAPE_LIMITS, bodyShapeViolation } from '../../../functions/http/bodyShape';
import { canonicalJson, CanonicalJsonDepthError } from '../../../domain/audit/auditChain';

describe('bodyShapeViolation (the edge bound before anything walks a body)', () => {
  it('accepts ordinary bodies, including brackets and quotes inside strings', () => {
    expect(bodyShapeViolation('{"a":[1,2,{"b":"x[[[{{{\\"]]"}],"c":null}')).toBeNull();
    expect(bodyShapeViolation('')).toBeNull();
  });

  it('refuses nesting deeper than the limit, and only then', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(bodyShapeViolation(nested(BODY_SHAPE_LIMITS.maxDepth))).toBeNull();
    expect(bodyShapeViolation(nested(BODY_SHAPE_LIMITS.maxDepth + 1))).toBe('depth');
    expect(bodyShapeViolation('{"a":'.repeat(5000) + '1' + '}'.repeat(5000))).toBe('depth');
  });

  it('refuses an array longer than the limit, and only then', () => {
    const array = (length: number) => `{"x":[${Array.from({ length }, () => '0').join(',')}]}`;
    expect(bodyShapeViolation(array(BODY_SHAPE_LIMITS.maxArrayLength))).toBeNull();
    expect(bodyShapeViolation(array(BODY_SHAPE_LIMITS.maxArrayLength + 1))).toBe('arrayLength');
    // Commas in an object do not count towards an array.
    const wideObject = `{${Array.from({ length: BODY_SHAPE_LIMITS.maxArrayLength + 5 }, (_, i) => `"k${i}":0`).join(',')}}`;
    expect(bodyShapeViolation(wideObject)).toBeNull();
  });

  it('refuses a string longer than the limit, and only then', () => {
    expect(bodyShapeViolation(`{"s":"${'x'.repeat(BODY_SHAPE_LIMITS.maxStringLength - 1)}"}`)).toBeNull();
    expect(bodyShapeViolation(`{"s":"${'x'.repeat(BODY_SHAPE_LIMITS.maxStringLength + 1)}"}`)).toBe('stringLength');
  });
});

describe('canonicalJson on hostile input', () => {
  it('throws its own error instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(CanonicalJsonDepthError);
  });

  it('still sorts keys at every level it walks', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});
