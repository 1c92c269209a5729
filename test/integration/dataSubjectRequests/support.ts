/** Shared set-up for the data-subject request tests: a movable clock and raw-table readers. */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
// The app first: it loads zod's OpenAPI extension before any domain schema is built.
import { createTestApi, type TestApi } from '../support/testApi';
import { zonedInstant } from '../../../domain/shared/isoDate';
import { decisionDutyId, decisionScheduleName } from '../../../functions/dataSubjectRequests/dataSubjectRequestDeadlines';
import type { RequestType } from '../../../domain/dataSubjectRequest/requestTypes';

export const taipei = (date: string, time = '10:00') => zonedInstant(date, time, 'Asia/Taipei');

export async function dsrTestApi(start: string) {
  const clock = { now: new Date(start) };
  const api = await createTestApi({ clock: () => clock.now });
  return { api, clock, setNow: (instant: string) => { clock.now = new Date(instant); } };
}

export function tenantTable(api: TestApi, tenantId: string): string {
  return `${api.deps.provisioning.tenantTablePrefix}${tenantId}`;
}

export async function partition(api: TestApi, tenantId: string, pk: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await api.deps.controlPlane.doc.send(new QueryCommand({
      TableName: tenantTable(api, tenantId),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ExclusiveStartKey: startKey,
    }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** The decision duty of one item and its tasks, as stored. */
export async function decisionDeadline(api: TestApi, tenantId: string, requestId: string, type: RequestType) {
  const items = await partition(api, tenantId, `DUTY#${decisionDutyId(requestId, type)}`);
  const duty = items.find((item) => item.sk === 'DUTY');
  const tasks = items.filter((item) => item.entity === 'ReviewTask');
  return { duty, tasks, open: tasks.filter((task) => task.status === 'open') };
}

export async function decisionSchedule(api: TestApi, tenantId: string, requestId: string, type: RequestType) {
  const { Item } = await api.deps.controlPlane.doc.send(new GetCommand({
    TableName: api.deps.controlPlane.tableName,
    Key: { pk: `SCHEDULE#${decisionScheduleName(tenantId, requestId, type)}`, sk: 'SCHEDULE' },
  }));
  return Item;
}

export const requester = {
  name: '王小明',
  email: 'xiaoming.wang@example.com',
  phone: '0912-345-678',
  postalAddress: '臺北市信義區市府路1號',
};
export const NATIONAL_ID = 'A123456789';

export function newRequestBody(types: RequestType[], overrides: Record<string, unknown> = {}) {
  return {
    channel: 'webForm',
    requester,
    identifiers: { nationalId: NATIONAL_ID, otherIdentifiers: [{ kind: 'memberNumber', value: 'M-20250001234' }] },
    items: types.map((type) => ({ type })),
    ...overrides,
  };
}
