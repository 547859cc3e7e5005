// Benchmark of /map (prints figures, asserts nothing about time): ready time and
// frame times while panning and zooming, with the sample data and with 10,000
// generated members. Run after `trunk build --release`:
//
//   node bench/map.mjs [members=10000]
//
// The generated dataset is written to dist/bench-map/ (removed afterwards) and
// loaded with ?data=.
import fs from 'node:fs';
import path from 'node:path';
import { startApp, ROOT } from '../tests/e2e/harness.mjs';

const COUNT = Number(process.argv[2] ?? 10000);
const OUT = path.join(ROOT, 'dist/bench-map');

// Country label points from the generated reference table.
const table = fs.readFileSync(path.join(ROOT, 'src/countries/table.rs'), 'utf8');
const countries = [...table.matchAll(/code: "([A-Z]{2})",[^}]*?lat: (-?[\d.]+),\s*lon: (-?[\d.]+),/gs)].map((m) => ({
  code: m[1],
  lat: Number(m[2]),
  lon: Number(m[3]),
}));
const REGIONS = ['africa', 'americas', 'asia-pacific', 'europe-central-asia', 'mena'];

function generate(count) {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const members = [];
  for (let i = 0; i < count; i++) {
    const c = countries[Math.floor(random() * countries.length)];
    const lat = Math.max(-80, Math.min(80, c.lat + (random() - 0.5) * 4));
    const lon = Math.max(-180, Math.min(180, c.lon + (random() - 0.5) * 4));
    members.push({
      id: `m${i}`,
      name: { en: `Member ${i}` },
      country: c.code,
      region: REGIONS[i % REGIONS.length],
      coordinates: { lat: Number(lat.toFixed(4)), lon: Number(lon.toFixed(4)) },
    });
  }
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'members.json'), JSON.stringify({ format: 'mapline/1', members }));
  fs.writeFileSync(
    path.join(OUT, 'manifest.json'),
    JSON.stringify({ format: 'mapline/1', title: { en: `Benchmark: ${count} members` }, files: ['members.json'] }),
  );
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1] ?? NaN };
};
const ms = (x) => `${x.toFixed(1)} ms`;

async function measure(app, label, route) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  await context.addInitScript(() => {
    new MutationObserver(() => {
      const state = document.getElementById('app')?.dataset.state;
      if (state && state !== 'loading' && window.__settled === undefined) {
        window.__settled = { state, at: performance.now() };
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
  });
  const page = await app.open(route, { context });
  await page.waitForFunction(() => window.__settled !== undefined, null, { timeout: 120000 });
  const settled = await page.evaluate(() => window.__settled);
  if (settled.state !== 'ready') throw new Error(`${label}: data-state ${settled.state}`);
  const markers = await page.evaluate(() => document.querySelectorAll('tr[data-member-id]').length);

  // Frame times while dragging the map around and zooming in and out.
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  const box = await page.locator('.map-canvas').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let step = 1; step <= 30; step++) await page.mouse.move(cx - step * 10, cy - step * 4);
    await page.mouse.up();
    await page.mouse.down();
    for (let step = 1; step <= 30; step++) await page.mouse.move(cx - 300 + step * 10, cy - 120 + step * 4);
    await page.mouse.up();
  }
  for (const key of ['+', '+', '-', '-']) {
    await page.locator('.map-canvas').focus();
    await page.keyboard.press(key);
    await page.waitForTimeout(400);
  }
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames.slice(1);
  });
  const f = stats(frames);
  const longFrames = frames.filter((x) => x > 50).length;
  console.log(
    `${label}: ready ${ms(settled.at)} (${markers} members listed); ` +
      `frames while panning/zooming: ${f.n}, median ${ms(f.median)}, p95 ${ms(f.p95)}, max ${ms(f.max)}, ` +
      `${longFrames} over 50 ms`,
  );
  await context.close();
}

generate(COUNT);
const app = await startApp();
try {
  await measure(app, 'sample data', '/map');
  await measure(app, `${COUNT} generated members`, '/map?data=bench-map/manifest.json');
} finally {
  await app.close();
  fs.rmSync(OUT, { recursive: true, force: true });
}
