/** CDK app: `npm run synth` (offline) / `npm run deploy` (see README). */
// First: zod schemas built after this import get .openapi() (see test/setup/zodOpenApi.ts).
import '@hono/zod-openapi';
import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { applyNagSuppressions } from './nagSuppressions';
import { PdpaComplianceStack } from './pdpaStack';

const app = new App();
const stage = (app.node.tryGetContext('stage') ?? 'dev') as 'dev' | 'prod';
if (stage !== 'dev' && stage !== 'prod') throw new Error('context "stage" must be dev or prod');
const stack = new PdpaComplianceStack(app, `PdpaCompliance-${stage}`, {
  stage,
  senderDomain: app.node.tryGetContext('sesSenderDomain') ?? 'example.com',
  publicBaseUrl: app.node.tryGetContext('publicBaseUrl') ?? 'https://api.example.com',
  consoleBaseUrl: app.node.tryGetContext('consoleBaseUrl') ?? 'https://console.example.com',
  alarmEmail: app.node.tryGetContext('alarmEmail') || undefined,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'ap-northeast-1' },
});
applyNagSuppressions(stack);
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));

