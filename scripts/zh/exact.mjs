// Which of opencc's 简→繁 phrase entries can go TOGETHER without changing opencc-js's output on any input, and
// the check that proves it for a given kept set. Plain JS: the generator (scripts/zh/dict.mjs) computes the
// kept set, and test/zh-dict.test.ts runs `violations` over the shipped dictionary in the browser.
//
// D is opencc's phrase dictionary (keys of two or more characters), C its character table, D' ⊆ D the kept
// entries, R = D \ D' the removed ones. opencc-js converts by longest match over D ∪ C; with segmentation
// (every variant but `t`) the text is first cut at the edges of phrase matches and every later stage runs on
// each segment alone. For each removed k, with P the longest-match parse of k alone over D' ∪ C:
//   (a) D[k] is k converted character by character (its "charwise" value);
//   (b) P gives that charwise value too (every D' key P matches inside k converts character by character);
//   (c) at no position j > 0 that P visits inside k does a D' key start that runs past k's end (k[j:] + x);
//   (d) k holds no ideographic description character (U+2FF0–U+2FFF), so every unmatched step in P is one
//       code point (opencc-js skips a description sequence as one unit).
// Then, by induction over the text, wherever D matches k, D' ∪ C parses the same span into pieces that end
// exactly at k's end (c) and convert to the same characters (a, b): same stage-1 output everywhere.
// With segmentation, D' may cut differently inside k (edges of P's phrase matches) and may lose the cuts at
// k's edges (when P's first or last piece is a single character that joins its unmatched neighbour). The
// variant's second stage (Taiwan or Hong Kong forms, keys of two or more characters) cannot notice when:
//   (e1) no second-stage key lies inside K = D[k] across a cut of P;
//   (e2) if P starts with a single character: no second-stage key x + y (x, y non-empty) has y a prefix of
//        K or K a proper prefix of y (no key can cross K's start);
//   (e3) if P ends with a single character: the same at K's end (no key x + y with x a suffix of K or K a
//        proper suffix of x).
// A cut no key crosses changes nothing in a longest-match pass, so the second stage gives the same output.
// A removed k whose value is its own (not charwise) needs instead (f): P writes D[k] piece by piece, each
// piece as long as its value, and D' meets D at k's end whatever follows (`rewritten`), with (d) and (e).
// The second stages themselves, normalisation and 繁→简 ship whole. docs/zh.md has the long form.

const cps = (s) => Array.from(s);

/**
 * The second-stage dictionaries (opencc-js names) each kept set is proven against. The shared dictionary
 * (st.ts, for `t`, `tw` and `hk`) against the Taiwan and Hong Kong variant tables; `twp` and `hkp` add their
 * phrase tables, whose longer keys can cross more cuts, and keep the few entries that needs in their own chunk.
 */
export const PROVEN_AGAINST = {
  shared: ['TWVariantsPhrases', 'TWVariants', 'HKVariantsPhrases', 'HKVariants'],
  twp: ['TWPhrases', 'TWVariantsPhrases', 'TWVariants', 'HKVariantsPhrases', 'HKVariants'],
  hkp: ['HKPhrases', 'TWVariantsPhrases', 'TWVariants', 'HKVariantsPhrases', 'HKVariants'],
};
const IDS = /[\u2ff0-\u2fff]/;

/** opencc's phrase and character entries from the opencc-js dictionary strings, in its precedence. */
export function openccEntries(stPhrases, generatedPhrases, stCharacters) {
  const pairs = (s) => new Map(s.split('|').map((l) => l.split(' ').slice(0, 2)));
  const phrases = new Map();
  for (const d of [stPhrases, generatedPhrases]) for (const [k, v] of pairs(d)) if (!phrases.has(k)) phrases.set(k, v);
  return { phrases, chars: pairs(stCharacters) };
}

/** `s` converted one code point at a time through `chars`. */
export const charwise = (s, chars) => cps(s).map((c) => chars.get(c) ?? c).join('');

/**
 * Second-stage keys of two or more code points from opencc-js dictionary strings, as code point arrays by
 * each character they hold (every condition on them needs a character in common with the entry's value).
 */
export function stage2Keys(dicts) {
  const byChar = new Map();
  for (const d of dicts) {
    if (d === '') continue;
    for (const l of d.split('|')) {
      const k = cps(l.split(' ')[0]);
      if (k.length < 2) continue;
      for (const c of new Set(k)) (byChar.get(c) ?? byChar.set(c, []).get(c)).push(k);
    }
  }
  return byChar;
}

/** The phrase dictionary as the search reads it: keys by every prefix, kept flags, and the search's memo. */
class Keys {
  constructor(phrases, chars) {
    this.phrases = phrases;
    this.chars = chars;
    this.kept = new Set();
    this.plain = new Map();
    /** Keys (as code point arrays) by every prefix of one code point or more, the whole key included. */
    this.byPrefix = new Map();
    this.memo = new Map();
    /** While a proof runs for `removable`: the entries whose kept status it read. */
    this.queried = null;
    for (const [k, v] of phrases) {
      const c = cps(k);
      this.plain.set(k, charwise(k, chars) === v);
      for (let i = 1; i <= c.length; i++) {
        const p = c.slice(0, i).join('');
        (this.byPrefix.get(p) ?? this.byPrefix.set(p, []).get(p)).push(c);
      }
    }
  }

  has(all, k) {
    if (!this.phrases.has(k)) return false;
    if (all) return true;
    this.queried?.add(k);
    return this.kept.has(k);
  }

  /** Length of the longest key of D (`all`) or D' at `t[0]` lying wholly in `t`, or 1 (a single character). */
  longestIn(all, t) {
    let best = 1;
    let p = t[0];
    for (let l = 2; l <= t.length; l++) {
      p += t[l - 1];
      if (!this.byPrefix.has(p)) break;
      if (this.has(all, p)) best = l;
    }
    return best;
  }
}

const TEXT_LIMIT = 40;

/**
 * Whether a second-stage key (two or more code points, `s2` by character) can lie across position `c` of
 * the stage-1 text `u`, whatever text comes before and after `u`.
 */
function crossing(u, c, s2) {
  if (s2.size === 0) return null;
  const near = new Set();
  for (let j = Math.max(0, c - 1); j <= c && j < u.length; j++) for (const s of s2.get(u[j]) ?? []) near.add(s);
  for (const s of near) {
    for (let o = c - s.length + 1; o < c; o++) {
      let agrees = true;
      for (let j = Math.max(0, -o); j < s.length && o + j < u.length; j++) if (s[j] !== u[o + j]) (agrees = false);
      if (agrees) return `second-stage key ${s.join('')} can cross a cut that only one segmentation makes in ${u.join('')}`;
    }
  }
  return null;
}

/**
 * Both parses from where they stand apart, over every continuation of the text. `t`: the known text from the
 * lagging parse's position `lag` or the start `piece` of the leading parse's last match, whichever is first;
 * `lagAll`: the lagging parse is D's; `lead`: the positions in `t` after `lag` that the leading parse has
 * reached, with whether the piece ending there was a single character (the last is where it stands). Returns
 * why the two outputs could differ, or null. What came before is forgotten (any text may have led there), so
 * one memo serves every removed entry; forgetting only adds cases, so a null stays a proof.
 */
function apart(t, lagAll, lag, lead, piece, keys, s2, active) {
  const memoKey = `${lagAll ? 'D' : "D'"}${lag},${piece},${lead.map(([p, single]) => p + (single ? 's' : 'p')).join()}\u0000${t.join('')}`;
  const known = keys.memo.get(memoKey);
  if (known !== undefined) return known;
  if (active.has(memoKey)) return 'the parses can stay apart for ever';
  if (t.length > TEXT_LIMIT) return 'the parses stay apart too long to follow';
  active.add(memoKey);
  const why = follow(t, lagAll, lag, lead, piece, keys, s2, active);
  active.delete(memoKey);
  keys.memo.set(memoKey, why);
  return why;
}

function follow(t, lagAll, lag, lead, piece, keys, s2, active) {
  const here = lead[lead.length - 1][0];
  // The lagging parse's longest match: within the known text, or any of its keys that runs past it while the
  // leading parse's last match stays the longest there.
  const rest = t.slice(lag);
  const options = [[t, keys.longestIn(lagAll, rest)]];
  for (const m of keys.byPrefix.get(rest.join('')) ?? []) {
    if (m.length <= rest.length || !keys.has(lagAll, m.join('')) || keys.longestIn(lagAll, m) !== m.length) continue;
    const text = [...t.slice(0, lag), ...m];
    if (keys.longestIn(!lagAll, text.slice(piece)) === here - piece) options.push([text, m.length]);
  }
  for (const [text, len] of options) {
    const match = text.slice(lag, lag + len).join('');
    if (len > 1 && !keys.plain.get(match)) return `${match} (not converted character by character) matches in one parse only: ${text.join('')}`;
    let u = null;
    const cross = (c) => crossing((u ??= cps(charwise(text.join(''), keys.chars))), c, s2);
    const e = lag + len;
    const why = len > 1 && cross(lag);
    if (why) return why;
    const met = lead.find(([p]) => p === e);
    if (met) {
      // Both parses reach this position: in step again. Their cuts here differ only if one arrives on a
      // phrase and the other on a single character.
      const w = met[1] !== (len === 1) && cross(e);
      if (w) return w;
      continue;
    }
    const w = len > 1 && cross(e);
    if (w) return w;
    // A phrase of the leading parse ending at a position this match runs over: a cut only one parse makes.
    for (const [p, single] of lead) {
      const x = p > lag && p < e && !single && cross(p);
      if (x) return x;
    }
    let next;
    if (e < here) {
      const base = Math.min(e, piece);
      next = apart(text.slice(base), lagAll, e - base, lead.filter(([p]) => p > e).map(([p, s]) => [p - base, s]), piece - base, keys, s2, active);
    } else {
      next = apart(text.slice(lag), !lagAll, here - lag, [[e - lag, len === 1]], 0, keys, s2, active);
    }
    if (next) return next;
  }
  return null;
}

/**
 * Whether removing `k` (with the current kept set) is proven safe: null, or why not. Wherever D matches k
 * and D' does not, the two parses are followed until they meet again.
 */
function divergence(k, keys, s2) {
  if (IDS.test(k)) return '(d) it holds a description character';
  if (!keys.plain.get(k)) return rewritten(k, keys, s2);
  const t = cps(k);
  // D matched k (the longest of D here); D' takes its longest within k (a longer one would be D's too).
  const first = keys.longestIn(false, t);
  const piece = t.slice(0, first).join('');
  if (first > 1 && !keys.plain.get(piece)) return `${piece} (not converted character by character) matches in its place`;
  // D cuts at k's start; D' too unless its first piece is a single character. D' cuts at the end of its
  // first piece, where D does not.
  const why = crossing(cps(charwise(k, keys.chars)), first === 1 ? 0 : first, s2);
  if (why) return why;
  return apart(t, false, first, [[t.length, false]], 0, keys, s2, new Set());
}

/**
 * For a removed k whose value is not its characters converted one by one (f): D' must write the same over k
 * and meet D at k's end. P, D''s parse within k, gives D[k] piece by piece, every piece as long as its value
 * (so cut positions stay put in the output); no kept key starts at a position P visits after k's start and
 * runs past k's end (whatever follows, D' is at k's end when D is); and no second-stage key can cross a cut
 * only one segmentation makes (P's phrase edges; k's start or end when P's first or last piece is a single
 * character). Then both parses are in step again at k's end with the same output.
 */
function rewritten(k, keys, s2) {
  const t = cps(k);
  const value = keys.phrases.get(k);
  const out = [];
  const cuts = new Set();
  for (let j = 0; j < t.length; ) {
    const rest = t.slice(j);
    if (j > 0) {
      for (const m of keys.byPrefix.get(rest.join('')) ?? []) {
        if (m.length > rest.length && keys.has(false, m.join(''))) return `(f) kept ${m.join('')} starts inside it and runs past its end`;
      }
    }
    const len = keys.longestIn(false, rest);
    const piece = rest.slice(0, len).join('');
    const v = len > 1 ? keys.phrases.get(piece) : (keys.chars.get(piece) ?? piece);
    if (cps(v).length !== len) return `(f) ${piece} → ${v} changes the length`;
    out.push(v);
    if (len > 1) (cuts.add(j), cuts.add(j + len));
    else if (j === 0 || j + 1 === t.length) cuts.add(j === 0 ? 0 : t.length);
    j += len;
  }
  if (out.join('') !== value) return `(f) the kept entries write ${out.join('')} over it, not ${value}`;
  const u = cps(value);
  for (const c of cuts) {
    const why = crossing(u, c, s2);
    if (why) return why;
  }
  return null;
}

/**
 * The removed set, one candidate at a time (entries converting character by character that no witness text
 * shows necessary alone): a candidate goes when its own proof holds with it gone and so do the proofs of
 * the entries already gone that read its kept status (a proof reads only some entries' status, and gives the
 * same answer while those stay as they were). So every removed entry's proof holds for the final kept set,
 * together. Removing the candidates all at once and putting back every one that fails keeps about 400 more.
 * `s2`: the second-stage keys of every variant the dictionary serves (`stage2Keys`).
 */
export function removable(phrases, chars, s2, candidates) {
  const keys = new Keys(phrases, chars);
  for (const k of phrases.keys()) keys.kept.add(k);
  const prove = (k) => {
    keys.memo.clear();
    keys.queried = new Set();
    const why = divergence(k, keys, s2);
    const read = keys.queried;
    keys.queried = null;
    return [why, read];
  };
  /** Removed entries by each entry their proof read. */
  const readers = new Map();
  const removed = new Set();
  for (const c of candidates) {
    keys.kept.delete(c);
    const proofs = [];
    let holds = true;
    for (const r of [c, ...[...(readers.get(c) ?? [])].filter((x) => removed.has(x))]) {
      const [why, read] = prove(r);
      if (why) {
        holds = false;
        break;
      }
      proofs.push([r, read]);
    }
    if (!holds) {
      keys.kept.add(c);
      continue;
    }
    removed.add(c);
    for (const [r, read] of proofs) for (const x of read) (readers.get(x) ?? readers.set(x, new Set()).get(x)).add(r);
  }
  return removed;
}

/** Every removed entry whose removal the search cannot prove safe, with the reason: the proof holds when empty. */
export function violations(phrases, chars, keptKeys, s2) {
  const keys = new Keys(phrases, chars);
  for (const k of keptKeys) {
    if (!phrases.has(k)) return [[k, 'kept key is not an opencc phrase entry']];
    keys.kept.add(k);
  }
  const out = [];
  for (const k of phrases.keys()) {
    if (keys.kept.has(k)) continue;
    const why = divergence(k, keys, s2);
    if (why) out.push([k, why]);
  }
  return out;
}
