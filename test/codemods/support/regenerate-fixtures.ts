// Writes output.ts and report.txt of every codemod fixture from the current behaviour.
// Run after a deliberate change, then review the diff of codemods/fixtures/ by hand:
//   npx tsc -p tsconfig.json && node build/test/codemods/support/regenerate-fixtures.js [case...]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCodemod } from '../../../codemods/index.js';
import { FIXTURES_DIR, fixtureCases, prepareFixture } from './fixture-project.js';
import { reportLines } from './report-lines.js';

const only = process.argv.slice(2);
for (const name of fixtureCases()) {
  if (only.length && !only.includes(name)) continue;
  const fx = prepareFixture(name);
  try {
    const result = await runCodemod({ dir: fx.dir, write: true });
    writeFileSync(path.join(FIXTURES_DIR, name, 'output.ts'), readFileSync(fx.file, 'utf8'));
    writeFileSync(path.join(FIXTURES_DIR, name, 'report.txt'), reportLines(result.members));
    console.log(`${name}: ${result.summary}`);
  } finally {
    fx.cleanup();
  }
}
