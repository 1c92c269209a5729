/** Local key material, created once under .local/ (git-ignored) and reused across restarts. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  masterKey: Buffer;
  cursorSecret: Buffer;
}

export function loadOrCreateLocalSecrets(localDir: string): LocalSecrets {
  const file = join(localDir, 'keys', 'local-secrets.json');
  if (!existsSync(file)) {
    mkdirSync(join(localDir, 'keys'), { recursive: true });
    writeFileSync(file, JSON.stringify({ masterKey: randomBytes(32).toString('base64'), cursorSecret: randomBytes(32).toString('base64') }), { mode: 0o600 });
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { masterKey: string; cursorSecret: string };
  return { masterKey: Buffer.from(parsed.masterKey, 'base64'), cursorSecret: Buffer.from(parsed.cursorSecret, 'base64') };
}
