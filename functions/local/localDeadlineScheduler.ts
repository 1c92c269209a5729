/**
 * Local stand-in for EventBridge Scheduler one-time schedules: schedules are rows in the
 * control plane (PK=SCHEDULE#<name>, GSI byResource gsi1pk=SCHEDULES gsi1sk=<at>#<name>)
 * and the local scheduler loop fires those whose time has come.
 */
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryFirst } from '../store/entityModel';
import type { DeadlineSchedule, DeadlineScheduler } from '../http/appDeps';
import { controlPlaneIndexes, tenantKeys } from '../store/tableDesign';

export interface LocalDeadlineScheduler extends DeadlineScheduler {
  /** Schedules due at or before `now`, oldest first. */
  due(now: Date, limit?: number): Promise<DeadlineSchedule[]>;
}

export function createLocalDeadlineScheduler(doc: DynamoDBDocumentClient, tableName: string): LocalDeadlineScheduler {
  return {
    async upsert(schedule) {
      await doc.send(new PutCommand({
        TableName: tableName,
        Item: { ...tenantKeys.schedule(schedule.name), entity: 'DeadlineSchedule', ...schedule, gsi1pk: 'SCHEDULES', gsi1sk: `${schedule.at}#${schedule.name}` },
      }));
    },
    async remove(name) {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: tenantKeys.schedule(name) }));
    },
    async due(now, limit = 100) {
      // Schedules by time: gsi1pk=SCHEDULES gsi1sk=<at>#<name>; '~' sorts after any name.
      const items = await queryFirst({ doc, tableName }, { index: controlPlaneIndexes.byResource, pk: 'SCHEDULES', sk: { atMost: `${now.toISOString()}#~` } }, limit);
      return items.map((item) => ({ name: item.name, tenantId: item.tenantId, at: item.at, target: item.target }) as DeadlineSchedule);
    },
  };
}
