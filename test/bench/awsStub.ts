/**
 * Stand-ins for the AWS services a Lambda bundle calls before its first DynamoDB request, so the
 * bench can run the real bundles against DynamoDB Local: Secrets Manager (the cursor secret) and
 * STS (tenant-scoped credentials, answered with DynamoDB Local's fixed ones). Anything else gets {}.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startAwsStub(options: { secret: string; accessKeyId: string; secretAccessKey: string }): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      if (target.endsWith('GetSecretValue')) {
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify({ SecretString: options.secret, Name: 'bench', ARN: 'arn:aws:secretsmanager:ap-northeast-1:000000000000:secret:bench' }));
        return;
      }
      if (body.includes('Action=AssumeRole')) {
        const expires = new Date(Date.now() + 3600_000).toISOString();
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>${options.accessKeyId}</AccessKeyId><SecretAccessKey>${options.secretAccessKey}</SecretAccessKey><SessionToken>bench</SessionToken><Expiration>${expires}</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::000000000000:assumed-role/bench/bench</Arn><AssumedRoleId>AROA:bench</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata></AssumeRoleResponse>`);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
