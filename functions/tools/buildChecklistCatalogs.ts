/**
 * `npm run catalogs [seed-file]`: parses the three checklists of the e-commerce transaction
 * security standard (seed 003) and writes them as committed JSON under
 * domain/assessment/catalogs/. The only I/O around the pure parser; output is deterministic
 * (same text → byte-identical files). Anomalies the parser noticed are printed, and explained in
 * domain/assessment/catalogs/DIFFERENCES.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countCatalog } from '../../domain/assessment/catalog';
import { parseEcommerceChecklist } from '../../domain/assessment/ecommerceChecklistParser';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedPath = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/seeds/003_9240eef1902045ab.txt'));
const outDir = resolve(repoRoot, 'domain/assessment/catalogs');

const parsed = parseEcommerceChecklist(readFileSync(seedPath, 'utf8'));
if (!parsed.ok) {
  console.error(parsed.error.message.en);
  process.exit(1);
}
for (const catalog of parsed.value.catalogs) {
  const file = resolve(outDir, `${catalog.catalogId}.json`);
  writeFileSync(file, `${JSON.stringify(catalog, null, 2)}\n`);
  console.log(`wrote ${file}`, countCatalog(catalog));
}
for (const anomaly of parsed.value.anomalies) console.log(`anomaly ${anomaly.catalogId} line ${anomaly.line} ${anomaly.kind} ${anomaly.number}: ${anomaly.detail}`);
