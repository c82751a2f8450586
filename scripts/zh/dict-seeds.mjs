// The seed of the comparison corpus test/zh-dict.test.ts converts (more than a million characters) with
// yidu and with opencc-js: more evidence next to the proof, never the reason an entry is kept.
export const PROOF_SEED = 3;
