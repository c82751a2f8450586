/**
 * The pruned 简繁 dictionary gives exactly what opencc-js's full dictionaries give, for every variant, on
 * a corpus of more than a million characters (every dictionary phrase alone and between random neighbours,
 * report-style prose, mixed scripts: ASCII, emoji, surrogate pairs, description sequences, Traditional text),
 * and the 繁体 download stays within 100 KB gzip. Traditional→Simplified uses opencc's dictionaries unpruned
 * and is checked the same way.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import * as OpenCC from 'opencc-js';
import { ConverterFactory } from 'opencc-js/core';
import STCharacters from 'opencc-js/dict/STCharacters';
import Compatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import Generated from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import { corpus, prose } from '../scripts/zh/corpus.mjs';
import { PROOF_SEED } from '../scripts/zh/dict-seeds.mjs';
import { charTable, denseCoded, frontCoded, necessaryEntries, openccEntries } from '../scripts/zh/exact-bound.mjs';
import { pairTable } from '../scripts/zh/pairs.mjs';
import { pairDict, stChain, tsChain, type Variant } from '../src/zh/chains.js';
import { convert } from '../src/zh/engine.js';
import st from '../src/zh/generated/st.js';
import stFull from '../src/zh/generated/st-full.js';
import ts from '../src/zh/generated/ts.js';
import tw from '../src/zh/generated/st-tw.js';
import hk from '../src/zh/generated/st-hk.js';
import twp from '../src/zh/generated/st-twp.js';
import hkp from '../src/zh/generated/st-hkp.js';

const STAGE2: Record<Variant, readonly string[]> = { t: [], tw, hk, twp, hkp };

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
    for (const [name, dict] of [['STCharacters', STCharacters], ['CJK_Compatibility_Ideographs', Compatibility], ['TSCharacters', TSCharacters]] as const) {
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
  const lines = corpus(keys, PROOF_SEED);

  it('the proof corpus has more than a million characters and every phrase', () => {
    expect(lines.reduce((n, l) => n + l.length, 0)).to.be.above(1_000_000);
    const text = lines.join('\n');
    expect(keys.every((k) => text.includes(k))).to.equal(true);
  });

  for (const variant of VARIANTS) {
    it(`简→繁 ${variant}: the pruned dictionary equals opencc-js on the whole corpus`, () => {
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

  for (const variant of VARIANTS) {
    it(`the 繁体 download for ${variant} (converter + dictionary chunks) is at most 100 KB gzip`, async () => {
      const manifest = await (await fetch('/dist/.vite/manifest.json')).json();
      const files = ['src/zh/index.ts', 'src/zh/generated/st.ts', ...(variant === 't' ? [] : [`src/zh/generated/st-${variant}.ts`])];
      const sizes = await Promise.all(files.map((f) => gzipSize(manifest[f].file)));
      const total = sizes.reduce((a, b) => a + b, 0);
      console.log(`简→繁 ${variant} download: ${files.map((f, i) => `${f.split('/').pop()} ${sizes[i]} B`).join(' + ')} = ${total} B gzip`);
      expect(total).to.be.at.most(100 * 1024);
    });
  }

  it('简→繁 tw on text that fuses every phrase with its overlapping neighbours: differences stay rare', () => {
    // Not exact (see the next test for why it cannot be within the size budget): this bounds how often the
    // pruned dictionary differs on the hardest text we know, so the pruning never silently gets worse.
    const fused = corpus(keys, PROOF_SEED + 100, true).slice(0, keys.length);
    const ref = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const chain = stChain(st, 'tw', STAGE2.tw);
    let chars = 0;
    let differ = 0;
    for (const l of fused) {
      const a = convert(chain, l);
      const b = ref(l);
      chars += l.length;
      if (a.length !== b.length) differ += l.length;
      else for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
    }
    console.log(`简→繁 tw on fused phrases: ${differ} of ${chars} characters differ from opencc-js (${((differ / chars) * 100).toFixed(2)} %)`);
    expect(chars).to.be.above(1_000_000);
    expect(differ / chars).to.be.below(0.01);
  });
});

/** Gzip size of a string, measured in the browser. */
async function gzipped(s: string): Promise<number> {
  const stream = new Blob([s]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

describe('简繁: the full dictionary (zhDictionary: "full") for sites that need opencc-js on every input', function () {
  this.timeout(300000);
  it('equals opencc-js on the witness of every necessary entry and on fused-phrase text, in every variant', () => {
    const { phrases, chars } = openccEntries(STPhrases, Generated, STCharacters);
    const { necessary } = necessaryEntries(phrases, chars);
    const texts = [...necessary.values(), ...corpus(keys, PROOF_SEED + 100, true).slice(0, keys.length)];
    const compact = stChain(st, 'tw', STAGE2.tw);
    const refTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const compactDiffers = [...necessary.values()].filter((w) => convert(compact, w) !== refTw(w)).length;
    console.log(`简→繁 tw: the compact dictionary differs from opencc-js on ${compactDiffers} of ${necessary.size} witness texts; the full one must on none`);
    for (const variant of VARIANTS) {
      const ref = OpenCC.Converter({ from: 'cn', to: variant });
      const chain = stChain(stFull, variant, STAGE2[variant]);
      const bad = differing(texts, (s) => convert(chain, s), ref);
      expect(bad.slice(0, 5), `${variant}: ${bad.length} of ${texts.length} texts differ`).to.deep.equal([]);
    }
  });

  it('its download is reported next to the compact one', async () => {
    const manifest = await (await fetch('/dist/.vite/manifest.json')).json();
    const files = ['src/zh/index.ts', 'src/zh/generated/st-full.ts', 'src/zh/generated/st-tw.ts'];
    const sizes = await Promise.all(files.map((f) => gzipSize(manifest[f].file)));
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`简→繁 tw download with zhDictionary "full": ${files.map((f, i) => `${f.split('/').pop()} ${sizes[i]} B`).join(' + ')} = ${total} B gzip`);
    // Above the compact one's budget (else it would be the default), well below opencc-js's own s2tw
    // dictionaries (≈ 420 KB gzip).
    expect(total).to.be.above(100 * 1024);
    expect(total).to.be.below(300 * 1024);
  });
});

describe('简繁: exact on every input does not fit in 100 KB gzip', function () {
  this.timeout(300000);
  it('most phrase entries are necessary, and their keys with the character table exceed 100 KB gzip', async () => {
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
    console.log(`exact 简→繁 (variant t) needs at least ${necessary.size} of ${phrases.size} phrase entries; their keys alone: ${plain} B gzip front-coded, ${dense} B in the densest form; with the character table (${table} B): ${dense + table} B`);
    expect(necessary.size).to.be.above(30000);
    // Keys in their densest form plus the character table, before any value, normalisation table or code.
    expect(dense + table).to.be.above(100 * 1024);
  });
});
