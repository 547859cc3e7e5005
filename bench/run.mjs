// The benchmark: Mapline side by side with TimelineJS3, in headless Chromium.
// Run by `./scripts/bench` (which builds release first); prints one Markdown table
// and writes it, with the date, machine and definitions, to bench/RESULTS.md.
// It measures and reports; it asserts nothing about time.
//
//   node bench/run.mjs
//
// Environment: BENCH_RUNS (loads per app and document, default 5), BENCH_RUNS_10K
// (the same at 10,000 events, default BENCH_RUNS), BENCH_MAP_RUNS (loads of each
// map, default 3), BENCH_TIMEOUT_MS (per load,
// default 120000), BENCH_OUT (the results file, default bench/RESULTS.md).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startApp } from '../tests/e2e/harness.mjs';
import { timelineJs3Document, writeMapData, writeTimelineData } from './generate.mjs';
import { ANCHORS, PEER_TEMPLATE, TL3, TL3_DIST, tl3HostPage } from './peer.mjs';
import { LIGHTHOUSE_HEADING, machine, sectionOf } from './results.mjs';
import {
  compressedSizes,
  dragSweeps,
  firstEventProbe,
  frameTimes,
  median,
  memoryAfterLoad,
  percentile,
  sizesByKind,
  sumKinds,
  walk,
} from './measure.mjs';

const intEnv = (name, fallback) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const RUNS = intEnv('BENCH_RUNS', 5);
const RUNS_10K = intEnv('BENCH_RUNS_10K', RUNS);
const MAP_RUNS = intEnv('BENCH_MAP_RUNS', 3);
const TIMEOUT = intEnv('BENCH_TIMEOUT_MS', 120000);
const OUT = process.env.BENCH_OUT ?? path.join(ROOT, 'bench/RESULTS.md');
const VIEWPORT = { width: 1280, height: 800 };
const PARSE_CASES = 10000;

// Budgets (README, "Benchmarks").
const BUDGET = {
  // A reader page's first view (issue #19; the timeline embed's 140 KB is
  // bench/lighthouse.mjs's).
  readerFirstViewGzip: 250 * 1024,
  ratioOwnTemplate: 0.5,
  ratio10k: 1 / 20,
  frameP95: 16.7,
};

// The same documents for both apps: the peer's own template, then generated ones.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mapline-bench-'));
fs.mkdirSync(path.join(tmp, 'docs'));
const DOCS = [];
if (fs.existsSync(path.join(ANCHORS, PEER_TEMPLATE))) {
  fs.copyFileSync(path.join(ANCHORS, PEER_TEMPLATE), path.join(tmp, 'docs', PEER_TEMPLATE));
  DOCS.push({ file: PEER_TEMPLATE, label: `\`${PEER_TEMPLATE}\``, runs: RUNS, budget: BUDGET.ratioOwnTemplate });
} else {
  console.error(`bench: ${PEER_TEMPLATE} not found in ${ANCHORS}; skipping it`);
}
for (const n of [100, 1000, 10000]) {
  const file = `generated-${n}.json`;
  fs.writeFileSync(path.join(tmp, 'docs', file), timelineJs3Document(n));
  DOCS.push({
    file,
    label: `${n.toLocaleString('en')} events`,
    events: n,
    runs: n >= 10000 ? RUNS_10K : RUNS,
    budget: n === 10000 ? BUDGET.ratio10k : undefined,
  });
}
// Our own page for TimelineJS3 (bench/peer.mjs), served at /bench/tl3.html.
fs.writeFileSync(path.join(tmp, 'tl3.html'), tl3HostPage());
const MAP_MARKERS = 10000;
writeMapData(path.join(tmp, 'map'), MAP_MARKERS, countryPoints());
writeTimelineData(path.join(tmp, 'cases'), PARSE_CASES * 3, { perCase: 3 });

// Per app: the first-event selector; `settled` once it has loaded (or failed);
// `done` once there is an event on screen or nothing more to wait for.
const APPS = {
  mapline: {
    name: 'Mapline',
    url: (doc) => `/embed/timeline?source=/bench/docs/${doc}`,
    selector: '[data-timeline] [data-event-id] .tl-label',
    // The first view's (before the app arrives) or the app's.
    slide: '[data-timeline-slide][data-slide="title"] h2',
    settled: () => ['ready', 'error'].includes(document.getElementById('app')?.dataset.state),
    done: () =>
      window.__firstEvent !== undefined ||
      window.__pageError !== undefined ||
      ['ready', 'error'].includes(document.getElementById('app')?.dataset.state),
    failure: () =>
      document.getElementById('app')?.dataset.state === 'error' ? document.getElementById('app').innerText.slice(0, 200) : null,
  },
  tl3: {
    name: TL3,
    url: (doc) => `/bench/tl3.html?doc=/bench/docs/${doc}`,
    selector: '.tl-timemarker .tl-headline',
    slide: '.tl-slide-titleslide .tl-headline',
    settled: () => window.__tlLoaded === true || window.__tlError !== undefined,
    done: () =>
      window.__firstEvent !== undefined ||
      window.__pageError !== undefined ||
      window.__tlLoaded === true ||
      window.__tlError !== undefined,
    failure: () => window.__tlError ?? document.querySelector('.tl-message-full')?.innerText?.slice(0, 200) ?? null,
  },
};

/** Country label points from the generated reference table, to place map markers. */
function countryPoints() {
  const table = fs.readFileSync(path.join(ROOT, 'src/countries/table.rs'), 'utf8');
  return [...table.matchAll(/code: "([A-Z]{2})",[^}]*?lat: (-?[\d.]+),\s*lon: (-?[\d.]+),/gs)].map((m) => ({
    code: m[1],
    lat: Number(m[2]),
    lon: Number(m[3]),
  }));
}

/** The file a served URL comes from (dist's SPA fallback for routes). */
function servedFile(url) {
  const { pathname } = new URL(url);
  const mounts = [
    ['/bench/', tmp],
    ['/tl3/', TL3_DIST],
    ['/anchors/', ANCHORS],
    ['/', path.join(ROOT, 'dist')],
  ];
  const [prefix, dir] = mounts.find(([p]) => pathname.startsWith(p));
  const file = path.join(dir, decodeURIComponent(pathname.slice(prefix.length)));
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(ROOT, 'dist/index.html');
}

/** Opens `route` in a fresh context (no cache) with the first-event probe installed. */
async function openProbed(app, route, selector, slide) {
  const context = await app.browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript(firstEventProbe, { event: selector, slide });
  const page = await app.open(undefined, { context });
  const files = [];
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).hostname === '127.0.0.1') files.push(servedFile(request.url()));
  });
  page.files = files;
  await page.goto(app.url(route), { waitUntil: 'commit', timeout: TIMEOUT });
  return page;
}

const failureText = (e) => String(e?.message ?? e).split('\n')[0].slice(0, 160);

/**
 * One load of `doc` in `kind`: time to the first event on screen, then (once the
 * app has settled and a second has passed) memory and blocked requests. Keeps the
 * page open when `keep` is set, for the frame measurements.
 */
async function loadOnce(app, kind, doc, keep = false) {
  const spec = APPS[kind];
  const result = {};
  let page;
  try {
    page = await openProbed(app, spec.url(doc.file), spec.selector, spec.slide);
    const deadline = Date.now() + TIMEOUT;
    // An event on screen, or the app settled (or broke) without one.
    await page.waitForFunction(spec.done, null, { timeout: TIMEOUT });
    // A little grace for an app that settles just before it paints.
    await page.waitForFunction(() => window.__firstEvent !== undefined, null, { timeout: 3000 }).catch(() => {});
    result.firstEvent = await page.evaluate(() => window.__firstEvent ?? null);
    if (result.firstEvent === null) throw new Error('no event on screen');
    result.firstSlide = await page.evaluate(() => window.__firstSlide ?? null);
    await page.waitForFunction(spec.settled, null, { timeout: Math.max(1000, deadline - Date.now()) });
    await page.waitForTimeout(1000);
    result.memory = await memoryAfterLoad(page);
  } catch (e) {
    result.error = page ? await whyFailed(page, spec, e) : failureText(e);
  }
  result.blocked = page?.trouble.outside.map((url) => new URL(url).hostname) ?? [];
  if (keep && !result.error) return { result, page };
  await page?.context().close();
  return { result };
}

/** The app's own account of a failed load: its error, the page's error, or what timed out. */
async function whyFailed(page, spec, e) {
  const own = await page.evaluate(spec.failure).catch(() => null);
  const pageError = page.trouble.pageErrors[0] ?? (await page.evaluate(() => window.__pageError ?? null).catch(() => null));
  const consoleError = page.trouble.console.find((text) => !text.includes('ERR_BLOCKED_BY_CLIENT'));
  const text = pageError ?? consoleError ?? own ?? failureText(e);
  return `${failureText(text)}${own && text !== own ? ` (page shows: ${failureText(own)})` : ''}`;
}

/** Pan (drag) and zoom (buttons) frame times on a loaded timeline of either app. */
async function timelineFrames(page, kind) {
  const out = {};
  try {
    const axis = await page.locator(kind === 'mapline' ? '[data-timeline]' : '.tl-timenav').first().boundingBox();
    const y = kind === 'mapline' ? axis.y + axis.height - 6 : axis.y + axis.height / 2;
    out.pan = await frameTimes(page, () => dragSweeps(page, axis, y));
  } catch (e) {
    out.panError = failureText(e);
  }
  try {
    const button = async (selector) => {
      const box = await page.locator(selector).first().boundingBox({ timeout: 5000 });
      return [box.x + box.width / 2, box.y + box.height / 2];
    };
    const zoomIn = await button(kind === 'mapline' ? '[data-timeline-zoom="in"]' : '.tl-menubar-button:has(.tl-icon-zoom-in)');
    const zoomOut = await button(kind === 'mapline' ? '[data-timeline-zoom="out"]' : '.tl-menubar-button:has(.tl-icon-zoom-out)');
    out.zoom = await frameTimes(page, async () => {
      for (const [x, y] of [zoomIn, zoomIn, zoomOut, zoomOut]) {
        await page.mouse.click(x, y);
        await page.waitForTimeout(1100);
      }
    });
  } catch (e) {
    out.zoomError = failureText(e);
  }
  return out;
}

/** Pan (drag) and zoom (keys) frame times on Mapline's map; ready time and memory too. */
async function mapRun(app, route) {
  const page = await openProbed(app, route, '.map-canvas');
  try {
    // The published /map shows its picture and starts the app at the
    // reader's first input: a key press as soon as the page is there (so
    // "ready" counts the app's whole start, as before).
    await page.waitForSelector('#app', { state: 'attached', timeout: TIMEOUT });
    if (await page.locator('#app[data-start="input"]').count()) await page.keyboard.press('Shift');
    await page.waitForFunction(APPS.mapline.settled, null, { timeout: TIMEOUT });
    const failure = await page.evaluate(APPS.mapline.failure);
    if (failure) throw new Error(failure);
    const ready = await page.evaluate(() => performance.now());
    const markers = await page.evaluate(() => document.querySelectorAll('tr[data-member-id]').length);
    await page.waitForTimeout(1000);
    const memory = await memoryAfterLoad(page);
    const canvas = page.locator('.map-canvas');
    const box = await canvas.boundingBox();
    const pan = await frameTimes(page, () => dragSweeps(page, box, box.y + box.height / 2, { vertical: 120 }));
    // The element is found once, before the frames are counted: Playwright's
    // selector engine walks the page (10,000 list rows) on every locator call,
    // and that walk, 18-30 ms on the page's thread, was counted as zoom frames.
    const map = await canvas.elementHandle();
    const zoom = await frameTimes(page, async () => {
      for (const key of ['+', '+', '-', '-']) {
        await map.focus();
        await page.keyboard.press(key);
        await page.waitForTimeout(600);
      }
    });
    return { ready, markers, memory, pan, zoom };
  } catch (e) {
    return { error: failureText(e) };
  } finally {
    await page.context().close();
  }
}

/** Parse + validate of the 10,000-case dataset in the app (the mapline:load-dataset measure). */
async function wasmParse(app, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const page = await openProbed(app, '/?data=/bench/cases/manifest.json', 'body');
    try {
      await page.waitForFunction(() => performance.getEntriesByName('mapline:load-dataset').length > 0, null, { timeout: TIMEOUT });
      times.push(await page.evaluate(() => performance.getEntriesByName('mapline:load-dataset')[0].duration));
    } finally {
      await page.context().close();
    }
  }
  return times;
}

/** Parse + validate natively: the release `parse_bench` example (built by scripts/bench). */
function nativeParse() {
  const bin = path.join(ROOT, 'target/release/examples/parse_bench');
  if (!fs.existsSync(bin)) return { error: 'target/release/examples/parse_bench not built' };
  const run = spawnSync(bin, [path.join(tmp, 'cases/manifest.json'), '7'], { encoding: 'utf8' });
  if (run.status !== 0) return { error: (run.stderr || `exit ${run.status}`).trim().slice(0, 160) };
  return JSON.parse(run.stdout);
}

/**
 * The files a first view loads, once it has settled (or given up after 30 s: a
 * page that never renders has still loaded its code) and the network is idle.
 */
async function firstViewFiles(app, route, kind) {
  const page = await openProbed(app, route, APPS[kind].selector);
  try {
    await page.waitForFunction(APPS[kind].settled, null, { timeout: 30000 }).catch(() => {});
    await page.waitForLoadState('networkidle');
    return page.files;
  } finally {
    await page.context().close();
  }
}

// ---- formatting ----
const KB = (bytes) => `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}`;
const sizeCell = (s) => (s && s.raw ? `${KB(s.raw)} / ${KB(s.gzip)} / ${KB(s.brotli)} KB` : '—');
const msCell = (x) => (Number.isFinite(x) ? `${x.toLocaleString('en', { maximumFractionDigits: x < 10 ? 2 : 0 })} ms` : '—');
const MB = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(1)} MB` : '—');
const ratioCell = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(3)}×` : '—');
const status = (ok) => (ok === undefined ? '—' : ok ? '**met**' : '**missed**');
// Frame times to a tenth of a ms: a p95 of 16.6 ms must not print as 17 ms beside a budget of 16.7 met.
const frameMs = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—');
const framesCell = (xs) => (xs?.length ? `${frameMs(percentile(xs, 50))} / ${frameMs(percentile(xs, 95))} (${xs.length} frames)` : '—');

function timingCell(runs, key = 'firstEvent') {
  const ok = runs.filter((r) => !r.error && Number.isFinite(r[key])).map((r) => r[key]);
  const failed = runs.filter((r) => r.error);
  if (!ok.length) return `failed: ${failed[0]?.error ?? 'not run'}`.replaceAll('|', '/').replaceAll('\n', ' ');
  const range = `${Math.round(Math.min(...ok))}–${Math.round(Math.max(...ok))}`;
  const note = failed.length ? `; ${failed.length} failed: ${failed[0].error}` : '';
  return `${msCell(median(ok))} (n=${ok.length}, ${range}${note})`.replaceAll('|', '/').replaceAll('\n', ' ');
}

// ---- the run ----
const rows = [];
const row = (measure, mapline, tl3 = '—', ratio = '—', budget = '—', ok = undefined) =>
  rows.push([measure, mapline, tl3, ratio, budget, status(ok)]);

const app = await startApp({ mounts: { '/bench/': tmp, '/tl3/': TL3_DIST } });
let info;
const started = Date.now();
try {
  info = machine(ROOT, `Chromium ${app.browser.version()}`);
  const log = (msg) => console.error(`bench [${Math.round((Date.now() - started) / 1000)}s] ${msg}`);

  // Transfer sizes.
  log('transfer sizes');
  try {
    const home = sizesByKind(await firstViewFiles(app, '/', 'mapline'));
    for (const kind of ['wasm', 'JS', 'CSS', 'HTML', 'data', 'other']) {
      if (home[kind]) row(`First view \`/\`: ${kind} (${home[kind].files} files; raw / gzip / brotli)`, sizeCell(home[kind]));
    }
    const code = sumKinds(home, ['wasm', 'JS', 'CSS', 'HTML']);
    const all = sumKinds(home);
    row('First view `/`: app code (wasm + JS + CSS + HTML, Leaflet included)', sizeCell(code), '—', '—', '≤ 250 KB gzip', code.gzip <= BUDGET.readerFirstViewGzip);
    row('First view `/`: everything (code + sample data + images)', sizeCell(all));
    if (DOCS[0]?.file === PEER_TEMPLATE) {
      const ours = sizesByKind(await firstViewFiles(app, APPS.mapline.url(PEER_TEMPLATE), 'mapline'));
      const theirs = sizesByKind(await firstViewFiles(app, APPS.tl3.url(PEER_TEMPLATE), 'tl3'));
      const codeKinds = ['wasm', 'JS', 'CSS', 'HTML', 'other'];
      const a = sumKinds(ours, codeKinds);
      const b = sumKinds(theirs, codeKinds);
      row(`Timeline of \`${PEER_TEMPLATE}\`: code (all but the document; TL3 with our 1 KB host page)`, sizeCell(a), sizeCell(b), ratioCell(a.gzip, b.gzip) + ' gzip');
    }
    const dist = sizesByKind(walk(path.join(ROOT, 'dist')));
    const tl3dist = sizesByKind(walk(TL3_DIST));
    const d = sumKinds(dist);
    const t = sumKinds(tl3dist);
    row(`Whole app: \`dist/\` (${d.files} files) vs TL3's npm \`dist/\` (${t.files} files)`, sizeCell(d), sizeCell(t), ratioCell(d.gzip, t.gzip) + ' gzip');
  } catch (e) {
    row('Transfer sizes', `failed: ${failureText(e)}`);
  }

  // Time to first event, alternating the apps; memory on every load; frames on the last.
  for (const doc of DOCS) {
    const runs = { mapline: [], tl3: [] };
    const frames = {};
    for (let i = 0; i < doc.runs; i++) {
      for (const kind of ['mapline', 'tl3']) {
        const last = i === doc.runs - 1;
        const { result, page } = await loadOnce(app, kind, doc, last);
        runs[kind].push(result);
        log(`${doc.file} ${kind} #${i + 1}: ${result.error ? `failed: ${result.error}` : `${result.firstEvent.toFixed(0)} ms`}`);
        if (page) {
          try {
            frames[kind] = await timelineFrames(page, kind);
          } finally {
            await page.context().close();
          }
        }
      }
    }
    const med = (kind) => median(runs[kind].filter((r) => !r.error).map((r) => r.firstEvent));
    const ratio = med('mapline') / med('tl3');
    const budget = doc.budget === undefined ? '—' : `≤ ${doc.budget === 0.5 ? '1/2' : '1/20'} of TL3`;
    const ok = doc.budget === undefined || !Number.isFinite(ratio) ? undefined : ratio <= doc.budget;
    row(`Time to first event: ${doc.label}`, timingCell(runs.mapline), timingCell(runs.tl3), ratioCell(med('mapline'), med('tl3')), budget, ok);
    const slideMed = (kind) => median(runs[kind].filter((r) => !r.error && Number.isFinite(r.firstSlide)).map((r) => r.firstSlide));
    row(`Time to the title slide: ${doc.label}`, timingCell(runs.mapline, 'firstSlide'), timingCell(runs.tl3, 'firstSlide'), ratioCell(slideMed('mapline'), slideMed('tl3')));
    const memo = (kind, key) => median(runs[kind].filter((r) => r.memory).map((r) => r.memory[key]));
    row(`JS heap after load: ${doc.label}`, MB(memo('mapline', 'heap')), MB(memo('tl3', 'heap')), ratioCell(memo('mapline', 'heap'), memo('tl3', 'heap')));
    row(`Wasm memory after load: ${doc.label}`, MB(memo('mapline', 'wasm')), 'no wasm');
    const blocked = (kind) => {
      const worst = runs[kind].reduce((a, r) => (r.blocked.length > a.length ? r.blocked : a), []);
      return worst.length ? `${worst.length} (${[...new Set(worst)].join(', ')})` : '0';
    };
    row(`Requests blocked (leaving 127.0.0.1), most in one load: ${doc.label}`, blocked('mapline'), blocked('tl3'));
    const fr = (kind, which) => {
      const error = frames[kind]?.[`${which}Error`];
      return error ? `failed: ${error}`.replaceAll('|', '/') : framesCell(frames[kind]?.[which]);
    };
    const panOk = doc.events === 10000 && frames.mapline?.pan?.length ? percentile(frames.mapline.pan, 95) <= BUDGET.frameP95 : undefined;
    row(`Timeline pan frame p50 / p95: ${doc.label}`, fr('mapline', 'pan'), fr('tl3', 'pan'), '—', doc.events === 10000 ? 'p95 ≤ 16.7 ms' : '—', panOk);
    row(`Timeline zoom frame p50 / p95: ${doc.label}`, fr('mapline', 'zoom'), fr('tl3', 'zoom'));
  }

  // The map (Mapline only: TimelineJS3 has none).
  for (const [label, route, big] of [
    ['sample data', '/map', false],
    [`${MAP_MARKERS.toLocaleString('en')} markers`, '/map?data=/bench/map/manifest.json', true],
  ]) {
    // Several loads, their frames pooled: one load's p95 rests on its 7
    // slowest of ~140 frames, and on this machine it ranged 13-25 ms between
    // loads of the same build.
    const loads = [];
    for (let i = 0; i < MAP_RUNS; i++) {
      log(`map, ${label} #${i + 1}`);
      loads.push(await mapRun(app, route));
    }
    const failed = loads.find((l) => l.error);
    if (failed) {
      row(`Map: ${label}`, `failed: ${failed.error}`, 'no map');
      continue;
    }
    const m = loads.at(-1);
    const pan = loads.flatMap((l) => l.pan);
    const zoom = loads.flatMap((l) => l.zoom);
    const perLoad = (key) => loads.map((l) => frameMs(percentile(l[key], 95))).join(', ');
    row(`Map ready (${m.markers.toLocaleString('en')} members listed), JS heap / wasm memory: ${label}`, `${msCell(median(loads.map((l) => l.ready)))}; ${MB(m.memory.heap)} / ${MB(m.memory.wasm)}`, 'no map');
    row(`Map pan frame p50 / p95: ${label}`, `${framesCell(pan)}; per load p95 ${perLoad('pan')}`, 'no map', '—', big ? 'p95 ≤ 16.7 ms' : '—', big ? percentile(pan, 95) <= BUDGET.frameP95 : undefined);
    row(`Map zoom frame p50 / p95: ${label}`, `${framesCell(zoom)}; per load p95 ${perLoad('zoom')}`, 'no map', '—', big ? 'p95 ≤ 16.7 ms' : '—', big ? percentile(zoom, 95) <= BUDGET.frameP95 : undefined);
  }

  // Parse + validate of 10,000 cases.
  log('parse + validate');
  const native = nativeParse();
  const bytes = fs.readdirSync(path.join(tmp, 'cases')).reduce((sum, f) => sum + fs.statSync(path.join(tmp, 'cases', f)).size, 0);
  const parseLabel = `Parse + validate ${PARSE_CASES.toLocaleString('en')} cases (${(PARSE_CASES * 3).toLocaleString('en')} outcomes, ${MB(bytes)} JSON)`;
  row(`${parseLabel}: native (release, median of 7)`, native.error ? `failed: ${native.error}` : `${msCell(native.median_ms)} (${native.cases} cases, ${native.problems} problems)`, 'no equivalent');
  try {
    const wasm = await wasmParse(app, RUNS);
    row(`${parseLabel}: wasm in Chromium (median of ${wasm.length})`, msCell(median(wasm)), 'no equivalent', '—');
  } catch (e) {
    row(`${parseLabel}: wasm in Chromium`, `failed: ${failureText(e)}`, 'no equivalent');
  }
} finally {
  await app.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}

const table = [
  '| Measure | Mapline | ' + TL3 + ' | Mapline ÷ TL3 | Budget | Status |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const doc = `# Benchmark results

Produced by \`./scripts/bench\` on ${info.date}, commit ${info.commit}.
Machine: ${info.text}. Total time ${Math.round((Date.now() - started) / 1000)} s.

- **Apps**: Mapline's release build (\`/embed/timeline?source=<document>\`) and ${TL3} from npm
  (\`@knight-lab/timelinejs\`, \`dist/\` served from node_modules by the same local server, in a small page of
  ours calling \`new TL.Timeline(el, data, { font: null, script_path: <local> })\` on the same fetched document).
  Every request leaving 127.0.0.1 is aborted in both; the table counts them.
- **Time to first event**: from navigation start to the first animation frame in which an event's headline
  element has text and a box inside the ${VIEWPORT.width}×${VIEWPORT.height} viewport and is not hidden
  (Mapline: \`[data-timeline] [data-event-id] .tl-label\`; TimelineJS3: \`.tl-timemarker .tl-headline\`), checked every
  frame. Each load in a fresh browser context (no HTTP cache); the apps alternate (Mapline, TL3, Mapline, …),
  ${RUNS} loads each (${RUNS_10K} at 10,000 events); median, with the range.
- **Time to the title slide**: the same, for the title slide's headline (Mapline: \`[data-timeline-slide][data-slide="title"] h2\`,
  drawn by the embed's first view before the app's module arrives; TimelineJS3: \`.tl-slide-titleslide .tl-headline\`).
- **Frame time**: main-thread time of each frame while dragging the axis (or map) back and forth, one move a
  frame, and while zooming (two steps in, two out, by the zoom buttons; keys on the map): from the frame's
  start (requestAnimationFrame timestamp) to the end of its rendering (a message posted from that callback).
  Measured on the last load of each app and document; on the map, on ${MAP_RUNS} loads, their frames pooled (p95
  of all of them; each load's own p95 beside it).
- **Memory**: JS heap in use after a forced GC (CDP \`Runtime.getHeapUsage\`), one second after the app settled;
  wasm memory is the \`WebAssembly.Memory\` byteLength of the module Trunk's loader announces.
- **Sizes**: the files the page actually requested, raw / gzip (zlib level 9) / brotli (quality 11), KB = 1,024 bytes.
- **Parse + validate**: \`model::load_dataset\` on the same generated files, natively (\`examples/parse_bench.rs\`)
  and in the app (the \`mapline:load-dataset\` performance measure around it in \`src/data/mod.rs\`).

${table}
`;
// The Lighthouse section (bench/lighthouse.mjs, run after this by ./scripts/bench)
// is carried over with its own date and commit until that run replaces it.
const lighthouse = sectionOf(OUT, LIGHTHOUSE_HEADING);
fs.writeFileSync(OUT, lighthouse ? `${doc}\n${lighthouse}` : doc);
console.log(table);
console.error(`bench: written to ${path.relative(process.cwd(), OUT) || OUT}`);
