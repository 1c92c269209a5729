/**
 * The "too large" rule: an evidence file bigger than the per-file limit is listed in the manifest
 * (hash, size, storage key) instead of copied into the archive, and once the archive's evidence
 * budget is spent the rest are listed too. Both bound the builder's memory (the ZIP is built in
 * memory) and keep the download practical; the listed objects stay in the same store under the
 * same retention, so the inspector can still be handed them one by one.
 */
export const EVIDENCE_INCLUDE_LIMIT_BYTES = 25 * 1024 * 1024;
export const EVIDENCE_PACK_BUDGET_BYTES = 400 * 1024 * 1024;

export interface EvidenceCandidate {
  evidenceId: string;
  sizeBytes: number;
}

export interface EvidencePlacement<T extends EvidenceCandidate> {
  include: T[];
  listOnly: { file: T; reason: 'tooLarge' | 'packBudget' }[];
}

/** Decides in the given order (the builder passes oldest first), so the same records place the same way. */
export function placeEvidence<T extends EvidenceCandidate>(
  files: readonly T[],
  limits: { perFileBytes: number; budgetBytes: number } = { perFileBytes: EVIDENCE_INCLUDE_LIMIT_BYTES, budgetBytes: EVIDENCE_PACK_BUDGET_BYTES },
): EvidencePlacement<T> {
  const include: T[] = [];
  const listOnly: EvidencePlacement<T>['listOnly'] = [];
  let spent = 0;
  for (const file of files) {
    if (file.sizeBytes > limits.perFileBytes) listOnly.push({ file, reason: 'tooLarge' });
    else if (spent + file.sizeBytes > limits.budgetBytes) listOnly.push({ file, reason: 'packBudget' });
    else {
      include.push(file);
      spent += file.sizeBytes;
    }
  }
  return { include, listOnly };
}
