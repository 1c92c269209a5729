/**
 * Lambda: builds one inspection pack. The API Lambda serving /v1/inspection-packs invokes it
 * asynchronously with {tenantId, inspectionPackId}; it holds the heavy renderers (docx, exceljs)
 * and the generous memory and timeout (infra/constructs/inspectionPackBuilder.ts). Lambda's retry
 * of an async event finds the job already started and does nothing.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { buildInspectionPack, type InspectionPackBuildRequest } from '../inspectionPacks/buildInspectionPack';
import { createAwsDeps } from '../runtime/awsDeps';
import { s3ObjectStoreFromEnvironment } from '../storage/s3ObjectStore';
import { powertoolsLogger } from '../runtime/logger';

const logger = powertoolsLogger('pdpa-inspection-pack-builder');
let deps: ReturnType<typeof createAwsDeps> | undefined;

function isBuildRequest(event: unknown): event is InspectionPackBuildRequest {
  const candidate = event as Partial<InspectionPackBuildRequest> | null;
  return typeof candidate?.tenantId === 'string' && typeof candidate.inspectionPackId === 'string';
}

async function handle(event: unknown): Promise<{ status: string } | { status: 'ignored' }> {
  if (!isBuildRequest(event)) {
    logger.error('inspection pack builder: not a build request', { event });
    return { status: 'ignored' };
  }
  deps ??= createAwsDeps(logger, { objectStore: s3ObjectStoreFromEnvironment });
  const job = await buildInspectionPack(await deps, event);
  return { status: job?.status ?? 'ignored' };
}

export const handler = middy(handle).use(injectLambdaContext(logger.raw, { resetKeys: true }));
