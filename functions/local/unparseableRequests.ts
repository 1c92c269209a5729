/**
 * Requests Node's HTTP parser rejects before any app code runs (an unknown method such as
 * `CONNECTX`, a broken request line) still get a problem+json answer with a request id, as the
 * API does everywhere else: 501 for an unknown method (with `Allow`), 400 otherwise.
 */
import type { ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { newId } from '../store/ids';
import { ApiProblem, renderProblem } from '../http/problem';

export const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

export function rawProblemResponse(error: { code?: string }): string {
  const requestId = newId('req');
  const unknownMethod = error.code === 'HPE_INVALID_METHOD';
  const problem = unknownMethod
    ? new ApiProblem('methodNotImplemented', { detail: { zhTW: `本 API 僅支援 ${ALLOWED_METHODS}`, en: `This API supports ${ALLOWED_METHODS}` } })
    : new ApiProblem('malformedRequest', { detail: { zhTW: '無法解析此 HTTP 請求', en: 'The HTTP request could not be parsed' } });
  const body = JSON.stringify(renderProblem(problem, 'zh-TW', { requestId }));
  const statusLine = unknownMethod ? '501 Not Implemented' : '400 Bad Request';
  return [
    `HTTP/1.1 ${statusLine}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    ...(unknownMethod ? [`Allow: ${ALLOWED_METHODS}`] : []),
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

export function answerUnparseableRequests(server: ServerType): void {
  (server as Server).on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(rawProblemResponse(error));
  });
}
