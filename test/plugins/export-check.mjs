// Server-side checks for the export tests: the browser sends the file it made, and we read it back with the
// tools a reader's computer would use — LibreOffice for .docx, poppler's pdftotext for PDF.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureTools } from '../../scripts/system-tools.mjs';

const run = promisify(execFile);

async function docxToText(base64) {
  const { soffice } = ensureTools();
  const dir = mkdtempSync(join(tmpdir(), 'yidu-docx-'));
  try {
    const file = join(dir, 'in.docx');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    const profile = `file://${join(dir, 'profile')}`;
    const out = {};
    for (const [key, filter] of [['text', 'txt:Text (encoded):UTF8'], ['html', 'html:XHTML Writer File:UTF8']]) {
      const outDir = join(dir, key);
      await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--infilter=MS Word 2007 XML',
        '--convert-to', filter, '--outdir', outDir, file], { timeout: 120000 });
      // soffice exits 0 even when it could not read the file: the output must exist.
      const made = readdirSync(outDir);
      if (made.length === 0) throw new Error(`LibreOffice produced no ${key} output`);
      out[key] = readFileSync(join(outDir, made[0]), 'utf8');
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pdfToText(base64) {
  const { pdftotext } = ensureTools();
  const dir = mkdtempSync(join(tmpdir(), 'yidu-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    const { stdout } = await run(pdftotext, ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    // -raw keeps the order the text was drawn in: a table cell's lines stay together.
    const raw = (await run(pdftotext, ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    // pdfimages (same package) lists the embedded images: two header lines, then one line per image.
    const list = (await run('pdfimages', ['-list', file])).stdout.trim().split('\n').slice(2);
    return { text: stdout, raw, pages: stdout.split('\f').filter((p) => p.trim() !== '').length, images: list.map((l) => l.trim().split(/\s+/).slice(3, 5).join('x')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Prints a page the way the browser's print dialog would, after the reader pressed 打印文章: opens `url` in
 * a new tab of the test browser, presses the button (the dialog itself replaced by a flag), prints to PDF
 * with print media and reads the PDF back as text.
 */
async function printPagePdf(session, url) {
  const runnerPage = session.browser.getPage(session.id);
  const page = await runnerPage.browserContext().newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Yidu !== undefined, { timeout: 30000 });
    await page.evaluate(async () => {
      await window.Yidu.ready;
      window.print = () => (window.__printed = true);
      const host = document.querySelector('yidu-print');
      host.shadowRoot.querySelector('button').click();
    });
    await page.waitForFunction(() => window.__printed === true, { timeout: 30000 });
    const pdf = await page.pdf({ format: 'A4' });
    return pdfToText(Buffer.from(pdf).toString('base64'));
  } finally {
    await page.close();
  }
}

/**
 * A command must answer within 20 s, and LibreOffice can take longer on a busy machine, so conversions run
 * as jobs the browser polls. They run one at a time: two LibreOffice instances on one machine slow each
 * other down more than they gain.
 */
const jobs = new Map();
let queue = Promise.resolve();
let nextJob = 0;

function startJob(work) {
  const id = String(++nextJob);
  const job = { done: false, result: undefined, error: undefined };
  jobs.set(id, job);
  queue = queue.then(() =>
    work().then(
      (r) => Object.assign(job, { done: true, result: r }),
      (e) => Object.assign(job, { done: true, error: String(e?.stack ?? e) }),
    ),
  );
  return { job: id };
}

export function exportCheckPlugin() {
  return {
    name: 'yidu-export-check',
    async executeCommand({ command, payload, session }) {
      if (command === 'yidu-print-page-pdf') return startJob(() => printPagePdf(session, payload.url));
      if (command === 'yidu-docx-to-text') return startJob(() => docxToText(payload.data));
      if (command === 'yidu-pdf-to-text') return startJob(() => pdfToText(payload.data));
      if (command === 'yidu-job') {
        const job = jobs.get(payload.job);
        if (job?.done) jobs.delete(payload.job);
        return job ?? { done: true, error: `no job ${payload.job}` };
      }
      return undefined;
    },
  };
}

/**
 * Simulates a flaky network for lazy chunks: a page loading yidu from `/fail-once/<chunk>-<id>/dist/yidu.js`
 * gets an error for the first request of a chunk whose name starts with `<chunk>`; everything else (and
 * the retry) is served from /dist as usual.
 */
export function failOnceMiddleware() {
  const failed = new Set();
  return async (ctx, next) => {
    const m = /^\/fail-once\/([a-z-]+)-(\w+)(\/dist\/.*)$/.exec(ctx.path);
    if (!m) return next();
    const [, chunk, id, rest] = m;
    const name = rest.split('/').pop();
    if (rest.startsWith('/dist/chunks/') && name.startsWith(chunk) && !failed.has(`${id}${rest}`)) {
      failed.add(`${id}${rest}`);
      ctx.status = 503;
      ctx.body = 'temporarily unavailable';
      return;
    }
    ctx.path = rest;
    return next();
  };
}
