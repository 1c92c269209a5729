/**
 * JSON Merge Patch (RFC 7396) one level deep, as the PATCH routes document it: `null` removes
 * a field, an absent (undefined) field keeps it, anything else replaces it. The result is
 * re-validated by the caller's parser, so it is typed as unknown.
 */
export function mergePatch(current: object, patch: Record<string, unknown>): unknown {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return merged;
}
