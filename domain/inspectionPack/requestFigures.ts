/**
 * Data-subject request figures for a period, without personal data: requests received in the
 * period counted by right (PDPA Art. 3 rights, one count per item), by status, and by whether the
 * decision came within its time limit (Art. 13). Only types, statuses and decision flags are read.
 */
import { requestStatuses, type DataSubjectRequest, type RequestStatus } from '../dataSubjectRequest/dataSubjectRequest';
import { requestTypes, type RequestType } from '../dataSubjectRequest/requestTypes';
import { zonedDateOf } from '../shared/isoDate';
import type { InspectionPackPeriod } from './job';
import { dateWithin } from './period';

export type RequestFigureInput = Pick<DataSubjectRequest, 'status' | 'receivedAt'> & { items: readonly { type: RequestType; decision?: { late: boolean } }[] };

export interface RightFigures {
  items: number;
  decidedOnTime: number;
  decidedLate: number;
  undecided: number;
}

export interface RequestFigures {
  period: InspectionPackPeriod;
  requestsReceived: number;
  byRight: Record<RequestType, RightFigures>;
  byStatus: Record<RequestStatus, number>;
  /** Decided items whose decision came within the time limit, of all decided items (null when none). */
  onTimeRate: number | null;
}

export function requestFiguresOfPeriod(requests: readonly RequestFigureInput[], period: InspectionPackPeriod, timeZone: string): RequestFigures {
  const byRight = Object.fromEntries(requestTypes.map((type) => [type, { items: 0, decidedOnTime: 0, decidedLate: 0, undecided: 0 }])) as Record<RequestType, RightFigures>;
  const byStatus = Object.fromEntries(requestStatuses.map((status) => [status, 0])) as Record<RequestStatus, number>;
  let requestsReceived = 0;
  for (const request of requests) {
    if (!dateWithin(zonedDateOf(request.receivedAt, timeZone), period)) continue;
    requestsReceived += 1;
    byStatus[request.status] += 1;
    for (const item of request.items) {
      const figures = byRight[item.type];
      figures.items += 1;
      if (!item.decision) figures.undecided += 1;
      else if (item.decision.late) figures.decidedLate += 1;
      else figures.decidedOnTime += 1;
    }
  }
  const rights = Object.values(byRight);
  const decided = rights.reduce((sum, r) => sum + r.decidedOnTime + r.decidedLate, 0);
  const onTime = rights.reduce((sum, r) => sum + r.decidedOnTime, 0);
  return { period, requestsReceived, byRight, byStatus, onTimeRate: decided === 0 ? null : onTime / decided };
}
