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
});
