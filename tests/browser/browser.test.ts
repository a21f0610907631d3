/**
 * The tests' browser itself (tests/support/browser.ts): it comes from the project's dependencies, starts
 * without a system Chromium, and draws real glyphs. Without a font, Chromium draws every character as the
 * same empty box, so "i" and "W" would be equally wide; the explorer's labels would be unreadable.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the tests’ browser', () => {
  it('is the packaged Chromium unless CHROMIUM_PATH names another', () => {
    if (!process.env.CHROMIUM_PATH) expect(browser.version()).toMatch(/^1[5-9]\d\./);
    expect(browser.isConnected()).toBe(true);
  });

  it('renders text with real glyphs, accented French included', async () => {
    const page = await browser.newPage();
    await page.setContent('<body></body>');
    // Run in the page (a string, since the tests compile without the DOM library).
    const widths = (await page.evaluate(`(() => {
      const context = document.createElement('canvas').getContext('2d');
      const width = (text, font) => { context.font = '32px ' + font; return context.measureText(text).width; };
      return ['sans-serif', 'serif', 'monospace'].map((font) => ({ font, i: width('iiii', font), W: width('WWWW', font), accented: width('éàç', font) }));
    })()`)) as { font: string; i: number; W: number; accented: number }[];
    for (const { font, i, W, accented } of widths) {
      expect(accented, font).toBeGreaterThan(0);
      if (font !== 'monospace') expect(W / i, `${font}: W and i are as wide as each other, so no font draws them`).toBeGreaterThan(1.5);
    }
    await page.close();
  });
});
