/**
 * Builds in AWS: the API Lambda invokes the builder Lambda asynchronously (InvocationType Event:
 * Lambda queues the event and answers 202 at once), so the request returns while the pack builds.
 * The builder's name comes from INSPECTION_PACK_BUILDER_FUNCTION (infra/constructs/inspectionPackBuilder.ts).
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { InspectionPackBuilds } from '../http/appDeps';

export function createLambdaBuilds(options: { functionName: string; client: Pick<LambdaClient, 'send'> }): InspectionPackBuilds {
  return {
    async start(request) {
      const result = await options.client.send(new InvokeCommand({
        FunctionName: options.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify({ tenantId: request.tenantId, inspectionPackId: request.inspectionPackId })),
      }));
      if (result.StatusCode !== 202) throw new Error(`the inspection-pack builder was not queued (status ${result.StatusCode})`);
    },
  };
}

/** From the Lambda environment; the client is created on the first build. */
export function lambdaBuildsFromEnvironment(): InspectionPackBuilds {
  let builds: InspectionPackBuilds | undefined;
  return {
    start(request) {
      if (!builds) {
        const functionName = process.env.INSPECTION_PACK_BUILDER_FUNCTION;
        if (!functionName) return Promise.reject(new Error('missing environment variable INSPECTION_PACK_BUILDER_FUNCTION'));
        builds = createLambdaBuilds({ functionName, client: new LambdaClient({ region: process.env.AWS_REGION }) });
      }
      return builds.start(request);
    },
  };
}
