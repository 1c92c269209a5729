/**
 * Lambda: the compliance console (/console/{proxy+}) and the public pages (/p/{proxy+}) behind the
 * same API Gateway. The console calls the API over HTTPS like any integration, with the signed-in
 * person's own credential; this function has no table access.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { handle } from 'hono/aws-lambda';
import { Hono } from 'hono';
import { createConsoleApp } from '../console/consoleApp';
import { consoleOptionsFromEnv, isPublicPagePath } from '../console/consoleSettings';
import { publicConsoleApp } from '../console/public/publicConsoleApp';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

let app: Promise<Hono> | undefined;

async function buildApp(): Promise<Hono> {
  // The session key is derived from the cursor secret the stack already keeps (consoleSessionKey).
  const secret = await new SecretsManagerClient({ region: required('AWS_REGION') }).send(new GetSecretValueCommand({ SecretId: required('CURSOR_SECRET_ARN') }));
  const options = consoleOptionsFromEnv(process.env, Buffer.from(secret.SecretString ?? '', 'utf8'));
  const consoleApp = createConsoleApp(options);
  const publicPages = publicConsoleApp({ apiBaseUrl: options.apiBaseUrl });
  // /p/... are the public pages (no account); everything else API Gateway sends here is /console.
  const root = new Hono();
  root.all('*', (c) => (isPublicPagePath(new URL(c.req.url).pathname) ? publicPages.fetch(c.req.raw) : consoleApp.fetch(c.req.raw)));
  return root;
}

type LambdaHandler = ReturnType<typeof handle>;

export const handler = async (event: Parameters<LambdaHandler>[0], context: Parameters<LambdaHandler>[1]) => {
  // Built once per cold start; the secret is read once.
  app ??= buildApp();
  return handle(await app)(event, context);
};
