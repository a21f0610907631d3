/**
 * The explorer on a synthetic hub with 5,000 neighbours (loaded through the real loader, removed after):
 * the first view draws one page, "Show more relations" pages on, the drawing stops at its cap with a visible
 * note, and the page stays responsive throughout. Figures and a screenshot are saved.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { loadKnowledgeFile } from '../../src/knowledge/loader.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const NEIGHBOURS = 5000;
const DATASET = 'synthetic-hub-5000';
const ARTIFACTS = path.join(PROJECT_ROOT, 'test-artifacts');

let server: TestServer;
let browser: Browser;
let dir: string;

const SOURCE_TEXT = 'Synthetic test data: one company and 5,000 products.';

function hubFile(): object {
  const pad = (i: number) => String(i).padStart(4, '0');
  const leaves = Array.from({ length: NEIGHBOURS }, (_, i) => ({ id: `synthetic-leaf-${pad(i)}`, kind: 'PRODUCT', name: `Synthetic product ${pad(i)}`, description: 'Test data.' }));
  return {
    format: 'kg-knowledge/1',
    id: DATASET,
    title: 'A synthetic hub with 5,000 neighbours (test data)',
    sources: [{ document: 'synthetic-hub-document', path: 'hub.txt', sha256: createHash('sha256').update(SOURCE_TEXT).digest('hex'), language: 'en' }],
    entities: [
      { id: 'synthetic-hub-document', kind: 'DOCUMENT', name: 'Synthetic hub test data', description: 'Test data.' },
      { id: 'synthetic-hub', kind: 'ORGANIZATION', name: 'Synthetic hub company', description: 'Test data: produces 5,000 products.' }, ...leaves],
    facts: leaves.map((leaf, i) => ({
      id: `synthetic-hub-produces-${pad(i)}`,
      type: 'PRODUCES',
      subject: 'synthetic-hub',
      object: leaf.id,
      statement: `The synthetic hub produces ${leaf.name}.`,
      modality: 'ACTUAL',
      background: true,
      basis: 'Synthetic test data.',
      citations: [],
    })),
  };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer();
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-hub-'));
  const file = path.join(dir, `${DATASET}.kg.json`);
  writeFileSync(path.join(dir, 'hub.txt'), SOURCE_TEXT);
  writeFileSync(file, JSON.stringify(hubFile()));
  const started = Date.now();
  await loadKnowledgeFile(server.app.db, file);
  console.log(`hub: loaded ${NEIGHBOURS} neighbours in ${Date.now() - started} ms`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  // Leave the shared database as other test files expect it.
  const driver = server?.app.db.driver;
  for (const cypher of [
    'MATCH (f:Fact {dataset: $dataset}) DETACH DELETE f',
    "MATCH (e:Entity) WHERE e.id STARTS WITH 'synthetic-' DETACH DELETE e",
    'MATCH (d:Dataset {id: $dataset}) DELETE d',
  ]) {
    await driver?.executeQuery(cypher, { dataset: DATASET }, { database: inject('neo4j').database });
  }
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('explorer on a hub with 5,000 neighbours', () => {
  it('pages the hub, caps the drawing with a note, and stays responsive', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    const nodes = () => page.evaluate('window.explorer.view().nodes.length') as Promise<number>;
    // Polled with evaluate: waitForFunction would need 'unsafe-eval', which the page's CSP forbids.
    const idle = () => expect.poll(() => page.evaluate('!!window.explorer && window.explorer.isIdle()'), { timeout: 30_000 }).toBe(true);

    let started = Date.now();
    await page.goto(`${server.baseUrl}/explorer/?focus=synthetic-hub`);
    await page.getByRole('heading', { name: 'Synthetic hub company' }).waitFor();
    await idle();
    const firstMs = Date.now() - started;
    expect(await nodes()).toBe(51);

    const pageTimes: number[] = [];
    const more = page.getByRole('button', { name: 'Show more relations' });
    for (let i = 0; i < 6; i++) {
      // Counted before the click: a page can be drawn before a count taken after the click would be read.
      const before = await nodes();
      started = Date.now();
      await more.click();
      await expect.poll(() => page.evaluate(`window.explorer.view().nodes.length > ${before} || document.getElementById('cap-note').hidden === false`), { timeout: 30_000 }).toBe(true);
      await idle();
      pageTimes.push(Date.now() - started);
      // Responsive: the page answers a trivial evaluation at once.
      const ping = Date.now();
      await page.evaluate('1 + 1');
      expect(Date.now() - ping).toBeLessThan(2000);
    }
    const drawn = await nodes();
    const note = page.locator('#cap-note');
    console.log(`hub: first view ${firstMs} ms (51 entities); "show more" pages took ${pageTimes.join(', ')} ms; drawn ${drawn} of ${NEIGHBOURS + 1}; note: ${await note.innerText()}`);
    expect(drawn).toBe(300);
    expect(await note.isVisible()).toBe(true);
    expect(await note.innerText()).toMatch(/at most 300 entities/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-hub-5000.png') });
    await page.close();
  });
});
