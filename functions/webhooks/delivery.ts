/**
 * One delivery attempt: POST the signed event to the endpoint with a few seconds' timeout, no
 * redirects followed (a 3xx is a failure the integrator sees), and the socket connected only to
 * addresses that passed the SSRF check (addressGuard.ts). The outcome is what the delivery
 * record keeps: time, status, latency and a short excerpt of the answer.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkEndpointUrl } from '../../domain/webhooks/endpointUrl';
import { AddressRefusedError, guardedLookup } from './addressGuard';
import type { DeliveryAttempt } from './webhookStore';

export const DEFAULT_TIMEOUT_MS = 5_000;
const EXCERPT_CHARS = 500;

export interface DeliveryOptions {
  localMode: boolean;
  timeoutMs?: number;
}

function readExcerpt(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      if (text.length < EXCERPT_CHARS) text += chunk;
      // Enough for the record: stop reading a large answer.
      if (text.length >= EXCERPT_CHARS) response.destroy();
    });
    response.on('end', () => resolve(text.slice(0, EXCERPT_CHARS)));
    response.on('close', () => resolve(text.slice(0, EXCERPT_CHARS)));
    response.on('error', () => resolve(text.slice(0, EXCERPT_CHARS)));
  });
}

/** Sends once; never throws (every failure is an attempt outcome). `at` is the attempt's recorded time. */
export async function postSigned(url: string, body: string, headers: Record<string, string>, options: DeliveryOptions, at: string): Promise<DeliveryAttempt> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const checked = checkEndpointUrl(url, { localMode: options.localMode });
  if (!checked.ok) return { at, status: null, latencyMs: 0, outcome: 'refused', excerpt: checked.error.message.en };
  const target = checked.value;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return new Promise<DeliveryAttempt>((resolve) => {
    const req = send(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'pdpa-compliance-webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
      lookup: guardedLookup(options.localMode),
      signal,
    }, (response) => {
      void readExcerpt(response).then((excerpt) => {
        const status = response.statusCode ?? 0;
        resolve({ at, status, latencyMs: latency(), outcome: status >= 200 && status < 300 ? 'delivered' : 'httpError', excerpt });
      });
    });
    req.on('error', (error: Error) => {
      const refused = error instanceof AddressRefusedError;
      const timedOut = signal.aborted;
      resolve({
        at,
        status: null,
        latencyMs: latency(),
        outcome: refused ? 'refused' : timedOut ? 'timeout' : 'networkError',
        excerpt: (refused ? `Refused: ${error.message}` : timedOut ? `Timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms` : `${error.name}: ${error.message}`).slice(0, EXCERPT_CHARS),
      });
    });
    req.end(body);
  });
}
