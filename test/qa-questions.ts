/**
 * The 智能问答 question sets, with the place on the page that answers each (or `none` where the page does
 * not say). Places are written as a reader would point at them: a table cell by table, row and cell number
 * with its value, or a passage by words it contains. Where a page states the same fact in two places (a
 * table and a sentence), either place is right.
 */
export type Place =
  /** table (its CSS selector), row (1-based `tr`), cell (1-based among the row's `td`, header `<td>`s counted), the value shown. */
  | { cell: [table: string, row: number, td: number, value: string] }
  /** The block (p, li) whose text contains these words. */
  | { passage: string };

export interface Question {
  q: string;
  /** Accepted places; empty: the page does not answer. */
  at: Place[];
}

const T1 = '#zoom table.data-table:nth-of-type(1)';
const T2 = '#zoom table.data-table:nth-of-type(2)';
const T3 = '#zoom table.data-table:nth-of-type(3)';
const META = 'table.meta-table';
const cell = (table: string, row: number, td: number, value: string): Place => ({ cell: [table, row, td, value] });
const passage = (words: string): Place => ({ passage: words });
const none: Place[] = [];
const ask = (q: string, ...at: Place[]): Question => ({ q, at });

/** demo/index.html: the national template's three tables and six sections. */
export const DEMO_QUESTIONS: Question[] = [
  // Application table (表2): rows × columns, and a row alone (its 总计 column).
  ask('今年收到多少申请？', cell(T2, 4, 7, '71')),
  ask('企业申请了几件？', cell(T2, 4, 2, '9')),
  ask('个人提出了多少件申请？', cell(T2, 4, 1, '58')),
  ask('上年结转了多少件申请？', cell(T2, 5, 7, '4')),
  ask('予以公开的有多少件？', cell(T2, 6, 7, '38')),
  ask('部分公开多少件？', cell(T2, 7, 7, '8')),
  ask('因为属于国家秘密不予公开的有几件？', cell(T2, 8, 7, '0')),
  ask('保护第三方合法权益不公开的有多少？', cell(T2, 11, 7, '2')),
  ask('本机关不掌握相关政府信息的有多少件？', cell(T2, 16, 7, '12')),
  ask('重复申请有几件？', cell(T2, 20, 7, '1')),
  ask('信访举报投诉类申请有多少？', cell(T2, 19, 7, '2')),
  ask('结转下年度继续办理的有多少件？', cell(T2, 28, 7, '3')),
  ask('明年继续办理多少件？', cell(T2, 28, 7, '3')),
  ask('律师事务所申请了几件？', cell(T2, 4, 5, '3')),
  ask('科研机构申请了多少？', cell(T2, 4, 3, '0')),
  ask('社会公益组织提出了几件申请？', cell(T2, 4, 4, '1')),
  ask('办理结果总计多少件？', cell(T2, 27, 7, '72'), passage('共办结72件')),
  ask('自然人申请中予以公开的有多少？', cell(T2, 6, 1, '31')),
  ask('商业企业的申请有几件部分公开？', cell(T2, 7, 2, '2')),
  ask('要求提供公开出版物的申请有几件？', cell(T2, 21, 7, '0')),
  // 表1 (第二十条) and 表3 (复议、诉讼).
  ask('今年制发了多少件行政规范性文件？', cell(T1, 4, 1, '6'), passage('共制发行政规范性文件6件')),
  ask('废止了多少件规范性文件？', cell(T1, 4, 2, '2'), passage('2件文件予以废止'), passage('废止行政规范性文件2件')),
  ask('现行有效的规范性文件有多少件？', cell(T1, 4, 3, '41'), passage('现行有效的41件规范性文件')),
  ask('行政许可有多少件？', cell(T1, 7, 1, '2863')),
  ask('行政处罚决定有多少？', cell(T1, 10, 1, '1527')),
  ask('行政强制有几件？', cell(T1, 11, 1, '46')),
  ask('行政事业性收费金额是多少？', cell(T1, 14, 1, '318.64')),
  ask('规章制发了几件？', cell(T1, 3, 1, '0')),
  ask('有没有被复议纠正？', cell(T3, 4, 2, '0')),
  ask('行政复议一共有几件？', cell(T3, 4, 5, '1'), passage('引发行政复议1件')),
  ask('行政诉讼结果纠正的有几件？', cell(T3, 4, 7, '0')),
  ask('尚未审结的行政复议有几件？', cell(T3, 4, 4, '0')),
  ask('复议后起诉的总计有几件？', cell(T3, 4, 15, '0')),
  ask('发文日期是哪天？', cell(META, 2, 1, '2026-01-20')),
  ask('索引号是什么？', cell(META, 1, 1, 'QH-000001/2026-00012')),
  // Asked in 繁体 of a 简体 page.
  ask('今年收到多少申請？', cell(T2, 4, 7, '71')),
  ask('企業申請了幾件？', cell(T2, 4, 2, '9')),
  ask('行政複議結果糾正有幾件？', cell(T3, 4, 2, '0')),
  ask('現行有效的規範性文件有多少件？', cell(T1, 4, 3, '41'), passage('现行有效的41件规范性文件')),
  // Facts in the text.
  ask('主动公开了多少条政府信息？', passage('累计主动公开各类政府信息')),
  ask('召开了几场新闻发布会？', passage('全年召开新闻发布会9场')),
  ask('政策文件与解读材料同步发布率是多少？', passage('同步发布率达到100%')),
  ask('全年审核了多少件公文？', passage('全年审核各类公文512件')),
  ask('“青禾发布”推送了多少条信息？', passage('全年推送信息1460条')),
  ask('设立了几个政府信息查阅点？', passage('设立政府信息查阅点3个')),
  ask('政务公开在综合考核中分值占比多少？', passage('分值占比提高到3%')),
  ask('聘请了多少名社会监督员？', passage('聘请10名政务公开社会监督员')),
  ask('组织了几期政务公开专题培训？', passage('组织政务公开专题培训2期')),
  ask('收取信息处理费了吗？', passage('未收取任何信息处理费')),
  ask('人大代表建议承办了多少件？', passage('县人大代表建议46件')),
  ask('政协提案有多少件？', passage('县政协提案63件')),
  ask('数据的统计期限是什么时候？', passage('统计期限为2025年1月1日')),
  ask('联系电话是多少？', passage('请与青禾县人民政府办公室联系')),
  ask('申请内容主要集中在哪些方面？', passage('申请内容主要集中在征地补偿')),
  ask('所有申请都在法定期限内答复了吗？', passage('所有申请均在法定期限内作出答复')),
  ask('行政诉讼的原告撤诉了吗？', passage('原告在审理过程中主动撤回起诉')),
  ask('有没有发生泄密事件？', passage('全年未发生泄密或侵犯个人隐私事件')),
  ask('解读重要政策几次？', passage('解读重要政策4次')),
  // Sections.
  ask('存在什么问题？', passage('仍存在一些不足')),
  ask('政务公开工作有哪些不足？', passage('仍存在一些不足')),
  ask('2026年将重点做好哪些工作？', passage('针对上述问题，2026年青禾县将重点做好以下工作')),
  ask('上一年度报告提出的问题整改了吗？', passage('对上一年度报告中提出的')),
  ask('平台建设做了哪些工作？', passage('持续优化县政府门户网站政府信息公开专栏')),
  // Not on the page: the answer must say so.
  ask('平均办理时间多长？', ...none),
  ask('县长是谁？', ...none),
  ask('全县GDP是多少？', ...none),
  ask('今年的财政收入是多少？', ...none),
  ask('办事大厅几点上班？', ...none),
  ask('怎么申请低保？', ...none),
  ask('公积金贷款利率是多少？', ...none),
  ask('去年收到多少申请？', ...none),
  ask('2024年收到多少申请？', ...none),
  ask('县政府办公室主任叫什么名字？', ...none),
  ask('网站一年有多少访问量？', ...none),
  ask('疫苗接种率是多少？', ...none),
  ask('明天天气怎么样？', ...none),
  ask('县医院在哪里？', ...none),
  ask('公务员考试什么时候报名？', ...none),
  ask('今年招商引资金额是多少？', ...none),
  ask('全县人口有多少？', ...none),
  ask('新冠疫情防控做得怎么样？', ...none),
];

const R1 = 'main table:nth-of-type(1)';
const R2 = 'main table:nth-of-type(2)';

/**
 * demo/report-text.html, written differently: mostly text, header cells as <td><b>, captions, a table
 * with no header markup at all, and an application table whose own sum check does not hold (自然人).
 */
export const TEXT_QUESTIONS: Question[] = [
  ask('今年收到多少申请？', cell(R2, 4, 8, '29'), passage('全年共收到申请29件')),
  ask('企业申请了几件？', cell(R2, 4, 3, '2')),
  ask('个人申请了多少件？', cell(R2, 4, 2, '25')),
  ask('予以公开多少件？', cell(R2, 6, 9, '16')),
  ask('结转到明年继续办理的有几件？', cell(R2, 12, 8, '7')),
  ask('不掌握相关信息的有几件？', cell(R2, 10, 9, '3')),
  ask('网上申请有多少件？', cell(R1, 2, 2, '17')),
  ask('当面申请了几件？', cell(R1, 4, 2, '4')),
  ask('發布了多少條信息？', passage('发布各类信息935条')),
  ask('招生咨询热线接了多少个电话？', passage('累计解答家长来电1820个')),
  ask('学生资助发放了多少钱？', passage('412.5万元')),
  ask('营养改善计划覆盖多少所学校？', passage('覆盖农村义务教育学校19所')),
  ask('有没有被申请行政复议？', passage('没有因政府信息公开被申请行政复议')),
  ask('工作中有哪些不足？', passage('暴露出一些短板')),
  ask('下一步有什么打算？', passage('下一步，县教育局将把学校信息公开纳入办学质量考核')),
  ask('收取信息处理费了吗？', passage('本年度未收取信息处理费')),
  ask('政协提案办了几件？', passage('政协提案9件')),
  ask('有没有逾期答复？', passage('没有出现逾期答复的情况')),
  // Not on the page.
  ask('今年招聘了多少名教师？', ...none),
  ask('全县有多少名学生？', ...none),
  ask('校车有多少辆？', ...none),
  ask('教育局局长是谁？', ...none),
  ask('平均办理时间多长？', ...none),
  ask('高考录取率是多少？', ...none),
  ask('幼儿园学费多少钱？', ...none),
];
