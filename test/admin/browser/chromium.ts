/**
 * Debian's Chromium driven by playwright-core for the console's browser tests. A missing
 * browser FAILS the tests with a message saying how to install it — never a silent skip.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where the browser is expected (CHROMIUM_PATH overrides). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh browser profile in a temp folder; `close()` also deletes the folder. */
export async function launchChromium(path = CHROMIUM_PATH): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: the admin console's browser tests need it. ` +
        'Install it with `apt-get install -y chromium` (Debian), or set CHROMIUM_PATH.',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'linli-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: path,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
