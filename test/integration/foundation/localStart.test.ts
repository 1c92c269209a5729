/**
 * `npm start` as a newcomer runs it: the whole stack comes up, serves /docs, prints the operator
 * key on the first start only, keeps data across restarts, and says so in one line when Java is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../functions/local/dynamoDbLocal';

const root = join(import.meta.dirname, '../../..');
const tsxCli = join(root, 'node_modules/tsx/dist/cli.mjs');
const localDir = mkdtempSync(join(tmpdir(), 'pdpa-start-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill('SIGTERM');
  rmSync(localDir, { recursive: true, force: true });
});

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [tsxCli, 'functions/local/start.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(child: ChildProcess, exited: Promise<number | null>) {
  child.kill('SIGTERM');
  await exited;
}

describe('npm start', () => {
  it('says in one line that Java is missing and exits non-zero', async () => {
    const bin = join(localDir, 'bin-without-java');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const run = start({ PATH: bin, PDPA_LOCAL_DIR: join(localDir, 'nojava') });
    const code = await run.exited;
    expect(code).not.toBe(0);
    const lines = run.output().split('\n').filter((line) => line.includes('Java'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Java 17+ is required for DynamoDB Local');
  }, 60_000);

  it('serves the API and /docs, prints the operator key once, and keeps data across restarts', async () => {
    const port = await freePort();
    const env = { PORT: String(port), PDPA_LOCAL_DIR: join(localDir, 'data') };
    const first = start(env);
    await waitFor(() => first.output().includes('API reference'), 90_000);
    expect(first.output()).toContain(`http://localhost:${port}`);
    // The key is printed last, in a write of its own: wait for it rather than race the pipe.
    await waitFor(() => /pdpa_[0-9a-z]{12}_[A-Za-z0-9_-]{43}/.test(first.output()), 10_000).catch(() => undefined);
    const key = /pdpa_[0-9a-z]{12}_[A-Za-z0-9_-]{43}/.exec(first.output())?.[0];
    expect(key).toBeDefined();
    const docs = await fetch(`http://localhost:${port}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
    const spec = (await (await fetch(`http://localhost:${port}/openapi.json`)).json()) as { openapi: string };
    expect(spec.openapi).toBe('3.1.0');
    const listed = await fetch(`http://localhost:${port}/v1/platform/tenants`, { headers: { authorization: `Bearer ${key}` } });
    expect(listed.status).toBe(200);

    // `npm run sweep -- --as-of …` against the running server puts reminder mail in the outbox.
    const onboarded = await fetch(`http://localhost:${port}/v1/platform/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ companyName: '本機測試股份有限公司', taxId: '22099131', sector: 'digitalEconomy', paidInCapital: 1e7, personalDataRecordCount: 6000, contact: { name: '王小明', email: 'dpo@example.com' } }),
    });
    expect(onboarded.status).toBe(201);
    const sweepAsOf = async (asOf: string) => {
      const sweep = spawn(process.execPath, [tsxCli, 'functions/local/sweepCli.ts', '--as-of', asOf, '--base-url', `http://localhost:${port}`, '--key', key!], { cwd: root, stdio: 'pipe' });
      return new Promise<number | null>((resolve) => sweep.once('exit', resolve));
    };
    // Today opens the default duties (first due one period on); eighteen months later they are overdue.
    expect(await sweepAsOf(new Date().toISOString().slice(0, 10))).toBe(0);
    expect(await sweepAsOf(new Date(Date.now() + 548 * 86_400_000).toISOString().slice(0, 10))).toBe(0);
    const outbox = readdirSync(join(localDir, 'data', 'outbox')).filter((name) => name.endsWith('.eml'));
    expect(outbox.length).toBeGreaterThan(0);
    expect(readFileSync(join(localDir, 'data', 'outbox', outbox[0]!), 'utf8')).toContain('To: ');
    await stop(first.child, first.exited);

    const second = start(env);
    await waitFor(() => second.output().includes('API reference'), 90_000);
    expect(second.output()).not.toMatch(/pdpa_[0-9a-z]{12}_/);
    const again = await fetch(`http://localhost:${port}/v1/platform/tenants`, { headers: { authorization: `Bearer ${key}` } });
    expect(again.status).toBe(200);
    await stop(second.child, second.exited);
  }, 240_000);
});
