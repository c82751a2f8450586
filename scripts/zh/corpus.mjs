// The 简繁 comparison corpus: text on which yidu's dictionaries must give exactly what opencc-js gives.
// Evidence next to the proof (scripts/zh/exact.mjs), never the reason an entry is kept: test/zh-dict.test.ts
// converts it in every variant. Plain JS: runs in Node and browsers.

/** Small deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Report-style vocabulary written for this project (a county's annual information-disclosure report).
const SUBJECTS = ['本县', '县政府办公室', '各乡镇人民政府', '县发展和改革局', '县财政局', '县卫生健康委员会', '县教育局',
  '县自然资源局', '县市场监督管理局', '县人力资源和社会保障局', '县住房和城乡建设局', '县交通运输局', '县农业农村局',
  '县生态环境分局', '县应急管理局', '县司法局', '县统计局', '县医疗保障局', '县数据资源管理中心', '各街道办事处'];
const VERBS = ['坚持', '围绕', '进一步完善', '持续推进', '认真落实', '全面加强', '积极推动', '不断优化', '深入开展', '扎实做好',
  '严格执行', '规范', '健全', '统筹', '稳步推进', '着力提升', '及时发布', '主动公开', '依法办理', '加快建设'];
const OBJECTS = ['政府信息公开工作', '行政复议工作', '政务服务事项', '重大行政决策', '规范性文件', '财政预决算信息',
  '面向社会的公共服务', '制度建设', '历史档案整理', '系统平台建设', '办事指南', '政策解读', '依申请公开答复',
  '基层政务公开标准化', '行政许可和行政处罚信息', '公共资源配置信息', '重点民生领域信息', '干净整洁的办事环境',
  '只有一个窗口受理的机制', '面条式审批流程的清理', '公里数统计', '头发丝般细致的服务', '政府网站集约化', '数据开放目录',
  '应急预案', '社会救助', '乡村振兴项目', '义务教育', '医疗卫生', '食品药品安全', '安全生产', '生态环境保护', '征地拆迁',
  '保障性住房', '就业创业', '养老服务', '残疾人服务', '出租汽车管理', '干部培训', '发票管理', '历年统计公报'];
const TAILS = ['，取得积极成效。', '，群众满意度明显提升。', '，全年未发生相关投诉。', '，相关信息均在法定期限内发布。',
  '，并通过政府网站、政务新媒体同步发布。', '，切实保障人民群众的知情权、参与权和监督权。', '。', '；', '，做到应公开尽公开。',
  '，共计发布信息一千二百余条。', '，接受社会监督。', '，有关情况详见附表。'];
const NUMBERS = ['2025年', '12月31日', '第3季度', '42件', '1,286条', '98.7%', '3.5公里', '第一', '二〇二五年', '７件'];
const MIXED = ['PDF', 'Word', 'APP', 'http://www.example.gov.cn', 'ID:A-17', '12345热线', 'Excel表格', 'OK', '5G基站', 'e-mail',
  '😀', '👍🏽', '🇨🇳', '𠀀', '𪚥', '𫫇', '⿰氵青', '頭髮', '歷史', '台灣', '香港特別行政區', '繁體字', '乾淨', '麵條', '…', '——', '「」'];

const pick = (r, a) => a[Math.floor(r() * a.length)];

/** Report prose: roughly `chars` characters of sentences built from the vocabulary above. */
export function prose(seed, chars) {
  const r = rng(seed);
  const out = [];
  let n = 0;
  while (n < chars) {
    let s = `${pick(r, SUBJECTS)}${pick(r, VERBS)}${pick(r, OBJECTS)}`;
    if (r() < 0.5) s += `和${pick(r, OBJECTS)}`;
    if (r() < 0.4) s += `，${pick(r, NUMBERS)}共${pick(r, VERBS)}${pick(r, OBJECTS)}`;
    if (r() < 0.25) s += ` ${pick(r, MIXED)} `;
    s += pick(r, TAILS);
    out.push(s);
    n += s.length;
  }
  return out;
}

/**
 * Every phrase of `phrases` (keys of the phrase dictionaries) in context: with random neighbours, and
 * overlapping the phrases that start with its last character or end with its first, which is where a
 * missing entry would move the longest-match segmentation.
 */
export function phrasesInContext(phrases, seed, overlap = false) {
  const r = rng(seed);
  const byFirst = new Map();
  const byLast = new Map();
  for (const p of phrases) {
    const cps = [...p];
    (byFirst.get(cps[0]) ?? byFirst.set(cps[0], []).get(cps[0])).push(p);
    (byLast.get(cps[cps.length - 1]) ?? byLast.set(cps[cps.length - 1], []).get(cps[cps.length - 1])).push(p);
  }
  const out = [];
  for (const p of phrases) {
    const cps = [...p];
    const left = pick(r, phrases);
    const right = pick(r, phrases);
    const tail = [...left].slice(-1 - Math.floor(r() * 2)).join('');
    const head = [...right].slice(0, 1 + Math.floor(r() * 2)).join('');
    // Alone (between punctuation) and between random neighbours.
    let line = `${p}。${tail}${p}${head}`;
    const after = byFirst.get(cps[cps.length - 1]);
    if (after && overlap) line += `，${cps.slice(0, -1).join('')}${pick(r, after)}`;
    const before = byLast.get(cps[0]);
    if (before && overlap) line += `、${pick(r, before)}${cps.slice(1).join('')}`;
    if (r() < 0.1) line += pick(r, MIXED);
    out.push(line);
  }
  return out;
}

/** The whole corpus: phrases in context, report prose and mixed scripts; ≥ 1 M characters. */
export function corpus(phrases, seed, overlap) {
  const lines = phrasesInContext(phrases, seed, overlap);
  let n = lines.reduce((a, l) => a + l.length, 0);
  const more = prose(seed + 1, Math.max(300_000, 1_050_000 - n));
  lines.push(...more);
  return lines;
}
