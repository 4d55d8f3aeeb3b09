// `node dist/test/bench/merge-results.js <run.json>`: merges the rows of one `--json` run
// (usually `--only` a few commands) into bench/results-<shape>.json, replacing the rows of
// the same commands and marking each with when it ran (`ranAt`), then regenerates
// bench/README.md and the chart. Reruns of a few commands then need no full run of the
// shape, and the tables still say which rows are newer than the file's own date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rewriteReadme } from './report.js';
import type { BenchDocument } from './document.js';

function main(argv: string[]): void {
  const [runFile] = argv;
  if (runFile === undefined) throw new Error('usage: merge-results.js <run.json>');
  const run = JSON.parse(readFileSync(runFile, 'utf8')) as BenchDocument;
  const dir = resolve(process.cwd(), 'bench');
  const target = join(dir, `results-${run.shape}.json`);
  const saved = JSON.parse(readFileSync(target, 'utf8')) as BenchDocument;
  const fresh = new Map(run.results.map((r) => [r.command, { ...r, ranAt: run.startedAt }]));
  const results = saved.results.map((r) => fresh.get(r.command) ?? r);
  for (const r of fresh.values()) if (!results.includes(r)) results.push(r);
  writeFileSync(target, `${JSON.stringify({ ...saved, results }, null, 2)}\n`);
  process.stderr.write(`merged ${[...fresh.keys()].join(', ')} into ${[target, ...rewriteReadme(dir)].join(', ')}\n`);
}

main(process.argv.slice(2));
