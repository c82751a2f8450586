/**
 * Everyday words readers use for the names in the national annual-report template (国办公开办函〔2021〕30号),
 * rewritten to the template's own words before matching. Patterns are on normalised (Simplified) text; the
 * look-behinds keep a name that is already the template's from being rewritten twice.
 */
export const SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [/个人|老百姓|群众|公民|市民|普通人/g, '自然人'],
  [/(?<!商业)企业|公司|商户/g, '商业企业'],
  [/律师事务所|律所|律师/g, '法律服务机构'],
  [/科研院所|研究所|高校|大学/g, '科研机构'],
  [/(?<!社会)公益组织|社会组织|慈善/g, '社会公益组织'],
  [/败诉|被纠正|纠错|(?<!结果)纠正|被撤销/g, '结果纠正'],
  [/胜诉|维持原|(?<!结果)维持/g, '结果维持'],
  [/没审完|未审结|还在审/g, '尚未审结'],
  [/(?<!行政)复议/g, '行政复议'],
  [/(?<!行政)诉讼|打官司|告政府/g, '行政诉讼'],
  [/今年|本年度|全年/g, '本年'],
  [/收到|受理|接到|新收/g, '本年新收'],
  [/明年|下一年|下年(?!度)/g, '下年度'],
  [/同意公开|全部公开/g, '予以公开'],
  [/不公开|拒绝公开|不给公开/g, '不予公开'],
  [/涉密|保密/g, '国家秘密'],
  [/投诉|举报|信访/g, '信访举报投诉'],
  [/红头文件|(?<!行政)规范性文件/g, '行政规范性文件'],
  [/(?<!行政)许可|审批决定/g, '行政许可'],
  [/罚款|(?<!行政)处罚/g, '行政处罚'],
  [/(?<!行政)强制/g, '行政强制'],
  [/(?<!事业性)收费/g, '行政事业性收费'],
  [/废除|取消/g, '废止'],
  [/出台|印发|新发/g, '制发'],
  [/一共|总共|合计|总数/g, '总计'],
  [/不掌握|没有这个信息/g, '不掌握相关'],
  [/回复/g, '答复'],
];

/** Question words that carry no content (whole words when a word segmenter is available). */
export const STOP_WORDS = new Set(
  ('请问 请 问 多少 几 几件 几个 几条 几次 几项 多长 多久 是否 有没有 有无 是不是 什么 哪些 哪个 哪里 怎么 怎样 ' +
    '如何 为什么 吗 呢 吧 啊 呀 了 的 地 得 是 有 被 在 和 与 及 我 你 您 我们 这 那 个 件 条 项 次 谁 哪 时候 ' +
    '啥 告诉 一下 做 做了 干 搞 提出 提交 递交 情况 数 数量 多 共 还 都 也 又 给 对 把 能 会 要 想 知道 一些 哪儿 吗 么').split(' '),
);

/** Multi-character question phrases removed even without a segmenter (longest first). */
export const STOP_PHRASES = /请问|有没有|是不是|是否|多少|几件|几个|几条|几次|几项|多长时间|多长|多久|什么|哪些|哪个|怎么样|怎么|怎样|如何|为什么|告诉我|一下|[吗呢吧啊呀了的？?！!，,。、\s]/g;

/** Asks for a quantity: an answer without a number is a weaker answer. */
export const WANTS_NUMBER = /多少|几|多长|多久|比例|比率|百分|数量|金额/;
