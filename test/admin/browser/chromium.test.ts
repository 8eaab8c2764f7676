/**
 * Without Chromium the browser tests must fail loudly, saying how to install it.
 */
import { describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';

describe('launchChromium', () => {
  it('fails with an install hint when the browser is missing', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(/Chromium not found at \/nonexistent\/chromium.*apt-get install -y chromium/);
  });
});
