/**
 * The local Neo4j's Java runtime: the classpath of Neo4j Community and APOC core, resolved by Maven from
 * Maven Central into the user's Maven cache. The resolved classpath is cached beside the data and
 * resolved again when neo4j/pom.xml changes.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../config/config.ts';
import type { Logger } from '../logging/logger.ts';

const run = promisify(execFile);
export const NEO4J_POM = path.join(PROJECT_ROOT, 'neo4j/pom.xml');
export const RUN_SCRIPT = path.join(PROJECT_ROOT, 'neo4j/run-neo4j.sh');

export interface Neo4jRuntime {
  /** Every jar, in Maven's order. */
  classpath: string[];
  /** The APOC jars, also copied to the plugins folder so Neo4j registers their procedures. */
  pluginJars: string[];
}

/** Resolves (first run: downloads) the Neo4j runtime; cheap when the cached classpath is current. */
export async function resolveRuntime(cacheDir: string, log: Logger): Promise<Neo4jRuntime> {
  mkdirSync(cacheDir, { recursive: true });
  const pomHash = createHash('sha256').update(readFileSync(NEO4J_POM)).digest('hex');
  const cacheFile = path.join(cacheDir, `classpath-${pomHash.slice(0, 16)}.txt`);
  let classpath = readCachedClasspath(cacheFile);
  if (!classpath) {
    log.info('Resolving Neo4j Community 5.26 and APOC core with Maven (the first run downloads them from Maven Central)…');
    classpath = await resolveWithMaven(cacheFile);
  }
  return { classpath, pluginJars: classpath.filter((jar) => /\/org\/neo4j\/procedure\/apoc-/.test(jar)) };
}

function readCachedClasspath(cacheFile: string): string[] | undefined {
  if (!existsSync(cacheFile)) return undefined;
  const jars = readFileSync(cacheFile, 'utf8').trim().split(path.delimiter).filter(Boolean);
  // The Maven cache may have been cleaned since: resolve again rather than start a broken JVM.
  return jars.length > 0 && jars.every((jar) => existsSync(jar)) ? jars : undefined;
}

async function resolveWithMaven(cacheFile: string): Promise<string[]> {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  const args = ['-B', '-q', '-f', NEO4J_POM, 'dependency:build-classpath', `-Dmdep.outputFile=${tmp}`];
  try {
    await run('mvn', args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    rmSync(tmp, { force: true });
    const e = error as { code?: string; stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error('Maven (mvn) is not installed: the local Neo4j is fetched with Maven. Install Maven and Java 17+, or set NEO4J_URI to use another Neo4j.');
    }
    const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`Maven could not resolve Neo4j from Maven Central (mvn ${args.join(' ')}):\n${output}`);
  }
  const jars = readFileSync(tmp, 'utf8').trim().split(path.delimiter).filter(Boolean);
  if (jars.length === 0) throw new Error(`Maven resolved an empty classpath for ${NEO4J_POM}`);
  // Atomic: a concurrent start (tests and npm start together) never reads a half-written file.
  renameSync(tmp, cacheFile);
  return jars;
}
