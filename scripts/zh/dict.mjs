// Generates yidu's 简繁 dictionaries from the installed opencc-js package (never edited by hand):
//   src/zh/generated/st.ts  Simplified→Traditional: characters, the phrase entries that matter (compact), and
//                           the second stage of every variant
//   src/zh/generated/st-full.ts  the same with every phrase entry (config zhDictionary: "full"), exact on every input
//   src/zh/generated/ts.ts  Traditional→Simplified: opencc's dictionaries as they are
// A phrase entry whose value equals character-by-character conversion is dropped unless the comparison
// corpus shows the output changes without it (longest-match segmentation can move): after pruning,
// conversion of the whole corpus must equal the full dictionaries' for every variant, or the build fails.
// Run by scripts/build.mjs; regenerates only when opencc-js or this generator changed.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { corpus } from './corpus.mjs';
import { pairTable } from './pairs.mjs';

const root = new URL('../../', import.meta.url).pathname;
const outDir = `${root}src/zh/generated`;
export const VARIANTS = ['tw', 'hk', 't', 'twp', 'hkp'];
import { BUILD_SEEDS } from './dict-seeds.mjs';

/** The engine and chain builders, bundled from TypeScript for Node. */
export async function loadEngine() {
  const { outputFiles } = await build({
    stdin: { contents: "export * from './src/zh/engine.ts'; export * from './src/zh/chains.ts';", resolveDir: root, loader: 'ts' },
    bundle: true, format: 'esm', write: false, platform: 'neutral', logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

async function dict(name) {
  return (await import(`opencc-js/dict/${name}`)).default;
}

const pairs = (s) => (s === '' ? [] : s.split('|').map((l) => l.split(' ')));

export async function generate({ force = false } = {}) {
  const pkg = JSON.parse(readFileSync(`${root}node_modules/opencc-js/package.json`, 'utf8'));
  const self = readFileSync(new URL(import.meta.url), 'utf8') + readFileSync(new URL('./corpus.mjs', import.meta.url), 'utf8') + readFileSync(new URL('./dict-seeds.mjs', import.meta.url), 'utf8') +
    readFileSync(new URL('./pairs.mjs', import.meta.url), 'utf8') +
    readFileSync(`${root}src/zh/engine.ts`, 'utf8') + readFileSync(`${root}src/zh/chains.ts`, 'utf8');
  const stamp = createHash('sha256').update(pkg.version).update(self).digest('hex').slice(0, 16);
  const stampFile = `${outDir}/.stamp`;
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { cached: true };

  const E = await loadEngine();
  const d = Object.fromEntries(await Promise.all([
    'CJK_Compatibility_Ideographs', 'STCharacters', 'STPhrases', 'STPhrases_GeneratedFromRegionalPhrases',
    'TWVariantsPhrases', 'TWVariants', 'TWPhrases', 'HKVariantsPhrases', 'HKVariants', 'HKPhrases',
    'TSPhrases', 'TSCharacters', 'TWVariantsRevPhrases', 'TWVariantsRev', 'TWPhrasesRev',
    'HKVariantsRevPhrases', 'HKVariantsRev', 'HKPhrasesRev',
  ].map(async (n) => [n, await dict(n)])));

  // Phrase entries in opencc's precedence (STPhrases before the generated regional ones).
  const phrases = new Map();
  // Within one dictionary a later line wins; across a group the earlier dictionary wins.
  for (const name of ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases']) {
    for (const [k, v] of new Map(pairs(d[name]))) if (!phrases.has(k)) phrases.set(k, v);
  }
  const chars = new E.Dict().addSerialized(d.STCharacters);
  const charwise = (s) => Array.from(s, (c) => chars.map.get(c) ?? c).join('');
  for (const [k, v] of phrases) {
    if (/[|~ ]/.test(k + v)) throw new Error(`phrase entry "${k} ${v}" uses a reserved character`);
    // The converter defers phrase entries by their first two characters (src/zh/chains.ts).
    if (Array.from(k).length < 2) throw new Error(`phrase entry "${k} ${v}" has a one-character key`);
  }

  const stage2 = {
    tw: [d.TWVariantsPhrases, d.TWVariants],
    hk: [d.HKVariantsPhrases, d.HKVariants],
    twp: [d.TWPhrases, d.TWVariantsPhrases, d.TWVariants],
    hkp: [d.HKPhrases, d.HKVariantsPhrases, d.HKVariants],
  };
  // Single code point dictionaries (first candidate; a later line wins, as in opencc-js), as pairs.mjs writes them.
  const pairString = (dictString) => {
    const entries = new Map(pairs(dictString).map(([k, v]) => [k, v]));
    for (const [k, v] of entries) {
      if (Array.from(k).length !== 1 || Array.from(v).length !== 1) throw new Error(`not a single-character entry: ${k} ${v}`);
    }
    return pairTable(entries);
  };
  const charsOnly = pairString(d.STCharacters);
  const normalizePairs = pairString(d.CJK_Compatibility_Ideographs);
  // The format of src/zh/chains.ts (decodePart): front-coded by code unit, as the converter looks keys up.
  const encode = (keys) => {
    let prev = '';
    return [...keys].sort().map((k) => {
      const v = phrases.get(k);
      let shared = 0;
      while (shared < k.length - 1 && k[shared] === prev[shared]) shared++;
      prev = k;
      const head = String.fromCharCode(48 + shared) + k.slice(shared);
      if (k.length !== v.length || /[\ud800-\udfff]/.test(k + v)) return `${head} ${v}`;
      return head + Array.from(v, (c, i) => (c === (chars.map.get(k[i]) ?? k[i]) ? E.SAME : c)).join('');
    }).join('|');
  };
  const stData = (keys) => ({ normalize: normalizePairs, chars: charsOnly, phrases: encode(keys) });
  const fullData = stData(phrases.keys());

  const kept = new Set([...phrases].filter(([k, v]) => charwise(k) !== v).map(([k]) => k));
  const lines = BUILD_SEEDS.flatMap((seed) => corpus([...phrases.keys()], seed));
  const chainOf = (data, v) => E.stChain(data, v, stage2[v] ?? []);
  const full = Object.fromEntries(VARIANTS.map((v) => [v, chainOf(fullData, v)]));
  const fullOut = Object.fromEntries(VARIANTS.map((v) => [v, lines.map((l) => E.convert(full[v], l))]));
  // Where a pruned line first segments differently from the full dictionaries: that phrase entry is needed.
  const tokens = (seg, line) => {
    const out = [];
    for (let i = 0; i < line.length;) {
      const len = seg.matchAt(line, i, line.length);
      out.push(line.slice(i, i + (len || 1)));
      i += len || 1;
    }
    return out;
  };
  const firstNeeded = (line, prunedSeg) => {
    const a = tokens(full.tw.segmentation, line);
    const b = tokens(prunedSeg, line);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i];
    return null;
  };
  const normalize = E.pairDict(normalizePairs);
  const normalized = lines.map((l) => E.convert({ normalize, segmentation: null, stages: [] }, l));
  let rounds = 0;
  let todo = lines.map((_, i) => i);
  for (;;) {
    rounds++;
    const data = stData(kept);
    const chains = VARIANTS.map((v) => [v, chainOf(data, v)]);
    const seg = chains[0][1].segmentation;
    const differing = todo.filter((i) => chains.some(([v, c]) => E.convert(c, lines[i]) !== fullOut[v][i]));
    let added = 0;
    for (const i of differing) {
      const p = firstNeeded(normalized[i], seg);
      if (p && phrases.has(p) && !kept.has(p)) (kept.add(p), added++);
    }
    if (differing.length === 0) {
      if (todo.length === lines.length) break;
      todo = lines.map((_, i) => i); // all equal where we looked: check everything once more
      continue;
    }
    if (added === 0) throw new Error(`pruned dictionary differs on ${differing.length} corpus lines, e.g. ${lines[differing[0]]}`);
    todo = differing;
    if (rounds > 200) throw new Error('dictionary pruning did not converge');
  }

  const tsData = {
    normalize: normalizePairs,
    segmentation: d.TSPhrases,
    chars: [d.TSPhrases, d.TSCharacters],
    stage1: {
      tw: [d.TWVariantsRevPhrases, d.TWVariantsRev],
      hk: [d.HKVariantsRevPhrases, d.HKVariantsRev],
      twp: [d.TWPhrasesRev, d.TWVariantsRevPhrases, d.TWVariantsRev],
      hkp: [d.HKPhrasesRev, d.HKVariantsRevPhrases, d.HKVariantsRev],
    },
  };
  mkdirSync(outDir, { recursive: true });
  const header = `// Generated by scripts/zh/dict.mjs from opencc-js ${pkg.version} (Apache-2.0 data). Do not edit.\n`;
  writeFileSync(`${outDir}/st.ts`, `${header}import type { StData } from '../chains.js';\nconst data: StData = ${JSON.stringify(stData(kept))};\nexport default data;\n`);
  writeFileSync(`${outDir}/st-full.ts`, `${header}import type { StData } from '../chains.js';\nconst data: StData = ${JSON.stringify(fullData)};\nexport default data;\n`);
  for (const [v, dicts] of Object.entries(stage2)) {
    writeFileSync(`${outDir}/st-${v}.ts`, `${header}const data: readonly string[] = ${JSON.stringify(dicts)};\nexport default data;\n`);
  }
  writeFileSync(`${outDir}/ts.ts`, `${header}import type { TsData } from '../chains.js';\nconst data: TsData = ${JSON.stringify(tsData)};\nexport default data;\n`);
  writeFileSync(stampFile, stamp);
  return { cached: false, phrases: phrases.size, kept: kept.size, rounds, corpusChars: lines.reduce((a, l) => a + l.length, 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await generate({ force: process.argv.includes('--force') }));
}
