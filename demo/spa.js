// The demo site's own script (not part of yidu): a small single-page app. The links in 本栏目文章 load the next
// article without a page load — history.pushState, then the article element is replaced by a new one — and
// the browser's back and forward buttons (popstate) show the article of the address. Every node is built with
// createElement and textContent, so it runs under the demo's strict Content-Security-Policy.
'use strict';
(() => {
  const ARTICLES = {
    1: {
      title: '青禾县2025年政府信息公开工作年度报告（摘要）',
      meta: '发布时间：2026-01-20　来源：青禾县人民政府办公室',
      blocks: [
        ['h2', '一、总体情况'],
        ['p', '2025年，青禾县坚持以公开为常态、不公开为例外，全年主动公开各类政府信息6842条，新收政府信息公开申请71件，所有申请均在法定期限内作出答复。'],
        ['h2', '二、存在的主要问题'],
        ['p', '部分乡镇栏目更新不够及时，政策解读形式还比较单一。下一步将建立月度巡查制度，丰富图解和短视频解读。'],
      ],
    },
    2: {
      title: '关于做好2026年春季森林防火工作的通知',
      meta: '发布时间：2026-02-26　来源：青禾县应急管理局',
      blocks: [
        ['p', '各乡镇人民政府，县直各有关单位：'],
        ['p', '当前正值春季森林防火关键期，气温回升快，林下可燃物多，火险等级持续偏高。为切实保护森林资源和人民群众生命财产安全，现将有关事项通知如下。'],
        ['h2', '一、严格管控野外用火'],
        ['p', '清明节前后，各乡镇要在重点林区入山路口设立检查站，劝导群众文明祭扫，严禁在林区吸烟、烧荒、燃放烟花爆竹。发现火情，请立即拨打12119报警。'],
        ['h2', '二、落实值班值守'],
        ['p', '防火期内实行二十四小时值班和领导带班制度，保持通讯畅通，确保发现早、处置快。'],
      ],
    },
    3: {
      title: '青禾县2025年国民经济和社会发展统计公报（节选）',
      meta: '发布时间：2026-03-12　来源：青禾县统计局',
      blocks: [
        ['p', '2025年，全县经济运行总体平稳，民生保障持续改善。全年地区生产总值比上年增长5.6%，居民人均可支配收入比上年增长6.1%。'],
        ['table', [['指标', '2025年', '比上年增长'], ['地区生产总值（亿元）', '186.4', '5.6%'], ['粮食总产量（万吨）', '21.3', '1.2%'], ['城镇新增就业（人）', '3260', '4.8%']]],
        ['p', '注：本公报数据为初步统计数，部分数据因四舍五入，存在总计与分项合计不等的情况。'],
      ],
    },
  };

  const el = (tag, text, attrs = {}) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    return node;
  };

  /** The article element for article `id`, as the app's templates render it. */
  function renderArticle(id) {
    const a = ARTICLES[id];
    const article = el('article', undefined, { id: 'zoom', 'data-article': String(id) });
    article.append(el('h1', a.title), el('p', a.meta, { class: 'article-meta' }));
    for (const [tag, content] of a.blocks) {
      if (tag !== 'table') {
        article.append(el(tag, content));
        continue;
      }
      const table = el('table');
      content.forEach((cells, row) => {
        const tr = el('tr');
        for (const cell of cells) tr.append(el(row === 0 ? 'th' : 'td', cell, row === 0 ? { scope: 'col' } : {}));
        table.append(tr);
      });
      article.append(table);
    }
    return article;
  }

  const articleOf = (url) => {
    const id = new URL(url, location.href).searchParams.get('article');
    return id && ARTICLES[id] ? id : '1';
  };

  /** Shows article `id`: a new article element replaces the old one, title and menu follow. */
  function show(id) {
    const current = document.getElementById('zoom');
    if (current && current.dataset.article === id) return;
    const next = renderArticle(id);
    if (current) current.replaceWith(next);
    else document.querySelector('main .yidu-actions').before(next);
    document.title = `${ARTICLES[id].title} - 青禾县人民政府`;
    for (const link of document.querySelectorAll('a[data-article]')) {
      if (link.dataset.article === id) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  document.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest('a[data-article]') : null;
    if (!link || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    // Other query parameters of the address stay as they were.
    const url = new URL(location.href);
    url.searchParams.set('article', link.dataset.article);
    url.hash = '';
    history.pushState({ article: link.dataset.article }, '', url);
    show(link.dataset.article);
    window.scrollTo(0, 0);
  });
  window.addEventListener('popstate', () => show(articleOf(location.href)));

  // For tests and the curious: the markup the app renders for an article.
  window.spaDemo = { renderArticle, show, articles: ARTICLES };
  // The script sits after <main>: the first article is rendered before the page is shown.
  show(articleOf(location.href));
})();
