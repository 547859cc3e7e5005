// Measuring helpers for the benchmark (bench/run.mjs): statistics, transfer
// sizes, the "first event on screen" probe, frame times, memory. They measure and
// return figures; none of them asserts anything about time.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The median of numbers (NaN when there are none). */
export function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The p-th percentile (0–100), nearest rank. */
export function percentile(xs, p) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Raw, gzip (zlib level 9) and brotli (quality 11) sizes of a buffer, in bytes. */
export function compressedSizes(buffer) {
  return {
    raw: buffer.length,
    gzip: zlib.gzipSync(buffer, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buffer, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

/** What a file counts as in the size rows. */
export function kindOf(file) {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js' || ext === '.mjs') return 'JS';
  if (ext === '.css') return 'CSS';
  if (ext === '.html' || ext === '') return 'HTML';
  if (ext === '.json' || ext === '.csv') return 'data';
  return 'other';
}

/** Sums raw/gzip/brotli sizes of files by kind: { kind: { raw, gzip, brotli, files } }. */
export function sizesByKind(files) {
  const out = {};
  for (const file of new Set(files)) {
    const kind = kindOf(file);
    const sizes = compressedSizes(fs.readFileSync(file));
    const acc = (out[kind] ??= { raw: 0, gzip: 0, brotli: 0, files: 0 });
    acc.raw += sizes.raw;
    acc.gzip += sizes.gzip;
    acc.brotli += sizes.brotli;
    acc.files += 1;
  }
  return out;
}

/** Adds up the given kinds of a sizesByKind result. */
export function sumKinds(byKind, kinds = Object.keys(byKind)) {
  const total = { raw: 0, gzip: 0, brotli: 0, files: 0 };
  for (const kind of kinds) {
    for (const key of Object.keys(total)) total[key] += byKind[kind]?.[key] ?? 0;
  }
  return total;
}

/** Every file below `dir`. */
export function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    // The build's precompressed copies are the same files again.
    return /\.(gz|br)$/.test(entry.name) ? [] : [full];
  });
}

/**
 * Init script: from navigation on, checks every animation frame for an element
 * matching `selector` that has text and a box inside the viewport (not hidden, not
 * transparent); the first frame that has one sets `window.__firstEvent` to
 * performance.now() (milliseconds since navigation start). Keeps the first
 * uncaught error or rejection in `window.__pageError`, and the wasm exports
 * Trunk's loader announces, to read the wasm memory later.
 */
export function firstEventProbe(selectors) {
  // A selector, or { event, slide }: the slide's selector too (the title
  // slide's headline), timed as window.__firstSlide.
  const { event: selector, slide } = typeof selectors === 'string' ? { event: selectors } : selectors;
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return false;
    if (!el.textContent.trim()) return false;
    for (let node = el; node instanceof Element; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    }
    return true;
  };
  const seen = (sel) => [...document.querySelectorAll(sel)].some(visible);
  const poll = () => {
    if (slide && window.__firstSlide === undefined && seen(slide)) window.__firstSlide = performance.now();
    if (window.__firstEvent === undefined && seen(selector)) window.__firstEvent = performance.now();
    if (window.__firstEvent === undefined || (slide && window.__firstSlide === undefined)) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  const failed = (e) => {
    window.__pageError ??= String(e.error ?? e.reason ?? e.message);
  };
  addEventListener('error', failed);
  addEventListener('unhandledrejection', failed);
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__wasmExports = e.detail?.wasm;
  });
}

/** JS heap in use after a forced garbage collection, and the wasm memory if the page has one (bytes). */
export async function memoryAfterLoad(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmExports?.memory?.buffer?.byteLength ?? null);
    return { heap: heap.usedSize, wasm };
  } finally {
    await cdp.detach();
  }
}

/**
 * Records the main-thread time of every frame while `interact` runs: from the
 * frame's start (the requestAnimationFrame timestamp) to the end of its rendering
 * (a message posted from the rAF callback runs after style, layout and paint).
 * Returns the frame times in milliseconds.
 */
export async function frameTimes(page, interact) {
  await page.evaluate(() => {
    window.__frameTimes = [];
    window.__recording = true;
    const channel = new MessageChannel();
    let start = 0;
    channel.port1.onmessage = () => window.__frameTimes.push(performance.now() - start);
    const tick = (t) => {
      if (!window.__recording) return;
      start = t;
      channel.port2.postMessage(0);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await interact();
  return page.evaluate(() => {
    window.__recording = false;
    return window.__frameTimes.slice(1);
  });
}

/** Waits for the next animation frame of the page. */
export const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));

/**
 * Drags across `box` horizontally at height `y`, back and forth, one move a frame;
 * stops early after `limitMs` (a page that takes a second a frame would take minutes).
 */
export async function dragSweeps(page, box, y, { sweeps = 4, steps = 30, vertical = 0, limitMs = 20000 } = {}) {
  const deadline = Date.now() + limitMs;
  await page.mouse.move(box.x + box.width * 0.8, y);
  await page.mouse.down();
  for (let sweep = 0; sweep < sweeps && Date.now() < deadline; sweep++) {
    const from = sweep % 2 ? 0.2 : 0.8;
    const to = sweep % 2 ? 0.8 : 0.2;
    for (let i = 1; i <= steps && Date.now() < deadline; i++) {
      const dy = vertical * (sweep % 2 ? steps - i : i) / steps;
      await page.mouse.move(box.x + box.width * (from + ((to - from) * i) / steps), y - dy);
      await nextFrame(page);
    }
  }
  await page.mouse.up();
}
