/**
 * Chromium draws Chinese with the machine's own fonts. A bare server often has no CJK font: the audit still
 * runs, but screenshots show empty boxes where the Chinese text is and text takes other widths than readers
 * see. So `yidu audit` looks for one at its start and warns once (never fails) when there is none.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Folders searched instead of asking fontconfig (separated like PATH): fonts kept outside the usual folders. */
export const FONT_DIRS_ENV = 'YIDU_FONT_DIRS';

export const NO_CJK_FONT_WARNING =
  'warning: no Chinese (CJK) font found on this machine, so Chromium draws Chinese text as empty boxes in the ' +
  'screenshots and lays text out unlike readers\' browsers. Install one (Debian/Ubuntu: apt-get install ' +
  'fonts-noto-cjk; Fedora: dnf install google-noto-sans-cjk-fonts).';

/** File names of common CJK font families, for when fontconfig's fc-list is not there to ask. */
const CJK_FILE = /cjk|wqy|wenquanyi|sourcehan|source-?han|droidsansfallback|uming|ukai|arphic|noto(sans|serif)(sc|tc|hk)|simsun|simhei|msyh|msjh|yahei|pingfang|hiragino|heiti|songti/i;
const FONT_FILE = /\.(ttf|ttc|otf|otc|woff2?)$/i;

/** Where fontconfig looks by default on Linux. */
function defaultDirs(): string[] {
  const home = homedir();
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.local/share/fonts'), join(home, '.fonts')];
}

function holdsCjkFont(dir: string, depth = 4): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((e) =>
    (FONT_FILE.test(e.name) && CJK_FILE.test(e.name)) ||
    ((e.isDirectory() || e.isSymbolicLink()) && depth > 0 && holdsCjkFont(join(dir, e.name), depth - 1)));
}

/** True when Chromium will find a font for Chinese text: fontconfig's answer, else a look in the font folders. */
export function hasCjkFont(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  const dirs = env[FONT_DIRS_ENV];
  if (dirs !== undefined) return dirs.split(delimiter).filter(Boolean).some((d) => holdsCjkFont(d));
  // macOS and Windows ship CJK fonts (PingFang, Microsoft YaHei).
  if (platform === 'darwin' || platform === 'win32') return true;
  try {
    const families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 10000, stdio: ['ignore', 'pipe', 'ignore'], env });
    return families.trim() !== '';
  } catch {
    // No fc-list (or it failed): look at the files.
    return defaultDirs().some((d) => holdsCjkFont(d));
  }
}

/** Writes the one warning when no CJK font is found. */
export function warnWithoutCjkFont(write: (line: string) => void = (line) => process.stderr.write(line)): void {
  if (!hasCjkFont()) write(`yidu audit: ${NO_CJK_FONT_WARNING}\n`);
}
