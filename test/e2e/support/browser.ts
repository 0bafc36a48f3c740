import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`); playwright's own browsers are never downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

/**
 * Headless chromium on a fresh profile folder, with everything that would reach the network on its own turned
 * off: the tests must pass offline and must not depend on Google services.
 */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const root = process.env.CDCE_TEST_DIR ?? os.tmpdir();
  fs.mkdirSync(root, { recursive: true });
  const profile = fs.mkdtempSync(path.join(root, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Date fields and number formats as a French-speaking coordinator sees them.
      '--lang=fr-BE',
    ],
    env: { ...process.env, LANG: 'fr_BE.UTF-8', LANGUAGE: 'fr' },
    viewport: { width: 1280, height: 900 },
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
