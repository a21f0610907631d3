/** The machine and the versions a run was made with, for the report. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config.ts';

const PACKAGES = ['@apollo/server', 'graphql', 'neo4j-driver', 'fastify', '@neo4j/graphql', 'dataloader'];

function installedVersion(name: string): string {
  const require = createRequire(path.join(PROJECT_ROOT, 'package.json'));
  try {
    const manifest = path.join(PROJECT_ROOT, 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return (require(`${name}/package.json`) as { version: string }).version;
  }
}

export function benchVersions(): Record<string, string> {
  return { node: process.version, ...Object.fromEntries(PACKAGES.map((name) => [name, installedVersion(name)])) };
}

export function machineFacts(): { cpus: number; cpuModel: string; memoryGiB: number; os: string; loadAverageAtStart: number[] } {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}
