import { describe, expect, it } from 'vitest';
import { requestFiguresOfPeriod, type RequestFigureInput } from '../../../domain/inspectionPack';

const period = { from: '2025-01-01', to: '2025-12-31' };
const request = (receivedAt: string, status: RequestFigureInput['status'], items: RequestFigureInput['items']): RequestFigureInput => ({ receivedAt, status, items });

describe('data-subject request figures of a period', () => {
  const requests = [
    request('2025-03-01T02:00:00Z', 'closed', [{ type: 'copy', decision: { late: false } }, { type: 'inquiry', decision: { late: true } }]),
    request('2025-05-01T02:00:00Z', 'inProgress', [{ type: 'copy' }]),
    // 2024-12-31 16:30 UTC is 2025-01-01 00:30 in Taipei: inside.
    request('2024-12-31T16:30:00Z', 'decided', [{ type: 'deletion', decision: { late: false } }]),
    // Outside the period on either side.
    request('2024-12-31T15:30:00Z', 'closed', [{ type: 'copy', decision: { late: false } }]),
    request('2026-01-01T02:00:00Z', 'received', [{ type: 'copy' }]),
  ];

  it('counts requests received in the period by right, status and timeliness', () => {
    const figures = requestFiguresOfPeriod(requests, period, 'Asia/Taipei');
    expect(figures.requestsReceived).toBe(3);
    expect(figures.byRight.copy).toEqual({ items: 2, decidedOnTime: 1, decidedLate: 0, undecided: 1 });
    expect(figures.byRight.inquiry).toEqual({ items: 1, decidedOnTime: 0, decidedLate: 1, undecided: 0 });
    expect(figures.byRight.deletion).toEqual({ items: 1, decidedOnTime: 1, decidedLate: 0, undecided: 0 });
    expect(figures.byStatus).toMatchObject({ closed: 1, inProgress: 1, decided: 1, received: 0 });
    expect(figures.onTimeRate).toBeCloseTo(2 / 3);
  });

  it('no decided item: no on-time rate', () => {
    expect(requestFiguresOfPeriod([requests[1]!], period, 'Asia/Taipei').onTimeRate).toBeNull();
  });

  it('carries no personal data: only counts', () => {
    const json = JSON.stringify(requestFiguresOfPeriod(requests, period, 'Asia/Taipei'));
    expect(json).not.toMatch(/receivedAt|requester|name/);
  });
});
