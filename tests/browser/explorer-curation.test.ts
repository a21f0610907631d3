/**
 * The explorer's curation views in headless Chromium: facts asserted, ranked and retracted through the API
 * with a write key, then, in the explorer, the entity's facts with the retracted one struck through with its
 * reason, and its history (who, what, why) behind a toggle; a current fact's rank and history from the
 * evidence panel. The explorer stays read-only: every request it sends is a query. The test writes facts of its
 * own about entities of its own, so the other browser tests see the article's graph unchanged.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { bearer, issueApiKey } from '../support/api-keys.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const ARTIFACTS = path.join(PROJECT_ROOT, 'test-artifacts');
const KEY_NAME = 'explorer-curation-test';
const QUOTE = 'Qzcurator Labs works with Qzcurator Foundry';
const TEXT = `A note for the explorer's curation test. ${QUOTE}, and Qzcurator Labs owns Qzcurator Foundry.`;
const KEPT = 'qzcurator-labs-partners-with-foundry';
const RETRACTED = 'qzcurator-labs-owns-foundry';
/** Their ids as the API answers them (global ids), which the explorer shows. */
const KEPT_ID = `Fact:${KEPT}`;
const RETRACTED_ID = `Fact:${RETRACTED}`;
const REASON = 'The note says they work together, not that one owns the other.';

let server: TestServer;
let browser: Browser;
let key: string;
const problems: string[] = [];
/** Every GraphQL operation the page sent: the explorer must only ever query. */
const sent: string[] = [];

async function api(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(key) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`${query.slice(0, 40)}…: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data!;
}

const entity = (id: string, name: string) =>
  api('mutation E($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } } }', { input: { id, kind: 'ORGANIZATION', name, description: `${name}, for the explorer's curation test.` } });

function fact(id: string, type: string, quote: string) {
  const citations = [{ document: 'qzcurator-note', quote, saidBy: 'qzcurator-note', kind: 'EDITORIAL' }];
  const input = { id, type, subject: 'qzcurator-labs', object: 'qzcurator-foundry', statement: `Qzcurator Labs ${type === 'OWNS' ? 'owns' : 'partners with'} Qzcurator Foundry.`, modality: 'ACTUAL', citations };
  return api('mutation F($input: AssertFactInput!) { assertFact(input: $input) { fact { id } } }', { input });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer();
  key = await issueApiKey(server.app.db, 'WRITE', KEY_NAME);
  await api('mutation D($input: AddDocumentInput!) { addDocument(input: $input) { document { id } } }', {
    input: { id: 'qzcurator-note', name: 'Qzcurator note', description: 'A note for the curation test.', text: TEXT, language: 'en', published: { value: '2026-12', precision: 'MONTH' } },
  });
  await entity('qzcurator-labs', 'Qzcurator Labs');
  await entity('qzcurator-foundry', 'Qzcurator Foundry');
  await fact(KEPT, 'PARTNERS_WITH', QUOTE);
  await fact(RETRACTED, 'OWNS', 'Qzcurator Labs owns Qzcurator Foundry');
  await api('mutation R($id: ID!, $reason: String!) { retractFact(id: $id, reason: $reason) { fact { id } } }', { id: RETRACTED, reason: REASON });
  await api('mutation P($id: ID!) { setFactRank(id: $id, rank: PREFERRED, reason: "The note states it.") { fact { id } } }', { id: KEPT });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql')) sent.push(String((JSON.parse(request.postData() ?? '{}') as { query?: string }).query));
  });
  await page.goto(`${server.baseUrl}/explorer/${query}`);
  return page;
}

const idle = (page: Page) => expect.poll(() => page.evaluate('!!window.explorer && window.explorer.isIdle()'), { timeout: 30_000 }).toBe(true);

describe('explorer: curation on demand', () => {
  it('lists an entity\'s facts with the retracted one struck through with its reason, and its history', async () => {
    const page = await openPage('?focus=qzcurator-labs');
    await page.getByRole('heading', { name: 'Qzcurator Labs' }).waitFor();
    await idle(page);
    const before = sent.length;
    // Nothing of the history is read until asked for.
    expect(sent.some((q) => /history|includeRetracted/.test(q))).toBe(false);
    await page.getByRole('button', { name: 'Show all facts, retracted included' }).click();
    const list = page.getByRole('list', { name: 'Facts, retracted included' });
    await list.waitFor();
    await idle(page);
    expect(sent.length).toBe(before + 1);

    const retracted = list.locator(`li[data-fact-id="${RETRACTED_ID}"]`);
    expect(await retracted.locator('s.statement').innerText()).toBe('Qzcurator Labs owns Qzcurator Foundry.');
    // Page-side expressions are strings: this file is compiled without DOM types.
    expect(await page.evaluate(`getComputedStyle(document.querySelector('li[data-fact-id="${RETRACTED_ID}"] s.statement')).textDecorationLine`)).toBe('line-through');
    expect(await retracted.locator('.retraction').innerText()).toMatch(new RegExp(`^Retracted in Revision:r\\d+ \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, by ${KEY_NAME}\\): ${REASON}$`));
    const kept = list.locator(`li[data-fact-id="${KEPT_ID}"]`);
    expect(await kept.locator('s').count()).toBe(0);
    expect(await kept.locator('.meta').innerText()).toContain('rank preferred');
    // Preferred facts first.
    expect(await page.evaluate("[...document.querySelectorAll('.fact-list > li')].map((item) => item.dataset.factId)")).toEqual([KEPT_ID, RETRACTED_ID]);

    await retracted.getByRole('button', { name: 'Show rank and history' }).click();
    const revisions = retracted.getByRole('list', { name: 'Revisions, oldest first' });
    await revisions.waitFor();
    await idle(page);
    const lines = await revisions.locator(':scope > li').allInnerTexts();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^Revision:r\\d+ · .* UTC · by ${KEY_NAME} \\(key\\)`));
    expect(lines[0]).toContain(`assert fact ${RETRACTED_ID}`);
    expect(lines[1]).toContain(`retract fact ${RETRACTED_ID}`);
    expect(lines[1]).toContain(`reason: ${REASON}`);
    expect(await retracted.locator('.rank').innerText()).toMatch(/^Rank: normal · last changed in Revision:r\d+$/);
    // The retraction is said once, beside the statement, not again in the history.
    expect(await retracted.locator('.retraction').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-retracted-facts.png') });

    // The toggle hides what it showed.
    await page.getByRole('button', { name: 'Hide the facts' }).click();
    expect(await list.isVisible()).toBe(false);
    await page.close();
  });

  it('shows a current fact\'s rank and history from the evidence panel', async () => {
    const page = await openPage(`?focus=qzcurator-labs&edge=${encodeURIComponent((await relationId()) ?? 'missing')}`);
    await page.locator('.panel .fact').waitFor();
    await idle(page);
    await page.getByRole('button', { name: 'Show rank and history' }).click();
    const history = page.locator('.panel .history');
    await history.getByRole('list', { name: 'Revisions, oldest first' }).waitFor();
    await idle(page);
    expect(await history.locator('.rank').innerText()).toMatch(/^Rank: preferred · last changed in Revision:r\d+$/);
    const lines = await history.locator('.revision').allInnerTexts();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`set rank ${KEPT_ID}: NORMAL → PREFERRED · reason: The note states it.`);
    // The retracted fact's relation is not drawn: only current facts are.
    const view = (await page.evaluate('window.explorer.view()')) as { edges: { fact: string }[] };
    expect(view.edges.map((e) => e.fact)).not.toContain(RETRACTED_ID);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-fact-history.png') });
    await page.close();
  });

  it('never sent anything but queries, and logged no error', () => {
    expect(sent.length).toBeGreaterThan(4);
    expect(sent.filter((query) => !/^\s*query\b/.test(query))).toEqual([]);
    expect(problems).toEqual([]);
  });
});

/** The id of the kept fact's relation, as the explorer names its edges. */
async function relationId(): Promise<string | undefined> {
  const data = await api('query R { relations(from: "qzcurator-labs", type: PARTNERS_WITH) { nodes { id } } }');
  return (data.relations.nodes as { id: string }[])[0]?.id;
}
