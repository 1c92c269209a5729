/**
 * The OpenAPI document as generated from the routes' zod schemas. Building it needs no AWS or
 * DynamoDB: the deps are never called while routes register.
 */
import { createApiApp } from '../http/app';
import { openApiDocument } from '../http/openApiDocument';
import type { AppDeps } from '../http/appDeps';
import { allAreas } from './areas';

export const COMMITTED_OPENAPI_PATH = 'openapi/openapi.json';

const inertDeps = new Proxy({} as AppDeps, {
  get(_target, property) {
    if (property === 'config') return { publicBaseUrl: 'http://localhost:3000', consoleBaseUrl: 'http://localhost:3000/console', bodyLimitBytes: 1024 * 1024 };
    if (property === 'logger') return { info() {}, warn() {}, error() {} };
    throw new Error(`deps.${String(property)} used while only building the OpenAPI document`);
  },
});

/**
 * The committed description names no host: '/' is the host that serves it (`npm start`:
 * http://localhost:3000; in AWS the API's own domain), so it is right wherever it is read from.
 */
export function buildOpenApiDocument() {
  return openApiDocument(createApiApp(inertDeps, allAreas), '/', 'The host serving this document (npm start: http://localhost:3000) / 提供本文件之主機');
}

export function serializeOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
