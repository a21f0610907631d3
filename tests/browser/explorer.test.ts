/**
 * The explorer in headless Chromium against the real server and Neo4j: search "grok" and see xAI as its
 * owner; expand xAI by clicking it; click the Tesla edge of the H100 redirect and read "12 000 GPU H100"
 * highlighted in the article; find the path from Elon Musk to Grok; reload from the URL; export a PNG; press
 * Enter before the suggestions arrive and get the best hit; tell the blog's opinion from CNBC's report.
 * Screenshots of each state go to test-artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const ARTIFACTS = path.join(PROJECT_ROOT, 'test-artifacts');

interface View {
  nodes: { id: string; kind: string; shown: boolean }[];
  edges: { id: string; type: string; from: string; to: string; fact: string; shown: boolean }[];
}

let server: TestServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.baseUrl) && !/^(data|blob):/.test(request.url())) problems.push(`foreign request: ${request.url()}`);
  });
  await page.goto(`${server.baseUrl}/explorer/${query}`);
  return page;
}

// Page-side expressions are strings: this file is compiled without DOM types.
const view = (page: Page) => page.evaluate('window.explorer.view()') as Promise<View>;
// Polled with evaluate: waitForFunction would need 'unsafe-eval', which the page's CSP forbids.
const idle = (page: Page) => expect.poll(() => page.evaluate('!!window.explorer && window.explorer.isIdle()'), { timeout: 30_000 }).toBe(true);

async function click(page: Page, id: string) {
  const point = (await page.evaluate(`window.explorer.pointOf(${JSON.stringify(id)})`)) as { x: number; y: number } | null;
  if (!point) throw new Error(`${id} is not drawn`);
  await page.mouse.click(point.x, point.y);
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, name) });

describe('explorer', () => {
  it('searches "grok", shows xAI as its owner, and expands xAI on click', async () => {
    const page = await openPage();
    await page.getByLabel('Search', { exact: true }).fill('grok');
    await page.getByRole('option', { name: /Grok/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Grok' }).waitFor();
    await idle(page);
    const first = await view(page);
    expect(first.edges).toContainEqual(expect.objectContaining({ type: 'OWNS', from: 'xai', to: 'grok' }));
    expect(page.url()).toContain('focus=grok');
    await shot(page, 'explorer-search-grok.png');

    const before = first.nodes.length;
    await click(page, 'xai');
    await page.getByRole('heading', { name: 'xAI' }).waitFor();
    await idle(page);
    const expanded = await view(page);
    expect(expanded.nodes.length).toBeGreaterThan(before);
    expect(expanded.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['xai-gpu-cluster-north-dakota', 'elon-musk']));
    expect(page.url()).toMatch(/expand=[^&]*xai/);
    await shot(page, 'explorer-expanded-xai.png');
    await page.close();
  });

  it('shows the quote behind the Tesla → X H100 allocation, highlighted in the article', async () => {
    const page = await openPage('?focus=h100-redirect-tesla-to-x');
    await page.getByRole('heading', { name: /redirect/i }).first().waitFor();
    await idle(page);
    const { edges } = await view(page);
    const giver = edges.find((e) => e.type === 'GIVER' && e.to === 'tesla');
    expect(giver).toBeDefined();
    expect(edges).toContainEqual(expect.objectContaining({ type: 'RECIPIENT', to: 'x' }));
    await click(page, giver!.id);
    const mark = page.locator('.panel mark', { hasText: '12 000 GPU H100' });
    await mark.first().waitFor();
    expect(await page.locator('.panel').innerText()).toMatch(/Quoted from Nvidia internal memo of December 2023, reported by CNBC/);
    await shot(page, 'explorer-evidence-h100.png');
    await page.close();
  });

  it('opens the best hit when Enter is pressed before the suggestions arrive', async () => {
    const page = await openPage();
    await idle(page);
    // Hold every search answer for a second, so Enter surely comes before any suggestion is shown.
    let searches = 0;
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('query Search')) {
        searches += 1;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      await route.continue();
    });
    const input = page.getByLabel('Search', { exact: true });
    await input.fill('dakota du nord');
    await input.press('Enter');
    expect(await page.getByRole('option').count()).toBe(0);
    await page.getByRole('heading', { name: 'North Dakota' }).waitFor();
    await idle(page);
    expect(page.url()).toContain('focus=north-dakota');
    expect((await view(page)).edges).toContainEqual(expect.objectContaining({ type: 'LOCATED_IN', to: 'north-dakota' }));
    expect(searches).toBeGreaterThanOrEqual(1);
    // The debounced search that Enter overtook must not reopen the list over the chosen entity.
    await page.waitForTimeout(1500);
    expect(await page.getByRole('option').count()).toBe(0);
    await shot(page, 'explorer-enter-at-once.png');

    await input.fill('zzzqqq');
    await input.press('Enter');
    await page.getByRole('status').filter({ hasText: 'No entity matches “zzzqqq”.' }).waitFor();
    expect(page.url()).toContain('focus=north-dakota');
    await page.close();
  });

  it('tells the blog\'s opinion ("Notre avis") from what CNBC reported, and marks a former goal', async () => {
    const opinion = await openPage('?focus=tesla-layoffs-2024-04&edge=Relation%3Atesla-announces-layoffs-2024-04%2FAGENT%2Ftesla');
    await opinion.locator('.panel .citation-source').first().waitFor();
    await idle(opinion);
    expect(await opinion.locator('.panel .citation-source').allInnerTexts()).toEqual(['Opinion of leblogauto.com']);
    expect(await opinion.locator('.panel .quantities li').allInnerTexts()).toEqual(['more than 10% of staff worldwide (“plus de 10 % de son personnel dans le monde”)']);
    await shot(opinion, 'explorer-evidence-opinion.png');
    await opinion.close();

    // A link from before global ids (the relation's key alone) still opens its relation.
    const reported = await openPage('?focus=tesla&edge=h100-redirect-delays-tesla-processors');
    await reported.locator('.panel .citation-source').first().waitFor();
    await idle(reported);
    expect(await reported.locator('.panel .citation-source').allInnerTexts()).toEqual(['Reported by CNBC', 'Written by leblogauto.com']);
    await reported.close();

    const goal = await openPage('?focus=tesla-20-million-vehicles-goal&edge=Relation%3Atesla-goal-20-million-vehicles-a-year%2FITEM%2Fvehicles');
    await goal.locator('.panel .citation-source').first().waitFor();
    await idle(goal);
    expect(await goal.locator('.panel .fact .meta').innerText()).toBe('SELLS · GOAL · former: no longer current');
    expect(await goal.locator('.panel .citation-source').allInnerTexts()).toEqual(['Opinion of leblogauto.com']);
    await goal.close();
  });

  it('finds the path from Elon Musk to Grok, keeps it in the URL, and rebuilds the same view on reload', async () => {
    const page = await openPage();
    await page.getByLabel('Path from').fill('Elon Musk');
    await page.getByLabel('to', { exact: true }).fill('grok');
    await page.getByRole('button', { name: 'Find path' }).click();
    await page.getByRole('status').filter({ hasText: 'Elon Musk → xAI → Grok' }).waitFor();
    await shot(page, 'explorer-path-musk-grok.png');
    const url = page.url();
    expect(url).toContain('path=elon-musk%2Cgrok');
    const drawn = await view(page);

    const again = await openPage(url.slice(url.indexOf('?')));
    await again.getByRole('status').filter({ hasText: 'Elon Musk → xAI → Grok' }).waitFor();
    const reloaded = await view(again);
    expect(reloaded.nodes.map((n) => n.id).sort()).toEqual(drawn.nodes.map((n) => n.id).sort());
    expect(reloaded.edges.map((e) => e.id).sort()).toEqual(drawn.edges.map((e) => e.id).sort());
    await page.close();
    await again.close();
  });

  it('exports the view as a PNG and as JSON', async () => {
    const page = await openPage('?focus=xai');
    await page.getByRole('heading', { name: 'xAI' }).waitFor();
    await idle(page);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    const pngPath = path.join(ARTIFACTS, 'explorer-export.png');
    await png.saveAs(pngPath);
    const bytes = readFileSync(pngPath);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const jsonPath = path.join(ARTIFACTS, 'explorer-export.json');
    await json.saveAs(jsonPath);
    const exported = JSON.parse(readFileSync(jsonPath, 'utf8')) as View;
    expect(exported.nodes.map((n) => n.id)).toContain('grok');
    await page.close();
  });

  it('filters by entity kind and by relation type, and says when a search finds nothing', async () => {
    const page = await openPage('?focus=xai');
    await page.getByRole('heading', { name: 'xAI' }).waitFor();
    await idle(page);
    await page.getByRole('checkbox', { name: 'product' }).uncheck();
    let drawn = await view(page);
    expect(drawn.nodes.find((n) => n.id === 'grok')?.shown).toBe(false);
    expect(drawn.nodes.find((n) => n.id === 'elon-musk')?.shown).toBe(true);
    await page.getByRole('checkbox', { name: 'product' }).check();
    await page.getByRole('checkbox', { name: 'founded' }).uncheck();
    drawn = await view(page);
    expect(drawn.edges.find((e) => e.type === 'FOUNDED')?.shown).toBe(false);
    expect(drawn.edges.find((e) => e.type === 'OWNS')?.shown).toBe(true);
    await shot(page, 'explorer-filtered.png');

    await page.getByLabel('Search', { exact: true }).fill('zzzqqq');
    await page.getByText('No entity matches “zzzqqq”.').waitFor();
    await page.close();
  });

  it('shows the server’s error when the API fails', async () => {
    const page = await openPage();
    // The answer the server gives while Neo4j is down (tests/integration/neo4j-restart-under-load.test.ts).
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: 'The database is unavailable; try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } }] }),
      }),
    );
    await page.getByLabel('Search', { exact: true }).fill('grok');
    await page.getByRole('status').filter({ hasText: 'Error: The database is unavailable; try again shortly.' }).waitFor();
    await shot(page, 'explorer-server-error.png');
    await page.close();
  });

  it('says so when the URL names an unknown entity', async () => {
    const page = await openPage('?focus=no-such-entity');
    await page.getByRole('status').filter({ hasText: 'No entity with id “no-such-entity”.' }).waitFor();
    await shot(page, 'explorer-unknown-id.png');
    await page.close();
    expect(problems).toEqual([]);
  });
});
