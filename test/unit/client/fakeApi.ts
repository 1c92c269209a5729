/**
 * A fake fetch for the client's unit tests: answers from a script and keeps every request it
 * was sent (headers and body as read by the "server").
 */
export interface SeenRequest {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: string;
}

export type Answer = (request: SeenRequest) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status, ...body }), { status, headers: { 'content-type': 'application/problem+json', ...headers } });
}

export function fakeApi(...answers: Answer[]) {
  const seen: SeenRequest[] = [];
  let next = 0;
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const entry: SeenRequest = { method: request.method, path: url.pathname, search: url.search, headers: new Headers(request.headers), body: await request.text() };
    seen.push(entry);
    const answer = answers[Math.min(next, answers.length - 1)];
    next += 1;
    if (!answer) throw new Error('fake API: no answer scripted');
    return answer(entry);
  };
  return { fetch, seen };
}

/** Records waits instead of sleeping, so retry tests run instantly and can check the delays. */
export function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (milliseconds: number) => void waits.push(milliseconds) };
}
