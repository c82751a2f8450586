// Finds the browsers the tests run in (Chromium and Firefox). On a fresh Debian machine, running as root,
// installs the distribution's packages and says so; otherwise it says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = {
  chromium: { env: 'CHROME_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'], pkg: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], pkg: 'firefox-esr' },
};

function find(name) {
  const c = CANDIDATES[name];
  const fromEnv = process.env[c.env];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`${c.env}=${fromEnv} does not exist.`);
  }
  return c.paths.find((p) => existsSync(p)) ?? null;
}

export function findBrowsers({ install = true } = {}) {
  const found = { chromium: find('chromium'), firefox: find('firefox') };
  const missing = Object.keys(found).filter((n) => !found[n]);
  if (missing.length === 0) return found;
  const pkgs = missing.map((n) => CANDIDATES[n].pkg);
  const canInstall = install && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`Browsers for the tests are missing: ${missing.join(', ')}.`);
    console.error(`Install them (Debian/Ubuntu: apt-get install ${pkgs.join(' ')}) or set ${missing.map((n) => CANDIDATES[n].env).join(' / ')}.`);
    process.exit(1);
  }
  console.log(`Installing ${pkgs.join(' ')} with apt-get (needed to run the tests in real browsers)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
  return findBrowsers({ install: false });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(findBrowsers()));
}
