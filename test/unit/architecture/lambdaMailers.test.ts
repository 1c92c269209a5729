/**
 * A Lambda that may send mail (infra `sendsMail`, which grants SES) wires the SES mailer into its
 * deps, and one that may not leaves it out, so the SES client is only in the bundles that use it
 * (functions/runtime/awsDeps.ts `AwsDepsOptions.mailer`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_NEEDS, BACKGROUND_FUNCTIONS } from '../../../infra/pdpaStack';
import { areaGroups } from '../../../functions/apps/areas';

const root = join(import.meta.dirname, '../../..');
const entries = [
  ...Object.keys(areaGroups).map((group) => ({ file: `${group}Api.ts`, sendsMail: AREA_NEEDS[group]?.sendsMail ?? false })),
  ...Object.entries(BACKGROUND_FUNCTIONS).map(([name, needs]) => ({ file: `${name}.ts`, sendsMail: needs.sendsMail ?? false })),
];

describe('mail wiring of the Lambda entry points', () => {
  it.each(entries)('$file: wires the SES mailer exactly when infra lets it send mail', ({ file, sendsMail }) => {
    const source = readFileSync(join(root, 'functions/lambda', file), 'utf8');
    expect(source.includes('sesMailerFromEnvironment')).toBe(sendsMail);
  });
});
