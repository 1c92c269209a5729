/**
 * When a failed delivery is tried again: exponential backoff with full jitter (AWS Architecture
 * Blog, "Exponential Backoff And Jitter"), so endpoints that come back after an outage are not
 * hit by every tenant's retries at once. Retries continue for RETRY_WINDOW_MS (about 3 days)
 * from the first attempt; after that the delivery is abandoned and the endpoint disabled.
 */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 8 * 3600_000;
export const RETRY_WINDOW_MS = 3 * 24 * 3600_000;
/** A floor, so a jitter near zero does not retry in a tight loop. */
const MIN_DELAY_MS = 5_000;

/** The delay before retry number `attempt` (1 = the first retry); `random` in [0, 1). */
export function retryDelayMs(attempt: number, random: number): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.max(MIN_DELAY_MS, Math.floor(random * ceiling));
}

/**
 * The next attempt after `attempts` failed ones, or null when the window is spent (abandon).
 * `firstAttemptAt`/`lastAttemptAt` are ISO instants.
 */
export function nextAttemptAt(firstAttemptAt: string, lastAttemptAt: string, attempts: number, random: number): string | null {
  const next = new Date(lastAttemptAt).getTime() + retryDelayMs(attempts, random);
  if (next - new Date(firstAttemptAt).getTime() > RETRY_WINDOW_MS) return null;
  return new Date(next).toISOString();
}

/** The ceilings of the whole schedule (no jitter): documentation and the bench. */
export function retryCeilingsMs(): number[] {
  const ceilings: number[] = [];
  let total = 0;
  for (let attempt = 1; total <= RETRY_WINDOW_MS; attempt += 1) {
    const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (attempt - 1));
    total += ceiling;
    if (total <= RETRY_WINDOW_MS) ceilings.push(ceiling);
  }
  return ceilings;
}
