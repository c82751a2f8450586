// Real old Chromium builds for the old-kernel tests (docs/browsers.md): registry packages installed as
// devDependencies under aliases (chromium-83 … chromium-108) keep a brotli-compressed headless build in
// bin/chromium.br. It is unpacked once into node_modules/.cache (by version) and run with the flags below.
// Those builds link only libc, NSS and expat (scripts/system-tools.mjs installs NSS with the other libraries).
import { brotliDecompressSync } from 'node:zlib';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const ROOT = new URL('..', import.meta.url).pathname;

/** Package alias → the Chromium major it ships. */
export const OLD_KERNELS = { 'chromium-83': 83, 'chromium-88': 88, 'chromium-90': 90, 'chromium-92': 92, 'chromium-108': 108 };

/** Headless on a machine without sandbox privileges, GPU or network to talk to. */
export const OLD_KERNEL_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The path of the unpacked executable of one alias (unpacking it the first time). */
export function oldChromium(alias) {
  const pkgDir = `${ROOT}node_modules/${alias}`;
  const { version } = JSON.parse(readFileSync(`${pkgDir}/package.json`, 'utf8'));
  const dir = `${ROOT}node_modules/.cache/yidu-old-chromium/${alias}-${version}`;
  const exe = `${dir}/chromium`;
  if (!existsSync(exe)) {
    mkdirSync(dir, { recursive: true });
    // Written under another name first: a test run stopped halfway must not leave a truncated executable.
    writeFileSync(`${exe}.part`, brotliDecompressSync(readFileSync(`${pkgDir}/bin/chromium.br`)));
    chmodSync(`${exe}.part`, 0o755);
    renameSync(`${exe}.part`, exe);
  }
  return exe;
}
