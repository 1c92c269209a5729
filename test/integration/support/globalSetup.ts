/** One in-memory DynamoDB Local per test run, on a random free port; stopped after. */
import type { TestProject } from 'vitest/node';
import { freePort, startDynamoDbLocal } from '../../../functions/local/dynamoDbLocal';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
