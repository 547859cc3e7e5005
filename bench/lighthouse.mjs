// The user's view: Lighthouse (npm `lighthouse`, its mobile defaults) on the
// built dist/ — the reader app's pages and the timeline embed — beside
// TimelineJS3 on the same document. Every file is served compressed as a real
// host serves it (tests/e2e/server.mjs with `compress`: the build's .br/.gz
// copies, gzip on the fly for the rest). Prints per page the code transferred,
// LCP, TBT, FCP, the performance and SEO scores (median of the runs) and the
// budgets met or missed, and writes its own section (LIGHTHOUSE_HEADING) into
// bench/RESULTS.md (bench/results.mjs). It measures and reports; it never
// fails on a figure. Run by ./scripts/bench after bench/run.mjs, or alone
// against an already built dist/:
//
//   node bench/lighthouse.mjs [--runs N] [--save DIR] [--only id,id]
//
// --runs: Lighthouse runs per page (default 3; median). --save: keep every
// run's JSON report in DIR. --only: just these pages (ids of PAGES: home,
// map, story, case, embed, tl3), printed and not written to the results file. Environment: BENCH_DIST (the built
// dist/ to measure, default dist/), BENCH_OUT (the results file, default
// bench/RESULTS.md), CHROME_PATH (default /usr/bin/chromium).
//
// Offline: Chromium resolves no host but 127.0.0.1 (--host-resolver-rules), on
// top of chrome-launcher's flags that turn off its background networking;
// Lighthouse runs without error reporting (its only outbound call of its own)
// and drives the installed Chromium through chrome-launcher (puppeteer-core,
// which downloads no browser). Requests the pages make to other hosts fail and
// are counted.
//
// Lighthouse 12.2.3 predates this Chromium: its trace engine reads the
// PipelineReporter events' `chrome_frame_reporter`, which Chromium now names
// `frame_reporter`, and fails (taking the LCP element, layout-shift and
// render-blocking audits with it). The Trace gatherer below copies the field to
// the old name; nothing else in the trace changes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import defaultConfig from 'lighthouse/core/config/default-config.js';
import Trace from 'lighthouse/core/gather/gatherers/trace.js';
import { serve } from '../tests/e2e/server.mjs';
import { median } from './measure.mjs';
import { ANCHORS, PEER_TEMPLATE, TL3, TL3_DIST, tl3HostPage } from './peer.mjs';
import { LIGHTHOUSE_HEADING, machine, writeSection } from './results.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, save: { type: 'string' }, only: { type: 'string' } },
});
const RUNS = Number(args.runs);
const ONLY = args.only ? args.only.split(',') : null;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer, got ${args.runs}`);
const OUT = process.env.BENCH_OUT ?? path.join(ROOT, 'bench/RESULTS.md');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
process.env.CHROME_PATH = CHROME_PATH;
const LH_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version;
const DIST = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(ROOT, 'dist');
if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  throw new Error('dist/index.html is missing: build first (source scripts/setup.sh && build_dist --release)');
}

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // No name resolves but the bench's own server: nothing can leave the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

// Budgets (README, "Benchmarks" and "Entry points").
const KB = 1024;
const BUDGET = { embedCodeGzip: 140 * KB, readerCodeGzip: 250 * KB, lcpMs: 2500 };

const DOC = `/anchors/${PEER_TEMPLATE}`;
const PAGES = [
  { id: 'home', label: '`/`', route: '/', reader: true },
  { id: 'map', label: '`/map`', route: '/map', reader: true },
  { id: 'story', label: '`/stories/ending-impunity`', route: '/stories/ending-impunity', reader: true },
  { id: 'case', label: '`/cases/iryna-khalip`', route: '/cases/iryna-khalip', reader: true },
  { id: 'embed', label: `\`/embed/timeline?source=…${PEER_TEMPLATE}\``, route: `/embed/timeline?source=${DOC}` },
  { id: 'tl3', label: `${TL3} (our host page, same document)`, route: `/bench/tl3.html?doc=${DOC}`, peer: true },
];

const CODE_KINDS = ['wasm', 'JS', 'CSS', 'HTML'];

/** Lighthouse's Trace gatherer, with Chromium's renamed frame-reporter field under its old name too. */
class TraceForThisChromium extends Trace {
  async getArtifact(context) {
    const trace = await super.getArtifact(context);
    for (const event of trace.traceEvents) {
      if (event.name === 'PipelineReporter' && event.args?.frame_reporter && !event.args.chrome_frame_reporter) {
        event.args.chrome_frame_reporter = event.args.frame_reporter;
      }
    }
    return trace;
  }
}
// The default config (mobile), whole, with that one gatherer swapped in.
const CONFIG = {
  ...defaultConfig,
  artifacts: defaultConfig.artifacts.map((a) => (a.id === 'Trace' ? { id: 'Trace', gatherer: { implementation: TraceForThisChromium } } : a)),
};

/** What a Lighthouse network request counts as: one of CODE_KINDS, or 'other'. */
function kindOfRequest(item) {
  const mime = (item.mimeType ?? '').toLowerCase();
  const ext = path.extname(new URL(item.url).pathname).toLowerCase();
  if (mime === 'application/wasm' || ext === '.wasm') return 'wasm';
  if (item.resourceType === 'Script' || mime.includes('javascript') || ext === '.js' || ext === '.mjs') return 'JS';
  if (item.resourceType === 'Stylesheet' || mime === 'text/css' || ext === '.css') return 'CSS';
  if (item.resourceType === 'Document' || mime === 'text/html') return 'HTML';
  return 'other';
}

/** Bytes of a file gzipped at level 9 (the build's .gz copy where there is one). */
const gzipSizes = new Map();
function gzipSize(file) {
  if (!gzipSizes.has(file)) {
    const copy = `${file}.gz`;
    gzipSizes.set(file, fs.existsSync(copy) ? fs.statSync(copy).size : zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
  }
  return gzipSizes.get(file);
}

const audit = (lhr, id) => lhr.audits[id];
const numeric = (lhr, id) => audit(lhr, id)?.numericValue ?? NaN;

/** The LCP element Lighthouse names, and its phases (ms), from largest-contentful-paint-element. */
function lcpElement(lhr) {
  const a = audit(lhr, 'largest-contentful-paint-element');
  const tables = a?.details?.type === 'list' ? a.details.items : a?.details ? [a.details] : [];
  const node = tables.flatMap((t) => t.items ?? []).find((item) => item.node)?.node;
  const phases = Object.fromEntries(
    tables.flatMap((t) => t.items ?? []).filter((item) => item.phase).map((item) => [item.phase, item.timing]),
  );
  if (!node) return { text: a?.errorMessage ?? a?.explanation ?? 'none reported', phases };
  const snippet = (node.snippet ?? '').replace(/\s+/g, ' ');
  return {
    // The element's place in the DOM, to tell the same element in another run (ids may be random).
    path: node.path,
    text: `${node.nodeLabel ? `"${node.nodeLabel.replace(/\s+/g, ' ').slice(0, 60)}" ` : ''}${node.selector ?? snippet.slice(0, 90)}`,
    selector: node.selector,
    phases,
  };
}

/** The figures of one Lighthouse report. `served` maps a path (with query) to the file served. */
function figures(lhr, served) {
  const requests = audit(lhr, 'network-requests')?.details?.items ?? [];
  const code = Object.fromEntries(CODE_KINDS.map((k) => [k, { transfer: 0, gzip: 0, files: 0 }]));
  const outside = [];
  const encodings = new Set();
  const seen = new Set();
  for (const item of requests) {
    if (!/^https?:/.test(item.url) || seen.has(item.url)) continue;
    seen.add(item.url);
    const url = new URL(item.url);
    if (url.hostname !== '127.0.0.1') {
      outside.push(url.hostname);
      continue;
    }
    const kind = kindOfRequest(item);
    if (kind === 'other') continue;
    const acc = code[kind];
    acc.transfer += item.transferSize ?? 0;
    acc.files += 1;
    const entry = served.get(url.pathname + url.search);
    if (entry?.file) {
      acc.gzip += gzipSize(entry.file);
      encodings.add(entry.encoding);
    }
  }
  const total = CODE_KINDS.reduce((t, k) => ({ transfer: t.transfer + code[k].transfer, gzip: t.gzip + code[k].gzip }), { transfer: 0, gzip: 0 });
  const summary = audit(lhr, 'resource-summary')?.details?.items ?? [];
  return {
    code,
    codeTransfer: total.transfer,
    codeGzip: total.gzip,
    allTransfer: summary.find((i) => i.resourceType === 'total')?.transferSize ?? NaN,
    encodings: [...encodings],
    outside,
    lcp: numeric(lhr, 'largest-contentful-paint'),
    fcp: numeric(lhr, 'first-contentful-paint'),
    tbt: numeric(lhr, 'total-blocking-time'),
    performance: (lhr.categories.performance?.score ?? NaN) * 100,
    seo: (lhr.categories.seo?.score ?? NaN) * 100,
    seoFailed: (lhr.categories.seo?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && audit(lhr, ref.id)?.score === 0)
      .map((ref) => ref.id),
    lcpElement: lcpElement(lhr),
    warnings: lhr.runWarnings ?? [],
  };
}

/** One Lighthouse run of `url` in a fresh Chromium (its own profile: no cache, no storage). */
async function runOnce(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'seo'],
      // The full-page screenshot is for the HTML report only; it costs seconds a run.
      skipAudits: ['full-page-screenshot'],
      enableErrorReporting: false,
    }, CONFIG);
    if (!result?.lhr) throw new Error('Lighthouse returned no report');
    if (result.lhr.runtimeError) throw new Error(`${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

function browserName() {
  try {
    return execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'Chromium';
  }
}

// ---- the run ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mapline-lighthouse-'));
fs.writeFileSync(path.join(tmp, 'tl3.html'), tl3HostPage());
if (!fs.existsSync(path.join(ANCHORS, PEER_TEMPLATE))) throw new Error(`${PEER_TEMPLATE} not found in ${ANCHORS}`);
const server = await serve({ '/': DIST, '/anchors/': ANCHORS, '/bench/': tmp, '/tl3/': TL3_DIST }, { compress: true });
if (args.save) fs.mkdirSync(args.save, { recursive: true });
const info = machine(ROOT, browserName());
const started = Date.now();
const log = (msg) => console.error(`lighthouse [${Math.round((Date.now() - started) / 1000)}s] ${msg}`);
const runs = Object.fromEntries(PAGES.map((p) => [p.id, []]));
try {
  // Rounds: every page once, then again, so slow spells of the shared machine spread over all pages.
  for (let round = 1; round <= RUNS; round++) {
    for (const page of PAGES) {
      if (ONLY && !ONLY.includes(page.id)) continue;
      try {
        const lhr = await runOnce(server.origin + page.route);
        const served = new Map(server.requests.filter((r) => r.file).map((r) => [r.path, r]));
        const f = figures(lhr, served);
        runs[page.id].push(f);
        if (args.save) fs.writeFileSync(path.join(args.save, `${page.id}-${round}.json`), JSON.stringify(lhr));
        log(`${page.route} #${round}: LCP ${Math.round(f.lcp)} ms, TBT ${Math.round(f.tbt)} ms, performance ${f.performance}, code ${(f.codeTransfer / KB).toFixed(1)} KB transferred`);
        for (const w of f.warnings) log(`  warning: ${String(w).slice(0, 200)}`);
      } catch (e) {
        runs[page.id].push({ error: String(e?.message ?? e).split('\n')[0].slice(0, 200) });
        log(`${page.route} #${round}: failed: ${runs[page.id].at(-1).error}`);
      }
      server.requests.length = 0;
    }
  }
} finally {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
const seconds = Math.round((Date.now() - started) / 1000);

// ---- the section ----
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / KB).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KB` : '—');
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en')} ms` : '—');
const sec = (x) => (Number.isFinite(x) ? `${(x / 1000).toFixed(2)} s` : '—');
const score = (x) => (Number.isFinite(x) ? String(Math.round(x)) : '—');
const status = (ok) => (ok === undefined ? '—' : ok ? '**met**' : '**missed**');
const ok = (id) => runs[id].filter((r) => !r.error);
const med = (id, key) => median(ok(id).map((r) => r[key]));
const medKind = (id, kind, key) => median(ok(id).map((r) => r.code[kind][key]));
const range = (id, key, fmt) => {
  const xs = ok(id).map((r) => r[key]).filter(Number.isFinite);
  return xs.length > 1 ? ` (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})` : '';
};
const failures = (id) => {
  const failed = runs[id].filter((r) => r.error);
  return failed.length ? `; ${failed.length} of ${runs[id].length} failed: ${failed[0].error}`.replaceAll('|', '/') : '';
};

const mainRows = PAGES.map((p) => {
  if (!ok(p.id).length) return `| ${p.label} | failed${failures(p.id)} | — | — | — | — | — | — |`;
  return `| ${p.label} | ${kb(med(p.id, 'codeTransfer'))} | ${kb(med(p.id, 'codeGzip'))} | ${sec(med(p.id, 'lcp'))}${range(p.id, 'lcp', sec)} | ${ms(med(p.id, 'tbt'))} | ${sec(med(p.id, 'fcp'))} | ${score(med(p.id, 'performance'))} | ${score(med(p.id, 'seo'))}${failures(p.id)} |`;
});

const codeRows = PAGES.map((p) => {
  const r = ok(p.id);
  if (!r.length) return `| ${p.label} | — | — | — | — | — | — | — |`;
  const cells = CODE_KINDS.map((k) => {
    const files = median(r.map((x) => x.code[k].files));
    return files ? `${kb(medKind(p.id, k, 'transfer'))} (${files})` : '—';
  });
  const encodings = [...new Set(r.flatMap((x) => x.encodings))].sort().join(', ') || '—';
  const outside = Math.max(...r.map((x) => x.outside.length));
  const hosts = [...new Set(r.flatMap((x) => x.outside))].join(', ');
  return `| ${p.label} | ${cells.join(' | ')} | ${kb(med(p.id, 'allTransfer'))} | ${encodings} | ${outside}${hosts ? ` (${hosts})` : ''} |`;
});

const lcpRows = PAGES.map((p) => {
  const r = ok(p.id);
  if (!r.length) return `| ${p.label} | — | — | — |`;
  // One per distinct element (by DOM path: TimelineJS3 gives its slides random ids).
  const byPath = new Map(r.map((x) => [x.lcpElement.path ?? x.lcpElement.text, x.lcpElement.text]).reverse());
  const elements = [...byPath.values()];
  const phaseNames = [...new Set(r.flatMap((x) => Object.keys(x.lcpElement.phases)))];
  const phases = phaseNames.map((name) => `${name} ${ms(median(r.map((x) => x.lcpElement.phases[name])))}`).join(', ') || '—';
  const seoFailed = [...new Set(r.flatMap((x) => x.seoFailed))].map((id) => `\`${id}\``).join(', ') || 'none';
  const cell = (s) => s.replaceAll('|', '\\|').replaceAll('`', "'");
  return `| ${p.label} | ${elements.map((e) => `\`${cell(e)}\``).join(' / ')}${elements.length > 1 ? ' (differs between runs)' : ''} | ${phases} | ${seoFailed} |`;
});

const readers = PAGES.filter((p) => p.reader);
const budgetRows = [];
const budget = (what, now, met) => budgetRows.push(`| ${what} | ${now} | ${status(met)} |`);
const has = (id, key) => Number.isFinite(med(id, key));
budget('`/embed/timeline` code ≤ 140 KB gzip', kb(med('embed', 'codeGzip')), has('embed', 'codeGzip') ? med('embed', 'codeGzip') <= BUDGET.embedCodeGzip : undefined);
for (const p of readers) {
  budget(`${p.label} code ≤ 250 KB gzip`, kb(med(p.id, 'codeGzip')), has(p.id, 'codeGzip') ? med(p.id, 'codeGzip') <= BUDGET.readerCodeGzip : undefined);
}
for (const p of PAGES.filter((x) => !x.peer)) {
  budget(`${p.label} LCP ≤ 2.5 s`, sec(med(p.id, 'lcp')), has(p.id, 'lcp') ? med(p.id, 'lcp') <= BUDGET.lcpMs : undefined);
}
budget(
  `\`/embed/timeline\` LCP ≤ ${TL3}'s`,
  `${sec(med('embed', 'lcp'))} vs ${sec(med('tl3', 'lcp'))}`,
  has('embed', 'lcp') && has('tl3', 'lcp') ? med('embed', 'lcp') <= med('tl3', 'lcp') : undefined,
);

const mainTable = [
  `| Page | Code transferred | Code gzip | LCP (range) | TBT | FCP | Performance | SEO |`,
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...mainRows,
].join('\n');
const budgetTable = ['| Budget | Now | Status |', '| --- | --- | --- |', ...budgetRows].join('\n');
const lcpTable = ['| Page | LCP element | LCP phases | SEO audits failed |', '| --- | --- | --- | --- |', ...lcpRows].join('\n');
const section = `${LIGHTHOUSE_HEADING}

Produced by \`node bench/lighthouse.mjs\` (run by \`./scripts/bench\` after the table above) on ${info.date},
commit ${info.commit}. Machine: ${info.text}. Lighthouse ${LH_VERSION}, ${RUNS} runs per page, median
(LCP's range beside it). Total time ${seconds} s.

- **Conditions**: Lighthouse's mobile defaults — a Moto G Power–sized screen, simulated slow 4G (150 ms RTT,
  1.6 Mbps down) and 4× CPU slowdown (\`throttlingMethod: simulate\`: the page loads unthrottled and Lighthouse
  computes the metrics for those conditions) — categories performance and SEO, each run in a fresh headless
  Chromium profile (no cache). The built \`dist/\` is served by the tests' static server as a host with
  precompressed files serves it: the build's \`.br\` copy (Chromium accepts brotli), or \`.gz\`, and gzip made on the
  fly for files without a copy (TimelineJS3's files from node_modules, our host page for it, the document).
  Chromium resolves no host but 127.0.0.1; requests to other hosts fail and are counted.
- **Pages**: the reader app's \`/\`, \`/map\`, a story and a case page with the bundled sample data; the timeline
  embed on \`${PEER_TEMPLATE}\` (TimelineJS3's own template, from the shared anchors) beside ${TL3} on the same
  document in our small host page (the one bench/run.mjs uses).
- **Code**: wasm + JS + CSS + HTML requests (data, images and fonts left out). *Transferred*: Lighthouse's
  \`transferSize\` (network-requests audit: compressed body and headers, as sent). *Gzip*: the same files
  gzipped at level 9 (the build's \`.gz\` copies), the unit of the budgets. KB = 1,024 bytes.
- **LCP, TBT, FCP**: Lighthouse's simulated metrics; scores 0–100.

${mainTable}

Budgets:

${budgetTable}

Code by kind (transferred, files), everything the page transferred (resource-summary), the encodings served,
requests to other hosts:

| Page | wasm | JS | CSS | HTML | All transferred | Encodings | Other hosts |
| --- | --- | --- | --- | --- | --- | --- | --- |
${codeRows.join('\n')}

The LCP element (largest-contentful-paint-element audit), its phases (median), and the SEO audits that failed:

${lcpTable}
`;

console.log(`${mainTable}\n\n${budgetTable}\n\n${lcpTable}`);
if (ONLY) {
  console.error(`lighthouse: ${seconds} s; --only ${ONLY.join(',')}: not written to ${path.relative(process.cwd(), OUT) || OUT}`);
} else {
  writeSection(OUT, LIGHTHOUSE_HEADING, section);
  console.error(`lighthouse: ${seconds} s; section "${LIGHTHOUSE_HEADING}" written to ${path.relative(process.cwd(), OUT) || OUT}`);
}
