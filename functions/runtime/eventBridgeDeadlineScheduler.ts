/**
 * One-time deadline schedules in EventBridge Scheduler: `at(...)` in UTC, deleted after they
 * fire, replaced when a deadline moves (create, or update when it exists).
 */
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  type SchedulerClient,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import type { DeadlineSchedule, DeadlineScheduler } from '../http/appDeps';

export interface EventBridgeSchedulerSettings {
  groupName: string;
  targetArn: string;
  roleArn: string;
  deadLetterQueueArn?: string;
}

/** Scheduler wants `at(yyyy-mm-ddThh:mm:ss)` without zone or milliseconds. */
export function atExpression(instant: string): string {
  return `at(${new Date(instant).toISOString().slice(0, 19)})`;
}

export function scheduleInput(settings: EventBridgeSchedulerSettings, schedule: DeadlineSchedule): CreateScheduleCommandInput {
  return {
    Name: schedule.name,
    GroupName: settings.groupName,
    ScheduleExpression: atExpression(schedule.at),
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: {
      Arn: settings.targetArn,
      RoleArn: settings.roleArn,
      Input: JSON.stringify({ kind: 'deadline', schedule }),
      RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
      ...(settings.deadLetterQueueArn ? { DeadLetterConfig: { Arn: settings.deadLetterQueueArn } } : {}),
    },
  };
}

export function createEventBridgeDeadlineScheduler(client: SchedulerClient, settings: EventBridgeSchedulerSettings): DeadlineScheduler {
  return {
    async upsert(schedule) {
      const input = scheduleInput(settings, schedule);
      try {
        await client.send(new CreateScheduleCommand(input));
      } catch (error) {
        if (!(error instanceof ConflictException)) throw error;
        await client.send(new UpdateScheduleCommand(input));
      }
    },
    async remove(name) {
      try {
        await client.send(new DeleteScheduleCommand({ Name: name, GroupName: settings.groupName }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    },
  };
}
