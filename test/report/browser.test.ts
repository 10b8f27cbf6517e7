// The report as a person sees it: a panel whose input has a state named
// <script>alert(1)</script>, read from CSV files, written as a report, checked
// as text and opened in headless Chromium.
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { writeJobcoachPanel } from '../../src/index.js';
import { captureOutput } from '../helpers/cli.js';

// The page's DOM, as seen inside page.evaluate (the project compiles without the DOM library).
interface Element {
  querySelector(selector: string): (Element & { getBoundingClientRect(): { width: number; height: number } }) | null;
  querySelectorAll(selector: string): ArrayLike<Element> & Iterable<Element>;
}
declare const document: Element;

const EVIL = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Browser test skipped: no Chromium at ${CHROMIUM} (Debian package chromium; .ci/run installs it).`);

let dir: string;
let out: string;
let html: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopbaan-browser-'));
  const panel = await writeJobcoachPanel(join(dir, 'panel'), { n: 600, seed: 5 });
  // every third person's months without work get the hostile state name
  const lines = (await readFile(panel.months, 'utf8')).split('\n');
  const edited = lines.map((line, k) => {
    const f = line.split(',');
    return k > 0 && f[2] === 'none' && Number(f[0].slice(1)) % 3 === 0 ? [f[0], f[1], EVIL, ...f.slice(3)].join(',') : line;
  });
  await writeFile(panel.months, edited.join('\n'));
  // the hostile state is also an exit state: its name reaches the incidence figure's caption and the methods
  out = join(dir, 'report');
  captureOutput(process.stdout);
  const code = await main(['report', 'jobcoach', '--persons', panel.persons, '--months', panel.months, '--exit-states', EVIL, '--out', out, '--quiet', '--threads', '1']);
  expect(code).toBe(0);
  html = await readFile(join(out, 'index.html'), 'utf8');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a hostile state label in the input', () => {
  it('is read as a state and shown escaped in the page, the figures and the ingest report', async () => {
    expect(html).toContain(ESCAPED);
    expect(html).not.toContain(EVIL);
    expect(html).not.toMatch(/<script/i);
    for (const f of (await readdir(join(out, 'figures'))).filter((x) => x.endsWith('.svg'))) {
      const svg = await readFile(join(out, 'figures', f), 'utf8');
      expect(svg).not.toContain(EVIL);
    }
    expect(await readFile(join(out, 'figures', 'state-shares.svg'), 'utf8')).toContain(ESCAPED);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.panel.states.map((s: { state: string }) => s.state)).toEqual(['trial', 'work_jc', 'work', 'none', EVIL]);
    expect(results.ingest.files.length).toBe(2);
  });
});

describe.skipIf(!hasChromium)('the report in headless Chromium', () => {
  it('renders every figure, logs no errors, runs no script and shows the label as text', async () => {
    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(tmpdir(), 'loopbaan-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      await page.goto(`file://${join(out, 'index.html')}`);
      const figures = await page.evaluate(() =>
        [...document.querySelectorAll('figure')].map((f) => {
          const svg = f.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return { marks: svg ? svg.querySelectorAll('path, rect, line').length : 0, width: box?.width ?? 0, height: box?.height ?? 0 };
        }),
      );
      // state shares, index numbers, clusters, Ward tree, cluster quality, time to a new job, cumulative incidence
      expect(figures).toHaveLength(7);
      for (const f of figures) {
        expect(f.marks).toBeGreaterThan(10);
        expect(f.width).toBeGreaterThan(100);
        expect(f.height).toBeGreaterThan(100);
      }
      expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
      // every section has its heading and every table its rows
      const sections = await page.evaluate(() =>
        [...document.querySelectorAll('section')].map((s) => ({ id: (s as unknown as { id: string }).id, rows: s.querySelectorAll('tbody tr').length })),
      );
      expect(sections.map((s) => s.id)).toEqual([
        'summary', 'state-shares', 'job-endings', 'index-numbers', 'clusters', 'cluster-quality', 'time-to-new-job', 'retention', 'rule-typology',
        'published', 'data', 'output-check', 'methods',
      ]);
      for (const id of ['time-to-new-job', 'retention', 'rule-typology', 'clusters', 'published']) expect(sections.find((s) => s.id === id)!.rows).toBeGreaterThan(2);
      expect(await page.getByText('Figure 7. Cumulative incidence of a new job and of an exit (' + EVIL + ')', { exact: false }).count()).toBe(1);
      expect(await page.getByText(EVIL, { exact: true }).count()).toBeGreaterThan(0);
      const shot = await page.screenshot({ path: join(out, 'screenshot.png'), fullPage: true });
      expect(shot.length).toBeGreaterThan(50_000);
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});
