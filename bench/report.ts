/**
 * `npm run bench:report`: renders BENCHMARKS.md and the chart again from bench/results/latest.json (the last
 * `npm run bench`), without running anything: for changes to the report's layout. The numbers stay the run's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/config.ts';
import type { BenchRun } from './compare/results.ts';
import { writeReport } from './compare/report.ts';

const resultsDir = path.join(PROJECT_ROOT, 'bench/results');
const run = JSON.parse(readFileSync(path.join(resultsDir, 'latest.json'), 'utf8')) as BenchRun;
const written = await writeReport(run, path.join(PROJECT_ROOT, 'BENCHMARKS.md'), resultsDir);
console.log(`Rendered the run of ${run.date}: ${written.files.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
