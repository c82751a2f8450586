/**
 * Finds and starts the system's Chromium (headless). The same places the project's tests look; never
 * downloads or installs anything: when nothing is found it says what to install.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Browser } from 'puppeteer-core';
import CHROMIUM from './chromium.json';
import { CliError } from './errors.js';

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[CHROMIUM.env];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new CliError('setup', `${CHROMIUM.env}=${fromEnv} does not exist.`);
  }
  const found = CHROMIUM.paths.find((p) => existsSync(p));
  if (found) return found;
  throw new CliError('setup', `no Chromium found (looked in ${CHROMIUM.paths.join(', ')}). Install one ` +
    `(Debian/Ubuntu: apt-get install ${CHROMIUM.pkg}) or set ${CHROMIUM.env} to a Chromium or Chrome executable.`);
}

/** Flags for a quiet, closed-network, possibly-root machine; background tabs kept at full speed. */
export function chromiumArgs(): string[] {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows', '--hide-scrollbars',
    // Fewer processes for a long site run: no spare renderer kept warm, the (software) GPU work and the
    // network service in the browser process.
    '--disable-features=SpareRendererForSitePerProcess,' +
      // Headless Chromium still builds a browser window per browser context, and each window preloads the
      // address bar's popup as a web page in a renderer process of its own: about a third of the CPU time
      // and 130 MB of each audited page went there. Nobody types in an address bar here.
      'WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    '--enable-features=NetworkServiceInProcess2', '--in-process-gpu',
  ];
}

/**
 * puppeteer-core is an optional peer dependency: sites that install yidu for its elements never download a
 * browser driver; whoever runs `yidu audit` adds it next to yidu.
 */
export const NO_DRIVER = 'yidu audit drives Chromium with puppeteer-core, which is not installed. Install it next to ' +
  'yidu: npm install --save-dev puppeteer-core (it downloads no browser; the system\'s Chromium is used).';

async function driver(): Promise<typeof import('puppeteer-core')> {
  try {
    return await import('puppeteer-core');
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') throw new CliError('setup', NO_DRIVER);
    throw e;
  }
}

export async function launchChromium(executablePath: string, protocolTimeout: number): Promise<Browser> {
  const { launch } = await driver();
  try {
    // chrome-headless-shell (Debian: chromium-headless-shell) is the old headless mode as its own program:
    // no browser window per page, so a third of the browser process's work per page is gone.
    const headless = /headless[-_]shell/.test(basename(executablePath)) ? 'shell' : true;
    return await launch({ executablePath, headless, args: chromiumArgs(), protocolTimeout, timeout: 60000 });
  } catch (e) {
    throw new CliError('setup', `could not start Chromium at ${executablePath}: ${(e as Error).message.split('\n')[0]}`);
  }
}
