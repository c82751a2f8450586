// Generates yidu's 简繁 dictionaries from the installed opencc-js package (never edited by hand):
//   src/zh/generated/st.ts  Simplified→Traditional: characters and the phrase entries an exact conversion needs
//   src/zh/generated/st-<variant>.ts  each variant's second stage, whole
//   src/zh/generated/ts.ts  Traditional→Simplified: opencc's dictionaries as they are
// A phrase entry goes only when scripts/zh/exact.mjs proves that the converter without it (and without every
// other entry that goes) gives opencc-js's output on every input, in every variant; docs/zh.md has the proof.
// Run by scripts/build.mjs; regenerates only when opencc-js or this generator changed (about a minute).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { denseLists } from './dense.mjs';
import { necessaryEntries } from './exact-bound.mjs';
import { PROVEN_AGAINST, removable, stage2Keys, violations } from './exact.mjs';
import { pairTable } from './pairs.mjs';
import { packedModule } from './pack.mjs';

const root = new URL('../../', import.meta.url).pathname;
const outDir = `${root}src/zh/generated`;
export const VARIANTS = ['tw', 'hk', 't', 'twp', 'hkp'];

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
  const self = ['dict.mjs', 'dense.mjs', 'exact.mjs', 'exact-bound.mjs', 'pairs.mjs', 'pack.mjs'].map((f) => readFileSync(new URL(`./${f}`, import.meta.url), 'utf8')).join('') +
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
  // The proof (scripts/zh/exact.mjs) needs every description character unmatched: then both parses meet at it.
  for (const name of ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters']) {
    if (/[\u2ff0-\u2fff]/.test(d[name])) throw new Error(`${name} holds an ideographic description character`);
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
  // The converter normalises CJK compatibility ideographs with the browser's NFC (src/zh/engine.ts,
  // CompatIdeographs) instead of shipping opencc's table: that holds only while the two agree on every code
  // point of both blocks, which this checks.
  const compat = new Map(pairs(d.CJK_Compatibility_Ideographs).map(([k, v]) => [k, v]));
  for (const [from, to] of [[0xf900, 0xfaff], [0x2f800, 0x2fa1f]]) {
    for (let cp = from; cp <= to; cp++) {
      const c = String.fromCodePoint(cp);
      const nfc = c.normalize('NFC');
      if ((compat.get(c) ?? c) !== nfc) throw new Error(`CJK_Compatibility_Ideographs and NFC differ at U+${cp.toString(16)}`);
      compat.delete(c);
    }
  }
  if (compat.size > 0) throw new Error(`CJK_Compatibility_Ideographs maps characters outside both blocks: ${[...compat.keys()].slice(0, 3)}`);
  // Candidates: the entries that no witness text shows necessary alone;
  // the proof then keeps any whose removal together with the others it cannot show safe.
  const plainEntry = (k) => charwise(k) === phrases.get(k);
  const { necessary } = necessaryEntries(phrases, chars.map);
  // The shared dictionary first; `twp` and `hkp` then put back, from what it leaves out, what their phrase
  // tables need (PROVEN_AGAINST), in a chunk of their own.
  const proven = (names, candidates) => {
    const s2 = stage2Keys(names.map((n) => d[n]));
    const out = removable(phrases, chars.map, s2, candidates);
    const kept = [...phrases.keys()].filter((k) => !out.has(k));
    // The proof once more over the kept set as a whole, as the dictionary test runs it.
    const unproven = violations(phrases, chars.map, kept, s2);
    if (unproven.length > 0) throw new Error(`removed entries not proven: ${unproven.slice(0, 3).join('; ')}`);
    return out;
  };
  const removed = proven(PROVEN_AGAINST.shared, [...phrases.keys()].filter((k) => !necessary.has(k)));
  const kept = [...phrases.keys()].filter((k) => !removed.has(k));
  const extra = {};
  for (const v of ['twp', 'hkp']) {
    const gone = proven(PROVEN_AGAINST[v], [...removed]);
    extra[v] = [...removed].filter((k) => !gone.has(k));
  }
  // The dense form of src/zh/chains.ts (DenseList), one code table for the shared and the variants' own
  // entries: entries of the plain lists (value = the key converted character by character) are keys alone.
  const lists = (keys) => [keys.filter((k) => !plainEntry(k)).map((k) => [k, phrases.get(k)]), keys.filter(plainEntry).map((k) => [k, null])];
  const dense = denseLists([...lists(kept), ...lists(extra.twp), ...lists(extra.hkp)], (c) => chars.map.get(c) ?? c);
  const phraseLists = (i) => ({ phrases: dense.lists[i].keys, values: dense.lists[i].values, plain: dense.lists[i + 1].keys });
  const none = { phrases: '', values: '', plain: '' };
  const own = { tw: none, hk: none, twp: phraseLists(2), hkp: phraseLists(4) };
  const stData = { chars: charsOnly, units: dense.table, ...phraseLists(0) };

  const tsData = {
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
  // Each chunk packed (scripts/zh/pack.mjs), and its data as JSON beside it for the tests (not shipped).
  const write = (name, type, data) => {
    writeFileSync(`${outDir}/${name}.ts`, packedModule(header, type, data));
    writeFileSync(`${outDir}/${name}.json`, JSON.stringify(data));
  };
  write('st', 'StData', stData);
  for (const [v, dicts] of Object.entries(stage2)) {
    const data = { dicts, ...own[v] };
    write(`st-${v}`, 'Stage2', data);
  }
  write('ts', 'TsData', tsData);
  writeFileSync(stampFile, stamp);
  return { cached: false, phrases: phrases.size, kept: kept.length, removed: removed.size, twp: extra.twp.length, hkp: extra.hkp.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await generate({ force: process.argv.includes('--force') }));
}
