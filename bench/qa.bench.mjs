// 智能问答 on the demo report and on a page ten times its size: the time to index the content root (tables
// resolved into header paths, sentences, normalised text) and the time to answer one question (median over
// the demo's question set), with the index built. Baseline: a plain substring search for the question's
// text in the root's textContent (what a page's own find does, without understanding anything).
// Budgets (issue 17): index ≤ 30 ms and one answer ≤ 20 ms on the demo.
const RUNS = 5;
const QUESTIONS = ['今年收到多少申请？', '企业申请了几件？', '有没有被复议纠正？', '平均办理时间多长？', '存在什么问题？',
  '行政许可有多少件？', '召开了几场新闻发布会？', '县长是谁？', '現行有效的規範性文件有多少件？', '收取信息处理费了吗？'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function run(browser, url, times) {
  const page = await browser.newPage();
  await page.goto(`${url}/demo/index.html`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${url}/demo/index.html`);
  await page.waitForFunction(() => window.Yidu);
  await page.evaluate((n) => {
    const zoom = document.querySelector('#zoom');
    const copy = [...zoom.childNodes].map((c) => c.cloneNode(true));
    for (let i = 1; i < n; i++) zoom.append(...copy.map((c) => c.cloneNode(true)));
  }, times);
  const r = await page.evaluate(async (questions, runs) => {
    const root = document.querySelector('#main');
    await window.Yidu.qa.ask('预热'); // the chunk, once
    const index = [];
    const answer = [];
    const plain = [];
    for (let i = 0; i < runs; i++) {
      // A change to the root makes the next question index it again.
      root.append(document.createComment('x'));
      root.lastChild.remove();
      await new Promise((r) => setTimeout(r));
      let t0 = performance.now();
      await window.Yidu.qa.ask(questions[0]);
      const first = performance.now() - t0;
      const each = [];
      for (const q of questions) {
        t0 = performance.now();
        await window.Yidu.qa.ask(q);
        each.push(performance.now() - t0);
      }
      each.sort((a, b) => a - b);
      const one = each[Math.floor(each.length / 2)];
      answer.push(one);
      index.push(Math.max(0, first - one));
      t0 = performance.now();
      for (const q of questions) root.textContent.includes(q.slice(0, 4));
      plain.push((performance.now() - t0) / questions.length);
    }
    return { index, answer, plain };
  }, QUESTIONS, RUNS);
  await page.close();
  return { index: median(r.index), answer: median(r.answer), plain: median(r.plain) };
}

export default async function ({ browser, baseUrl }) {
  const f = (n) => n.toFixed(2).padStart(8);
  console.log(`智能问答, median of ${RUNS} runs (ms); baseline: substring search of the page text`);
  console.log(`  page          index     answer   baseline   (budget: index ≤ 30, answer ≤ 20 on the demo)`);
  for (const times of [1, 10]) {
    const r = await run(browser, baseUrl, times);
    console.log(`  demo ×${String(times).padEnd(3)}  ${f(r.index)} ${f(r.answer)} ${f(r.plain)}   answer ×${(r.answer / Math.max(r.plain, 0.01)).toFixed(0)} the baseline`);
  }
}
