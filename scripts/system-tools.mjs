// Finds the system programs the tests need (real browsers, and whatever a feature's tests use to check
// its output). On a fresh Debian machine, running as root, installs the missing ones with apt-get and says
// so; otherwise it says what to install and fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

// Where Chromium is looked for: shared with the `yidu audit` command, which ships this file.
const CHROMIUM = JSON.parse(readFileSync(new URL('../src/cli/chromium.json', import.meta.url), 'utf8'));

/** name → where to look (an env variable first), and the Debian package that provides it. */
export const TOOLS = {
  chromium: CHROMIUM,
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], pkg: 'firefox-esr' },
  // The export tests open the generated .docx in LibreOffice and read the generated PDF back as text.
  soffice: { env: 'SOFFICE_PATH', paths: ['/usr/bin/soffice', '/usr/bin/libreoffice'], pkg: 'libreoffice-writer-nogui' },
  pdftotext: { env: 'PDFTOTEXT_PATH', paths: ['/usr/bin/pdftotext'], pkg: 'poppler-utils' },
  // A CJK system font: without one a fresh machine prints Chinese as nothing at all (the printed-PDF test reads
  // it back with pdftotext), and screenshots show boxes.
  cjkFont: { paths: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'], pkg: 'fonts-noto-cjk' },
  // fontconfig's fc-list: the `yidu audit` font check asks it first (test/cli/cjk-font.test.mjs).
  fcList: { paths: ['/usr/bin/fc-list'], pkg: 'fontconfig' },
  // The old-kernel tests' Chromium builds (registry packages) link NSS besides libc and expat.
  nss: { paths: ['/usr/lib/x86_64-linux-gnu/libnss3.so', '/usr/lib/aarch64-linux-gnu/libnss3.so'], pkg: ['libnss3', 'libexpat1'] },
  // The real-speech smoke test: Chromium speaks through speech-dispatcher with the espeak-ng voices.
  speechd: {
    paths: ['/usr/lib/speech-dispatcher-modules/sd_espeak-ng'],
    pkg: ['speech-dispatcher', 'speech-dispatcher-espeak-ng', 'espeak-ng'],
  },
};

function find(name) {
  const t = TOOLS[name];
  const fromEnv = t.env && process.env[t.env];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`${t.env}=${fromEnv} does not exist.`);
  }
  return t.paths.find((p) => existsSync(p)) ?? null;
}

/** Returns { name: path } for every tool in TOOLS, installing what is missing where it can. */
export function ensureTools({ install = true } = {}) {
  const found = Object.fromEntries(Object.keys(TOOLS).map((n) => [n, find(n)]));
  const missing = Object.keys(found).filter((n) => !found[n]);
  if (missing.length === 0) return found;
  const pkgs = [...new Set(missing.flatMap((n) => TOOLS[n].pkg))];
  const canInstall = install && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`Programs the tests need are missing: ${missing.join(', ')}.`);
    console.error(`Install them (Debian/Ubuntu: apt-get install ${pkgs.join(' ')})` +
      `${missing.some((n) => TOOLS[n].env) ? ` or set ${missing.filter((n) => TOOLS[n].env).map((n) => TOOLS[n].env).join(' / ')}` : ''}.`);
    process.exit(1);
  }
  console.log(`Installing ${pkgs.join(' ')} with apt-get (the tests need them)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  return ensureTools({ install: false });
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(ensureTools()));
