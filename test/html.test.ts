/**
 * The HTML page in a real browser (Debian's Chromium driven by playwright-core): the DOM grid of every official
 * table, header associations for screen readers, no horizontal overflow at 375 px, 1280 px and 200 % text, the
 * same figures as the PDF, and no axe-core violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { NATIONAL_SECTIONS, OFFICIAL_TABLES } from './spec/official-tables.js';
import { STATISTICS_ROWS } from '../src/formats/legacy/statistics-rows.js';
import { expectOfficialGrid } from './helpers/grid.js';
import { pdfWordList } from './readers/pdf.js';
import { ROOT, runCli, tempDir, type CliResult } from './helpers/cli.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('chromium', 'pdftotext', 'pdffonts', 'pdfinfo', 'pdftocairo');

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const SCREENSHOTS = join(ROOT, 'out', 'screenshots');

const EXAMPLES = [
  { file: 'data/2020.yaml', name: '2020', format: 'national-2019' },
  { file: 'data/2021.yaml', name: '2021', format: 'national-2021' },
] as const;

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

interface DomCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  tag: string;
  scope: string | null;
  headers: string | null;
  id: string;
}

async function tablesOf(page: Page): Promise<Array<{ caption: string; rows: DomCell[][] }>> {
  return page.$$eval('table', (tables) =>
    tables.map((table) => ({
      caption: table.caption?.textContent ?? '',
      rows: [...table.rows].map((tr) =>
        [...tr.cells].map((cell) => ({
          text: (cell as HTMLElement).innerText.replace(/\s+/g, ''),
          rowSpan: cell.rowSpan,
          colSpan: cell.colSpan,
          tag: cell.tagName.toLowerCase(),
          scope: cell.getAttribute('scope'),
          headers: cell.getAttribute('headers'),
          id: cell.id,
        })),
      ),
    })),
  );
}

describe.each(EXAMPLES)('$format page', ({ file, name, format }) => {
  const out = tempDir('html');
  const htmlFile = join(out, `${name}.html`);
  let built: CliResult;
  let page: Page;

  beforeAll(async () => {
    built = runCli(['build', file, '-o', out, '--html']);
    expect(built.code, built.stderr).toBe(0);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const blocked: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) blocked.push(request.url());
    });
    await page.goto(pathToFileURL(htmlFile).href);
    expect(blocked, 'external requests').toEqual([]);
  });

  it('is a zh-CN page titled like the report, with numbered headings and no scripts', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const title = await page.title();
    expect(title).toMatch(/^樟木乡人民政府20\d\d年政府信息公开工作年度报告$/);
    expect((await page.innerText('h1')).replace(/\s+/g, '')).toBe(title);
    const h2 = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    expect(h2.slice(0, 6)).toEqual(NATIONAL_SECTIONS);
    expect(await page.$$eval('script, link, img, iframe', (e) => e.length)).toBe(0);
  });

  it('has the official tables cell for cell, with captions', async () => {
    const tables = await tablesOf(page);
    const spec = OFFICIAL_TABLES[format];
    expect(tables.map((t) => t.caption)).toEqual(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    expectOfficialGrid(tables[0]!.rows, spec.table2, '表二');
    expectOfficialGrid(tables[1]!.rows, spec.table3, '表三');
    expectOfficialGrid(tables[2]!.rows, spec.table4, '表四');
  });

  it('marks headers with scope and names every data cell by its row and column headers', async () => {
    const tables = await tablesOf(page);
    for (const table of tables) {
      const byId = new Map(table.rows.flat().map((c) => [c.id, c]));
      for (const cell of table.rows.flat()) {
        if (cell.tag === 'th') {
          expect(cell.scope).toMatch(/^(row|col|rowgroup|colgroup)$/);
          continue;
        }
        const headers = (cell.headers ?? '').split(' ').filter(Boolean);
        expect(headers.length, `${table.caption} ${cell.text}`).toBeGreaterThan(0);
        for (const id of headers) expect(byId.get(id)?.tag, id).toBe('th');
      }
    }
    const table3 = tables[1]!;
    const byId = new Map(table3.rows.flat().map((c) => [c.id, c]));
    const row = table3.rows.find((r) => r.some((c) => c.text === '1.本机关不掌握相关政府信息'))!;
    const naturalPerson = row.find((c) => c.tag === 'td')!;
    const announced = naturalPerson.headers!.split(' ').map((id) => byId.get(id)!.text).join(' ');
    expect(announced).toBe('三、本年度办理结果 （四）无法提供 1.本机关不掌握相关政府信息 申请人情况 自然人');
  });

  it('has no horizontal overflow of the page at 375 px, 1280 px and 200 % text; tables scroll in their box', async () => {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await overflow(), `${width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await overflow(), `${width} px at 200 %`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-375-200pc.png`) });
    const scrolls = await page.$$eval('.table-scroll', (boxes) => boxes.map((b) => b.scrollWidth > b.clientWidth));
    expect(scrolls.some(Boolean)).toBe(true);
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the same figures in the same order as the PDF tables', async () => {
    const htmlNumbers = await page.$$eval('table', (tables) => tables.map((t) => [...t.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    const words = pdfWordList(join(out, `${name}.pdf`));
    const headingsAfter = ['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况'];
    // Tables may run over pages: read from each table's first label to the heading after it, page by page.
    const bottom = (297 - 35) * (72 / 25.4);
    const ordered = words.filter((w) => w.yMax <= bottom + 2).sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
    const pdfNumbers = ['第二十条第（一）项', '申请人情况', '复议后起诉'].map((anchor, i) => {
      const start = ordered.findIndex((w) => w.text === anchor);
      const end = ordered.findIndex((w) => w.text === headingsAfter[i]);
      return ordered.slice(start, end < 0 ? undefined : end).filter((w) => /^-?\d+(\.\d+)?(万元|元)?$/.test(w.text)).map((w) => w.text);
    });
    expect(htmlNumbers).toEqual(pdfNumbers);
  });
  it('passes an automated accessibility check (axe-core) with no violations', async () => {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run(document);
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
}, 120_000);

describe.each([
  { file: 'data/xinfeng/2017.yaml', name: 'xinfeng/2017' },
  { file: 'data/dongfeng/2011.yaml', name: 'dongfeng/2011' },
])('legacy page $name', ({ file, name }) => {
  it('keeps the 统计表 whole, fits 375 px and passes axe-core', async () => {
    const out = tempDir('html');
    expect(runCli(['build', file, '-o', out, '--to', 'html']).code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(pathToFileURL(join(out, `${name}.html`)).href);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const rows = await page.$$eval('table tr', (trs) => trs.length);
    expect(rows).toBe(name.startsWith('xinfeng') ? 1 + STATISTICS_ROWS.length : 0);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string }> }> } }).axe.run(document);
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('a city-sized 表三 at 375 px', () => {
  // Seven-digit figures in every column (the layout corpus's seed 6).
  it('never wraps a figure, and keeps each row label in view beside the figures while the table scrolls', async () => {
    const { corpusReport } = await import('./helpers/layout-corpus.js');
    const { writeFileSync } = await import('node:fs');
    const out = tempDir('html-city');
    const data = join(out, 'city.yaml');
    writeFileSync(data, corpusReport(6).yaml);
    expect(runCli(['build', data, '-o', out, '--to', 'html']).code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(pathToFileURL(join(out, 'city.html')).href);
    const lines = await page.$$eval('td.figure', (cells) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return { text: cell.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
      }),
    );
    expect(lines.filter((c) => /\d{7}/.test(c.text ?? '')).length).toBeGreaterThan(0);
    expect(lines.filter((c) => c.lines > 1)).toEqual([]);
    const table3 = page.locator('.table-scroll').nth(1);
    await table3.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const visible = await table3.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const row = [...el.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('.row-label'))!;
      const label = row.querySelector('.row-label')!.getBoundingClientRect();
      const figures = [...row.querySelectorAll('td.figure')].filter((td) => {
        const r = td.getBoundingClientRect();
        return r.left >= label.right - 1 && r.right <= box.right + 1;
      });
      return { labelInView: label.left >= box.left - 1 && label.right <= box.right, figures: figures.length };
    });
    expect(visible.labelInView).toBe(true);
    expect(visible.figures).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'city-375-table3.png') });
    await page.close();
  });
});
