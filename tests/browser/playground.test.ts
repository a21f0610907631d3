/**
 * The playground in a real browser (headless Chromium from the project's own dependencies): it renders offline from this server alone,
 * opens one tab per example, runs the first one against the real database and shows the answer, with no
 * Content-Security-Policy violation and no console error. A screenshot lands in test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { PLAYGROUND_EXAMPLES } from '../../src/http/playground-examples.ts';
import { issueApiKey } from '../support/api-keys.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const ARTIFACTS = path.join(PROJECT_ROOT, 'test-artifacts');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('playground in a browser', () => {
  it('renders from this server alone, runs the first example and shows its answer', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    const foreignRequests: string[] = [];
    const origin = new URL(server.baseUrl).origin;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
    });
    // Runs in the page (as source text: this file is compiled without DOM types).
    await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
      console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI));`);

    await page.goto(server.graphqlUrl, { waitUntil: 'load' });
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.graphiql-tab').count(), { timeout: 15_000 }).toBe(PLAYGROUND_EXAMPLES.length);
    // The first tab holds the first example.
    await expect.poll(() => page.locator('.graphiql-query-editor').first().innerText(), { timeout: 15_000 }).toContain('RedirectedH100s');

    await page.locator('.graphiql-execute-button').first().click();
    const response = page.locator('.graphiql-response').first();
    // Monaco renders only the visible lines, with non-breaking spaces: check the top of the answer.
    const shown = async () => (await response.innerText()).replace(/\u00a0/g, ' ');
    await expect.poll(shown, { timeout: 30_000 }).toContain('Elon Musk had 12,000 Nvidia H100');
    const text = await shown();
    expect(text).toContain('"role": "DECIDED_BY"');
    expect(text).not.toContain('"errors"');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') });
    expect(foreignRequests).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sends the API key entered as Authorization: Bearer, so that a write key is authorised to run a mutation', async () => {
    const key = await issueApiKey(server.app.db, 'WRITE', 'playground-test');
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const mutations: { authorization: string | undefined; status: number; body: string }[] = [];
    page.on('response', async (response) => {
      const request = response.request();
      if (request.method() !== 'POST' || !request.postData()?.includes('upsertEntity')) return;
      mutations.push({ authorization: request.headers().authorization, status: response.status(), body: await response.text() });
    });
    await page.goto(server.graphqlUrl, { waitUntil: 'load' });
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#api-key-status').innerText()).toMatch(/^No key: reads only/);

    // Replace the first tab's query with a mutation (inserted as text: typing would trigger auto-closing brackets).
    const mutation = 'mutation PlaygroundWrite { upsertEntity(input: {id: "playground-person", kind: PERSON, name: "Playground", description: "Written from the playground."}) { existed } }';
    await page.locator('.graphiql-query-editor').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(mutation);
    // GraphiQL reads the operation's name from the editor after a debounce; running before it has would ask
    // for the previous example's operation ("Cannot infer operation RedirectedH100s"). The tab's title is that name.
    await page.locator('.graphiql-tab', { hasText: 'PlaygroundWrite' }).first().waitFor({ timeout: 30_000 });
    const run = async (count: number) => {
      await page.locator('.graphiql-execute-button').first().click();
      await expect.poll(() => mutations.length, { timeout: 30_000 }).toBe(count);
      return mutations[count - 1]!;
    };

    const anonymous = await run(1);
    expect(anonymous.authorization).toBeUndefined();
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toContain('UNAUTHENTICATED');

    await page.locator('#api-key').fill(key);
    await page.locator('#api-key-use').click();
    expect(await page.locator('#api-key-status').innerText()).toMatch(/^Requests carry Authorization: Bearer kg_/);
    expect(await page.evaluate('sessionStorage.length')).toBe(1);
    const authorised = await run(2);
    expect(authorised.authorization).toBe(`Bearer ${key}`);
    // Authorised: whatever the mutation answers, it is not refused by access control.
    expect([401, 403]).not.toContain(authorised.status);
    expect(authorised.body).not.toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-api-key.png') });

    await page.locator('#api-key-forget').click();
    expect(await run(3)).toMatchObject({ authorization: undefined, status: 401 });
    await page.close();
  });
});
