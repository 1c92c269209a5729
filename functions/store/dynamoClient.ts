import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoConnection {
  /** Local endpoint (DynamoDB Local); undefined in AWS. */
  endpoint?: string;
  region?: string;
}

export function createDynamoClient(connection: DynamoConnection = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = { region: connection.region ?? process.env.AWS_REGION ?? 'ap-northeast-1' };
  if (connection.endpoint) {
    config.endpoint = connection.endpoint;
    // DynamoDB Local accepts any credentials; fixed ones keep one shared database.
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return new DynamoDBClient(config);
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
