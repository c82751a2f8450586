/**
 * 简繁 dictionaries: the one Simplified→Traditional dictionary gives exactly opencc-js's output on every input,
 * in every variant. The proof (scripts/zh/exact.mjs, docs/zh.md) runs here over the dictionary as shipped;
 * around it, evidence in every variant: every witness text of the single-entry analysis, text fusing every
 * phrase with its overlapping neighbours, a corpus of more than a million characters, and a sample of
 * removed entries checked against opencc-js itself running on the kept entries. Traditional→Simplified and
 * every second stage ship opencc's dictionaries whole and are checked the same way.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import * as OpenCC from 'opencc-js';
import { ConverterBuilder, ConverterFactory } from 'opencc-js/core';
import STCharacters from 'opencc-js/dict/STCharacters';
import Compatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import Generated from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import { corpus, prose } from '../scripts/zh/corpus.mjs';
import { PROOF_SEED } from '../scripts/zh/dict-seeds.mjs';
import { charTable, denseCoded, frontCoded, necessaryEntries } from '../scripts/zh/exact-bound.mjs';
import { PROVEN_AGAINST, charwise, openccEntries, stage2Keys, violations } from '../scripts/zh/exact.mjs';
import { pairTable } from '../scripts/zh/pairs.mjs';
import { denseLists } from '../scripts/zh/dense.mjs';
import { pairDict, phraseEntries, stChain, tsChain, unpack, type Packed, type Stage2, type Variant } from '../src/zh/chains.js';
import { CompatIdeographs, convert, type Dict } from '../src/zh/engine.js';
import stPacked from '../src/zh/generated/st.js';
import tsPacked from '../src/zh/generated/ts.js';
import twPacked from '../src/zh/generated/st-tw.js';
import hkPacked from '../src/zh/generated/st-hk.js';
import twpPacked from '../src/zh/generated/st-twp.js';
import hkpPacked from '../src/zh/generated/st-hkp.js';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import HKVariants from 'opencc-js/dict/HKVariants';
import HKPhrases from 'opencc-js/dict/HKPhrases';
import TSPhrases from 'opencc-js/dict/TSPhrases';

// Every test reads the dictionaries as shipped: packed, then unpacked by the converter's own decoder.
const st = await unpack(stPacked);
const ts = await unpack(tsPacked);
const [tw, hk, twp, hkp] = await Promise.all([twPacked, hkPacked, twpPacked, hkpPacked].map((p) => unpack(p)));
const PACKED: Record<string, Packed<unknown>> = { st: stPacked, ts: tsPacked, 'st-tw': twPacked, 'st-hk': hkPacked, 'st-twp': twpPacked, 'st-hkp': hkpPacked };
const STAGE2: Record<Variant, Stage2 | undefined> = { t: undefined, tw, hk, twp, hkp };
/** opencc-js's dictionary strings by name (the proof's second stages, PROVEN_AGAINST). */
const OPENCC: Record<string, string> = { TWVariantsPhrases, TWVariants, TWPhrases, HKVariantsPhrases, HKVariants, HKPhrases };
const provenAgainst = (set: keyof typeof PROVEN_AGAINST) => stage2Keys(PROVEN_AGAINST[set].map((n) => OPENCC[n]!));
/**
 * The 繁体 download (converter and dictionary chunks, gzip) per variant, in bytes: `tw` at the 150 KB target
 * (decimal: no reading of the unit puts it over), the others about 1 KB over what they are.
 */
const BUDGET: Record<Variant, number> = { t: 149_000, tw: 150_000, hk: 151_500, twp: 162_000, hkp: 153_500 };

const VARIANTS: Variant[] = ['tw', 'hk', 't', 'twp', 'hkp'];
const keys = [...new Set([...STPhrases.split('|'), ...Generated.split('|')].map((l: string) => l.split(' ')[0]!))];

/** Gzip size of a file in dist/, measured in Node (the test server re-encodes the JavaScript it serves). */
const gzipSize = (file: string) => executeServerCommand<number, string>('gzip-size', file);

function differing(lines: string[], mine: (s: string) => string, ref: (s: string) => string): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const a = mine(l);
    const b = ref(l);
    if (a !== b) out.push(`${l} → ${a} (opencc-js: ${b})`);
  }
  return out;
}

describe('简繁 dictionaries', function () {
  this.timeout(300000);

  it('single-character tables read back exactly as shipped: keys inside and outside the BMP, near and far steps', () => {
    for (const [name, dict] of [['STCharacters', STCharacters], ['TSCharacters', TSCharacters]] as const) {
      const entries = new Map(dict.split('|').map((l: string) => l.split(' ').slice(0, 2) as [string, string])
        .filter(([k, v]) => Array.from(k).length === 1 && Array.from(v).length === 1));
      const table = pairTable(entries);
      const back = pairDict(table);
      expect(entries.size, name).to.be.above(1000);
      expect([...entries.keys()].some((k) => k.length === 2), `${name}: keys outside the BMP`).to.equal(true);
      expect(table[0], `${name}: a step too far for one character`).to.include('!');
      const wrong = [...entries].filter(([k, v]) => back.get(k) !== v);
      expect(wrong.slice(0, 5), name).to.deep.equal([]);
    }
  });
  it('compatibility ideographs normalise as opencc\'s table does, by this browser\'s NFC: every code point of both blocks', () => {
    const table = new Map(Compatibility.split('|').map((l: string) => l.split(' ').slice(0, 2) as [string, string]));
    const normalizeOnly = { normalize: new CompatIdeographs(), segmentation: null, stages: [] };
    const all: string[] = [];
    for (const [from, to] of [[0xf900, 0xfaff], [0x2f800, 0x2fa1f]] as const) {
      for (let cp = from; cp <= to; cp++) all.push(String.fromCodePoint(cp));
    }
    const wrong = all.filter((c) => convert(normalizeOnly, `甲${c}乙`) !== `甲${table.get(c) ?? c}乙`);
    expect(wrong.map((c) => c.codePointAt(0)!.toString(16)).slice(0, 5)).to.deep.equal([]);
    expect(all.filter((c) => table.has(c)).length, 'every entry of the table is in the two blocks').to.equal(table.size);
    // Through the whole chain, in each direction, next to opencc-js itself.
    const text = all.join('');
    for (const variant of VARIANTS) {
      expect(convert(stChain(st, variant, STAGE2[variant]), text), `简→繁 ${variant}`).to.equal(OpenCC.Converter({ from: 'cn', to: variant })(text));
      expect(convert(tsChain(ts, variant), text), `繁→简 ${variant}`).to.equal(OpenCC.Converter({ from: variant, to: 'cn' })(text));
    }
  });
  it('every packed chunk unpacks to exactly the data the generator wrote, every field and every phrase entry of every list', async () => {
    for (const [name, packed] of Object.entries(PACKED)) {
      // The generator writes each chunk's data as JSON beside it (not shipped).
      const written = (await (await fetch(`/src/zh/generated/${name}.json`)).json()) as Record<string, unknown>;
      const data = (await unpack(packed)) as Record<string, unknown>;
      const { bytes, ...fields } = data;
      expect(Object.keys(fields).sort(), name).to.deep.equal(Object.keys(written).sort());
      for (const key of Object.keys(written)) expect(fields[key], `${name}: ${key}`).to.deep.equal(written[key]);
      if (name.startsWith('st')) expect((bytes as unknown[]).length, `${name}: the dense lists travel as bytes`).to.equal(2);
    }
    // The phrase entries, one by one: the shared chunk and each variant's own lists.
    const written = async (name: string) => (await (await fetch(`/src/zh/generated/${name}.json`)).json()) as never;
    const reference = await written('st');
    const expected = phraseEntries(reference);
    expect(expected.size).to.be.above(40000);
    expect([...phraseEntries(st)]).to.deep.equal([...expected]);
    for (const variant of ['twp', 'hkp'] as const) {
      const own = await written(`st-${variant}`);
      expect([...phraseEntries(st, STAGE2[variant])], variant).to.deep.equal([...phraseEntries(reference, own)]);
    }
  });
  it('the converter, decoding phrase entries part by part as a text meets them, finds every entry and no other', () => {
    for (const variant of ['tw', 'twp', 'hkp'] as const) {
      const expected = phraseEntries(st, STAGE2[variant]);
      const phrases = stChain(st, variant, STAGE2[variant]).segmentation as Dict;
      const wrong = [...expected].filter(([k, v]) => phrases.matchAt(k, 0, k.length) !== k.length || phrases.get(k) !== v);
      expect(wrong.slice(0, 5), variant).to.deep.equal([]);
      expect(phrases.map.size, variant).to.equal(expected.size);
    }
  });
  it('unpacking the 繁体 dictionary gives way to the page: no slice of the decoding near 50 ms', async () => {
    // The best of up to three rounds: other test tabs share this machine's two cores and only ever add time.
    let best: number[] = [];
    for (let round = 0; round < 3 && (round === 0 || Math.max(...best) >= 50); round++) {
      const slices: number[] = [];
      let start = performance.now();
      const pause = async () => {
        slices.push(performance.now() - start);
        await new Promise((r) => setTimeout(r, 0));
        start = performance.now();
      };
      const data = await unpack(stPacked, pause);
      expect(data.plain).to.equal(st.plain);
      expect(slices.length, 'slices').to.be.above(1);
      if (round === 0 || Math.max(...slices) < Math.max(...best)) best = slices;
    }
    expect(Math.max(...best), `slices of ${best.map((t) => t.toFixed(0)).join(', ')} ms`).to.be.below(50);
  });
  it('the packed form holds what the dictionaries do not: an empty byte list, every byte value', async () => {
    // scripts/zh/pack.mjs's pack({ n: 1, phrases: '', plain: 600 bytes (i * 7) % 256 }).
    const packed: Packed<{ phrases: string; plain: string; n: number }> = { lzma: 'XQAAAAKGAgAAAAAAAAA9iInCNyijBvwWVGM2nH8Fdf+zOQrJ/9rAe6dyUtN3BHuk4acPuC2YxP6ZyJG8ndm/fLK5NRjW/q3f3fgYRUtBBAhLkJ5YUIpwd9LvBMpLWuWcnPYzWRQv1fMJVeR8zUvNA1GiMHI9LSggrrh/YXiEhI7rThn00L9n05gtMkG43Gq9pfIbNUSnwahTloKygPy+OYfz99jG2OqlBhZAu4kq/cszqo4pZso0D5h1a5FG/5skhwFhPLLkyf49iWI5k/QxT8XcytZuj3GuG+Vuj7fpG+uWrlROv6dXeol440+eTXd82w77toaWxM3M2PQZq1xuRhabjvdAYNwNItcirNOI77lNzZw0eNq4LY4HOjQBD+1fwnjDeaBa3RlbUiCexN//oDLggA==' };
    const data = await unpack(packed);
    expect(data.n).to.equal(1);
    expect(data.phrases).to.equal('');
    expect(Array.from(data.plain, (c) => c.charCodeAt(0))).to.deep.equal(Array.from({ length: 600 }, (_, i) => (i * 7) % 256));
  });
  it('the dense phrase form reads back exactly: keys beyond the BMP, values of another length, far steps in its table', () => {
    const one = (c: string) => pairDict(st.chars).get(c) ?? c;
    const charwiseValue = (k: string) => Array.from(k, one).join('');
    const cases: [[string, string][], [string, null][]][] = [
      [[['𠀀头发', '𠀀頭髮'], ['头发', '頭髮'], ['头发卡', '髮夾'], ['ABC一', 'abc壹'], ['𬒳坛', '𬒳罈']], [['一伙头', null], ['一伙', null], ['𠀀𠀁', null], ['zz头', null]]],
      // Code units above U+D700 only: the table's first step from 0 is too far for one character.
      [[['𠀀𠀁', '𠀁𠀀']], [['𠀁𠀀𠀀', null]]],
    ];
    for (const [withValues, plain] of cases) {
      const dense = denseLists([withValues, plain], one);
      const back = phraseEntries({ ...st, units: dense.table, phrases: dense.lists[0]!.keys, values: dense.lists[0]!.values, plain: dense.lists[1]!.keys });
      const expected = new Map<string, string>([...withValues, ...plain.map(([k]): [string, string] => [k, charwiseValue(k)])]);
      expect([...back].sort()).to.deep.equal([...expected].sort());
      if (withValues.length === 1) expect(dense.table, 'a far step').to.include('!');
    }
  });

  const lines = corpus(keys, PROOF_SEED);

  it('the proof corpus has more than a million characters and every phrase', () => {
    expect(lines.reduce((n, l) => n + l.length, 0)).to.be.above(1_000_000);
    const text = lines.join('\n');
    expect(keys.every((k) => text.includes(k))).to.equal(true);
  });

  for (const variant of VARIANTS) {
    it(`简→繁 ${variant}: equals opencc-js on the whole corpus`, () => {
      const ref = OpenCC.Converter({ from: 'cn', to: variant });
      const chain = stChain(st, variant, STAGE2[variant]);
      const bad = differing(lines, (s) => convert(chain, s), ref);
      expect(bad.slice(0, 5), `${bad.length} lines differ`).to.deep.equal([]);
    });
  }

  for (const variant of VARIANTS) {
    it(`繁→简 ${variant}: equals opencc-js on Traditional text`, () => {
      const toTrad = OpenCC.Converter({ from: 'cn', to: variant });
      const trad = [...prose(PROOF_SEED + 5, 200_000), ...keys.slice(0, 20000)].map(toTrad);
      const ref = OpenCC.Converter({ from: variant, to: 'cn' });
      const chain = tsChain(ts, variant);
      const bad = differing(trad, (s) => convert(chain, s), ref);
      expect(bad.slice(0, 5), `${bad.length} lines differ`).to.deep.equal([]);
    });
  }

  it('second stages and 繁→简 ship opencc\'s dictionaries whole (exact by being the same data)', () => {
    expect(tw.dicts).to.deep.equal([TWVariantsPhrases, TWVariants]);
    expect(hk.dicts).to.deep.equal([HKVariantsPhrases, HKVariants]);
    expect(twp.dicts).to.deep.equal([TWPhrases, TWVariantsPhrases, TWVariants]);
    expect(hkp.dicts).to.deep.equal([HKPhrases, HKVariantsPhrases, HKVariants]);
    expect(ts.segmentation).to.equal(TSPhrases);
    expect(ts.chars).to.deep.equal([TSPhrases, TSCharacters]);
  });
});

/** opencc-js itself (its own trie and segmentation) with the phrase entries `kept` only, for `variant`. */
function openccWith(kept: ReadonlySet<string>, variant: Variant): (s: string) => string {
  const drop = (d: string) => d.split('|').filter((l) => kept.has(l.split(' ')[0]!)).join('|');
  const phrases = [drop(STPhrases), drop(Generated)];
  const config = {
    normalizationChain: [[Compatibility]],
    ...(variant === 't' ? {} : { segmentation: phrases }),
    conversionChain: [[...phrases, STCharacters], ...(variant === 't' ? [] : [STAGE2[variant]!.dicts])],
  };
  const preset = { from: { cn: [] }, to: { [variant]: [] }, configs: { [`s2${variant}`]: config } };
  return ConverterBuilder(preset as unknown as Parameters<typeof ConverterBuilder>[0])({ from: 'cn', to: variant });
}

describe('简繁: one dictionary, exact on every input', function () {
  this.timeout(600000);
  const { phrases, chars } = openccEntries(STPhrases, Generated, STCharacters);
  const shipped = phraseEntries(st);
  const kept = new Set(shipped.keys());
  const removed = [...phrases.keys()].filter((k) => !kept.has(k));
  /** What a variant converts with: the shared dictionary and its own chunk's entries (`twp`, `hkp`). */
  const own = (variant: Variant) => new Map([...phraseEntries(st, STAGE2[variant])].filter(([k]) => !kept.has(k)));
  const keptFor = (variant: Variant) => new Set([...kept, ...own(variant).keys()]);

  it('ships opencc\'s own entries, and the proof holds for every entry it leaves out, together (exhaustive)', () => {
    const wrong = [...shipped].filter(([k, v]) => phrases.get(k) !== v);
    expect(wrong.slice(0, 5), 'shipped entries that are not opencc\'s').to.deep.equal([]);
    // The proof's premise: description characters are in no key, so both parses always meet at one.
    const ids = /[\u2ff0-\u2fff]/;
    expect([...phrases.keys(), ...chars.keys()].filter((k) => ids.test(k))).to.deep.equal([]);
    // Every removed entry, against every second stage the dictionary serves.
    const bad = violations(phrases, chars, kept, provenAgainst('shared'));
    console.log(`简→繁: ${kept.size} of ${phrases.size} phrase entries shipped (${[...shipped].filter(([k, v]) => charwise(k, chars) === v).length} as keys alone); the proof covers the ${removed.length} left out, together`);
    expect(bad.slice(0, 5), `${bad.length} removed entries not proven`).to.deep.equal([]);
    expect(removed.length).to.be.above(4400);
    // twp and hkp: the shared entries and their own, against their own phrase tables too.
    for (const variant of ['twp', 'hkp'] as const) {
      const extra = own(variant);
      expect([...extra].filter(([k, v]) => phrases.get(k) !== v).slice(0, 5), `${variant}: own entries`).to.deep.equal([]);
      expect(extra.size, variant).to.be.above(50);
      const badP = violations(phrases, chars, keptFor(variant), provenAgainst(variant));
      console.log(`简→繁 ${variant}: ${extra.size} entries of its own; the proof covers the ${removed.length - extra.size} left out`);
      expect(badP.slice(0, 5), `${variant}: ${badP.length} removed entries not proven`).to.deep.equal([]);
    }
  });

  it('entries with a value of their own go too when the kept entries write the same over them (一分钟 = 一 + 分钟)', () => {
    const own = removed.filter((k) => charwise(k, chars) !== phrases.get(k));
    expect(own.length).to.be.above(300);
    expect(own).to.include('一分钟');
    // Each alone and fused with every phrase overlapping its end, through opencc-js itself on the kept entries.
    const texts = own.flatMap((e) => {
      const out = [e];
      for (let i = 1; i < e.length; i++) for (const f of byPrefix.get(e.slice(i)) ?? []) out.push(e + f.slice(e.length - i));
      return out;
    });
    for (const variant of VARIANTS) {
      const bad = differing(texts, openccWith(keptFor(variant), variant), OpenCC.Converter({ from: 'cn', to: variant }));
      expect(bad.slice(0, 5), `${variant}: ${bad.length} of ${texts.length} texts differ`).to.deep.equal([]);
    }
  });

  it('the proof fails where it must: a kept entry that decides a cut, dropped too, is caught', () => {
    // Kept entries that block one another's matches: dropped as well, the search finds the texts that change.
    const s2 = provenAgainst('shared');
    const without = new Set(kept);
    const dropped = [...kept].filter((k) => charwise(k, chars) === phrases.get(k)).slice(0, 3000);
    for (const k of dropped) without.delete(k);
    expect(violations(phrases, chars, without, s2).length).to.be.above(0);
  });

  it('single-entry necessity is not enough: dropping every entry no witness text needs changes opencc-js\'s own output', () => {
    // The entries each unnecessary alone, removed together, expose one another's matches. Texts the proof's
    // search found; opencc-js itself, running on the remaining entries, converts them differently.
    const { necessary } = necessaryEntries(phrases, chars);
    const naive = new Set([...phrases.keys()].filter((k) => necessary.has(k) || charwise(k, chars) !== phrases.get(k)));
    const texts = ['一元复始于一争两丑三', '一力承当不起不了之局促', '一去不复存在下面条', '一了百了千当一声'];
    const naiveT = openccWith(naive, 't');
    const ref = OpenCC.Converter({ from: 'cn', to: 't' });
    for (const s of texts) expect(naiveT(s), s).to.not.equal(ref(s));
    const chain = stChain(st, 't');
    for (const s of texts) expect(convert(chain, s), s).to.equal(ref(s));
  });

  const { necessary } = necessaryEntries(phrases, chars);
  const witnesses = [...necessary.values()];
  const fused = corpus(keys, PROOF_SEED + 100, true).slice(0, keys.length);
  // Removed entries alone and fused with every phrase that overlaps their end (as the witness texts are made).
  const byPrefix = new Map<string, string[]>();
  for (const k of phrases.keys()) for (let i = 1; i < k.length; i++) (byPrefix.get(k.slice(0, i)) ?? byPrefix.set(k.slice(0, i), []).get(k.slice(0, i))!).push(k);
  const sample = removed.filter((_, i) => i % 10 === 0);
  const removedTexts = sample.flatMap((e) => {
    const out = [e];
    for (let i = 1; i < e.length; i++) for (const f of byPrefix.get(e.slice(i)) ?? []) out.push(e + f.slice(e.length - i));
    return out;
  });

  for (const variant of VARIANTS) {
    it(`简→繁 ${variant}: equals opencc-js on every witness text and on fused-phrase text`, () => {
      const ref = OpenCC.Converter({ from: 'cn', to: variant });
      const chain = stChain(st, variant, STAGE2[variant]);
      const bad = differing([...witnesses, ...fused], (s) => convert(chain, s), ref);
      expect(witnesses.length).to.be.above(30000);
      expect(bad.slice(0, 5), `${bad.length} of ${witnesses.length + fused.length} texts differ`).to.deep.equal([]);
    });

    it(`简→繁 ${variant}: opencc-js itself on the kept entries equals opencc-js on all of them, around removed entries`, () => {
      const ref = OpenCC.Converter({ from: 'cn', to: variant });
      const mine = openccWith(keptFor(variant), variant);
      const bad = differing(removedTexts, mine, ref);
      expect(removedTexts.length).to.be.above(1000);
      expect(bad.slice(0, 5), `${bad.length} of ${removedTexts.length} texts differ`).to.deep.equal([]);
    });
  }

  for (const variant of VARIANTS) {
    it(`the 繁体 download for ${variant} (converter + dictionary chunks) is at most ${BUDGET[variant]} B gzip`, async () => {
      const manifest = await (await fetch('/dist/.vite/manifest.json')).json();
      const files = ['src/zh/index.ts', 'src/zh/generated/st.ts', ...(variant === 't' ? [] : [`src/zh/generated/st-${variant}.ts`])];
      const sizes = await Promise.all(files.map((f) => gzipSize(manifest[f].file)));
      const total = sizes.reduce((a, b) => a + b, 0);
      console.log(`简→繁 ${variant} download: ${files.map((f, i) => `${f.split('/').pop()} ${sizes[i]} B`).join(' + ')} = ${total} B gzip`);
      expect(total).to.be.at.most(BUDGET[variant]);
    });
  }
});

/** Gzip size of a string, measured in the browser. */
async function gzipped(s: string): Promise<number> {
  const stream = new Blob([s]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

describe('简繁: the lower bound (entries each necessary alone)', function () {
  this.timeout(300000);
  it('most phrase entries are necessary alone; their keys with the character table are ≈ 104 KB gzip', async () => {
    const { phrases, chars } = openccEntries(STPhrases, Generated, STCharacters);
    const { necessary, convert: bound } = necessaryEntries(phrases, chars);
    // The bound's converter gives opencc-js's own s2t result on every witness text…
    const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
    const wrong = [...necessary.values()].filter((w) => bound(w) !== s2t(w));
    expect(wrong.slice(0, 5), `${wrong.length} witnesses`).to.deep.equal([]);
    // …and without the entry opencc-js itself converts the witness differently (a sample: each needs a converter).
    const sample = [...necessary].filter((_, i) => i % 1000 === 0);
    for (const [entry, witness] of sample) {
      const drop = (d: string) => d.split('|').filter((l) => l.split(' ')[0] !== entry).join('|');
      const without = ConverterFactory([drop(STPhrases), drop(Generated), STCharacters]);
      expect(without(witness), `${entry} in ${witness}`).to.not.equal(s2t(witness));
    }
    const plain = await gzipped(frontCoded(necessary.keys()));
    const dense = await gzipped(denseCoded(necessary.keys()));
    const table = await gzipped(charTable(chars));
    console.log(`exact 简→繁 needs at least ${necessary.size} of ${phrases.size} phrase entries; their keys alone: ${plain} B gzip front-coded, ${dense} B in the densest form; with the character table (${table} B): ${dense + table} B`);
    expect(necessary.size).to.be.above(30000);
  });
});
