/**
 * Bounds on the shape of a JSON body, checked at the edge before anything walks it (the
 * Idempotency-Key fingerprint, the validators): nesting depth, array length and string length.
 * The scan is iterative and linear, so a body nested thousands of levels deep is refused with a
 * 400 instead of overflowing a recursive walk. The byte size is bounded before this (bodyLimit, 413).
 */
export const BODY_SHAPE_LIMITS = {
  /** The deepest schema of the API nests far less than this. */
  maxDepth: 32,
  maxArrayLength: 10_000,
  /** Characters; the longest free-text field of the API is far shorter. */
  maxStringLength: 100_000,
} as const;

export type BodyShapeViolation = 'depth' | 'arrayLength' | 'stringLength';

/** The first limit a JSON text breaks, or null. Malformed JSON is left to the JSON parser. */
export function bodyShapeViolation(text: string, limits: typeof BODY_SHAPE_LIMITS = BODY_SHAPE_LIMITS): BodyShapeViolation | null {
  // One entry per open container: -1 for an object, else the number of commas seen in the array
  // (its length is that + 1, so the bound is checked on commas).
  const open: number[] = [];
  let inString = false;
  let stringLength = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
      stringLength += 1;
      if (stringLength > limits.maxStringLength) return 'stringLength';
    } else if (char === '"') {
      inString = true;
      stringLength = 0;
    } else if (char === '{' || char === '[') {
      open.push(char === '{' ? -1 : 0);
      if (open.length > limits.maxDepth) return 'depth';
    } else if (char === '}' || char === ']') {
      open.pop();
    } else if (char === ',' && open.length > 0 && open[open.length - 1]! >= 0) {
      const commas = open[open.length - 1]! + 1;
      open[open.length - 1] = commas;
      if (commas >= limits.maxArrayLength) return 'arrayLength';
    }
  }
  return null;
}
