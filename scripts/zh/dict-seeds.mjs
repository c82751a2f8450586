// Corpus seeds that decide which phrase entries the pruned dictionary keeps. test/zh-dict.test.ts checks
// that the output equals opencc-js's on the corpus of PROOF_SEED (more than a million characters).
export const PROOF_SEED = 3;
export const BUILD_SEEDS = [1, 2, PROOF_SEED];
