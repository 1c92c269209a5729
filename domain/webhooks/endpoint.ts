/**
 * Webhook endpoint rules: what an endpoint receives, which secrets sign for it (the current one
 * and, during a rotation's overlap, the previous one), and how many a tenant may register.
 */
import { fail, ok, type Outcome } from '../shared/outcome';
import type { WebhookEventType } from './eventCatalog';

/** Bounds the fan-out of one event, so draining stays within one transaction per event. */
export const MAX_ENDPOINTS_PER_TENANT = 10;
export const DEFAULT_ROTATION_OVERLAP_HOURS = 24;
export const MAX_ROTATION_OVERLAP_HOURS = 7 * 24;
/** Subscribes to every type, present and future. */
export const ALL_EVENT_TYPES = '*';

export interface EndpointSubscription {
  eventTypes: readonly string[];
  enabled: boolean;
}

/** Test events go to the endpoint they name only, never by subscription. */
export function receives(endpoint: EndpointSubscription, type: WebhookEventType): boolean {
  if (!endpoint.enabled || type === 'webhook.test') return false;
  return endpoint.eventTypes.includes(ALL_EVENT_TYPES) || endpoint.eventTypes.includes(type);
}

export interface SecretSet<S> {
  current: S;
  previous: { secret: S; expiresAt: string } | null;
}

/** The secrets that sign at `now`: the current one, and the previous one until its overlap ends. */
export function signingSecrets<S>(secrets: SecretSet<S>, now: Date): S[] {
  const active = [secrets.current];
  if (secrets.previous && new Date(secrets.previous.expiresAt) > now) active.push(secrets.previous.secret);
  return active;
}

/** Rotation: the new secret signs at once; the old one keeps signing for `overlapHours`. */
export function rotateSecret<S>(secrets: SecretSet<S>, fresh: S, now: Date, overlapHours: number): SecretSet<S> {
  return {
    current: fresh,
    previous: overlapHours > 0 ? { secret: secrets.current, expiresAt: new Date(now.getTime() + overlapHours * 3600_000).toISOString() } : null,
  };
}

export function canRegisterAnother(existing: number): Outcome<true, 'WEBHOOK_ENDPOINT_LIMIT'> {
  if (existing >= MAX_ENDPOINTS_PER_TENANT) {
    return fail('forbiddenByRule', 'WEBHOOK_ENDPOINT_LIMIT', { zhTW: `每一租戶至多登錄 ${MAX_ENDPOINTS_PER_TENANT} 個 webhook 端點`, en: `A tenant may register at most ${MAX_ENDPOINTS_PER_TENANT} webhook endpoints` });
  }
  return ok(true);
}
