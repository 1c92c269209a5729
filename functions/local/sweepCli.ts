/**
 * `npm run sweep -- --as-of 2027-01-15 [--tenant tn_…] [--base-url http://localhost:3000] [--key pdpa_…]`
 *
 * Runs the review sweep "as of" a date against the running `npm start`, through the platform
 * endpoint POST /v1/platform/review-sweeps — the same code path as the daily schedule, so a
 * demo or a catch-up needs no second implementation. The key defaults to PDPA_OPERATOR_KEY; the
 * base URL to PDPA_BASE_URL, else the port `npm start` listens on (PORT, default 3000).
 */
import { parseArgs } from 'node:util';

/** Where `npm start` listens: the same PORT it reads, so both agree without a flag. */
const defaultBaseUrl = process.env.PDPA_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

const usage = `usage: npm run sweep -- --as-of <YYYY-MM-DD | ISO instant> [--tenant tn_…] [--base-url ${defaultBaseUrl}] [--key pdpa_…]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'as-of': { type: 'string' },
      tenant: { type: 'string' },
      'base-url': { type: 'string', default: defaultBaseUrl },
      key: { type: 'string', default: process.env.PDPA_OPERATOR_KEY },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values['as-of']) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  if (!values.key) {
    console.error('平台管理者金鑰未提供 / No platform-operator key: pass --key or set PDPA_OPERATOR_KEY (printed by the first `npm start`).');
    return 2;
  }
  const body = { asOf: values['as-of'], ...(values.tenant ? { tenantId: values.tenant } : {}) };
  let endpoint: URL;
  try {
    endpoint = new URL('/v1/platform/review-sweeps', values['base-url']);
  } catch {
    console.error(`基準網址無效 / Not a URL: ${values['base-url']} (--base-url or PDPA_BASE_URL)`);
    return 2;
  }
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${values.key}`, 'content-type': 'application/json', 'accept-language': 'zh-TW' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    console.error(`無法連線 POST ${endpoint.href}（是否已執行 npm start？埠號見 PORT／--base-url）/ Cannot reach POST ${endpoint.href} (is \`npm start\` running on that port? See PORT / --base-url): ${(error as Error).message}`);
    return 1;
  }
  const text = await response.text();
  if (!response.ok) {
    console.error(`POST ${endpoint.href} → HTTP ${response.status}\n${text}`);
    return 1;
  }
  const summary = JSON.parse(text) as Record<string, unknown>;
  console.log(`基準時間 as of ........ ${String(summary.asOf)}`);
  console.log(`租戶 tenants .......... ${String(summary.tenants)}`);
  console.log(`到期工作 tasks seen ... ${String(summary.tasksSeen)}`);
  console.log(`新開工作 tasks opened . ${String(summary.tasksOpened)}`);
  console.log(`提醒 reminders sent ... ${String(summary.remindersSent)}`);
  console.log(`郵件 mails sent/failed  ${String(summary.mailsSent)} / ${String(summary.mailsFailed)}`);
  if (Number(summary.tenantsFailed) > 0) console.log(`失敗租戶 tenants failed  ${String(summary.tenantsFailed)} (see the server log)`);
  return 0;
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(error.message);
  process.exit(1);
});
