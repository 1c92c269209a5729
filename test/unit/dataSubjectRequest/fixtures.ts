import { expect } from 'vitest';
import {
  applyDataSubjectRequestEvent,
  createDataSubjectRequest,
  type CreateDataSubjectRequestContext,
  type DataSubjectRequest,
  type DataSubjectRequestErrorCode,
  type DataSubjectRequestEventInput,
  type NewDataSubjectRequestInput,
} from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import type { RequestType } from '../../../domain/dataSubjectRequest/requestTypes';
import { zonedInstant } from '../../../domain/shared/isoDate';

export const TZ = 'Asia/Taipei';
/** A Taipei wall-clock time as an ISO instant. */
export const taipei = (date: string, time = '10:00') => zonedInstant(date, time, TZ);

export function newRequestInput(types: RequestType[], overrides: Partial<NewDataSubjectRequestInput> = {}): NewDataSubjectRequestInput {
  return {
    receivedAt: taipei('2025-03-03'),
    channel: 'webForm',
    requester: { name: '王小明', email: 'xiaoming@example.com' },
    items: types.map((type) => ({ type })),
    ...overrides,
  };
}

export function created(
  types: RequestType[],
  overrides: Partial<NewDataSubjectRequestInput> = {},
  now = taipei('2025-03-03', '11:00'),
  context: Partial<CreateDataSubjectRequestContext> = {},
): DataSubjectRequest {
  const result = createDataSubjectRequest(newRequestInput(types, overrides), { id: 'DSR-2025-0001', caseNumber: 'DSR-1140303-0001', tenantId: 'tenant-1', actor: 'clerk', now, ...context });
  if (!result.ok) throw new Error(`create failed: ${result.error.code} ${result.error.message.en}`);
  return result.value;
}

export function apply(request: DataSubjectRequest, event: DataSubjectRequestEventInput, now: string): DataSubjectRequest {
  const result = applyDataSubjectRequestEvent(request, event, now);
  if (!result.ok) throw new Error(`${event.type} failed: ${result.error.code} ${result.error.message.en}`);
  return result.value;
}

export function expectError(request: DataSubjectRequest, event: DataSubjectRequestEventInput, now: string, code: DataSubjectRequestErrorCode) {
  const before = structuredClone(request);
  const result = applyDataSubjectRequestEvent(request, event, now);
  expect(result.ok, `expected ${code}`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  expect(result.error.message.zhTW.length).toBeGreaterThan(0);
  expect(result.error.message.en.length).toBeGreaterThan(0);
  // A rejected event leaves the request untouched.
  expect(request).toEqual(before);
  return result.error;
}

/** Received, verified and in progress. */
export function inProgress(types: RequestType[], overrides: Partial<NewDataSubjectRequestInput> = {}): DataSubjectRequest {
  let request = created(types, overrides);
  request = apply(request, { type: 'startIdentityVerification', actor: 'clerk' }, taipei('2025-03-03', '12:00'));
  return apply(request, { type: 'recordIdentityVerification', actor: 'clerk', outcome: 'verified', method: 'accountLogin', evidence: 'login-log-123' }, taipei('2025-03-03', '13:00'));
}
