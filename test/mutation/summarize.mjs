/* global process, console */
// Prints one REPORT.md table row per folder from the JSON reports runFolders.sh leaves in .stryker/.
// Usage: node test/mutation/summarize.mjs audit shared …
import { readFileSync } from 'node:fs';

for (const folder of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(`.stryker/${folder}.json`, 'utf8'));
  const count = {};
  for (const file of Object.values(report.files)) for (const mutant of file.mutants) count[mutant.status] = (count[mutant.status] ?? 0) + 1;
  const n = (status) => count[status] ?? 0;
  const detected = n('Killed') + n('Timeout');
  const valid = detected + n('Survived') + n('NoCoverage');
  const score = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(2)}%`;
  console.log(`| domain/${folder} | ${valid} | ${n('Killed')} | ${n('Survived')} | ${n('NoCoverage')} | ${n('Timeout')} | ${n('Ignored')} | ${score} |`);
}
