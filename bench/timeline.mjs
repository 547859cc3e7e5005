// Timeline benchmark: for generated datasets of 100, 1,000 and 10,000 events,
// prints the time until the first events are on screen (navigation start to
// data-state="ready" with events rendered) and the frame times while panning by
// drag. Prints figures only; it never asserts on time.
//
//   trunk build --release && node bench/timeline.mjs [counts…]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../tests/e2e/harness.mjs';
import { writeTimelineData } from './gen-timeline.mjs';

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const COUNTS = counts.length ? counts : [100, 1000, 10000];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mapline-bench-'));
for (const n of COUNTS) writeTimelineData(path.join(tmp, String(n)), n);
const app = await startApp({ mounts: { '/generated/': tmp } });

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

try {
  // Warm-up (not reported): the first load compiles the wasm; later ones use the code cache.
  {
    const page = await app.open(`/timeline?data=/generated/${COUNTS[0]}/manifest.json`);
    await page.waitForFunction(() => document.getElementById('app')?.dataset.state === 'ready', null, { timeout: 60000 });
    await page.context().close();
  }
  // data_ms: when the last data file arrived; ready_ms: data-state="ready" with events in
  // the DOM; first_events_ms: the next animation frame (all from navigation start).
  console.log('events  data_ms  ready_ms  first_events_ms  dom_events  pan_frames  frame_ms_p50  frame_ms_p95  frame_ms_max');
  for (const n of COUNTS) {
    const page = await app.open();
    await page.goto(app.url(`/timeline?data=/generated/${n}/manifest.json`));
    await page.waitForFunction(() => document.getElementById('app')?.dataset.state === 'ready', null, { timeout: 60000 });
    await page.locator('[data-timeline] [data-event-id]').first().waitFor({ timeout: 60000 });
    const ready = await page.evaluate(() => performance.now());
    // The first paint of events: the time of the first animation frame after they are in the DOM.
    const firstEvents = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
    const dom = await page.locator('[data-event-id]').count();
    const dataMs = await page.evaluate(() =>
      Math.max(...performance.getEntriesByType('resource').filter((r) => r.name.includes('/generated/')).map((r) => r.responseEnd)),
    );

    // Pan by dragging back and forth for about two seconds, recording frame intervals.
    const axis = await page.locator('[data-timeline]').boundingBox();
    await page.evaluate(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (t) => {
        window.__frames.push(t - last);
        last = t;
        if (window.__recording) requestAnimationFrame(tick);
      };
      window.__recording = true;
      requestAnimationFrame(tick);
    });
    const y = axis.y + axis.height - 6;
    await page.mouse.move(axis.x + axis.width * 0.8, y);
    await page.mouse.down();
    for (let sweep = 0; sweep < 4; sweep++) {
      const from = sweep % 2 ? 0.2 : 0.8;
      const to = sweep % 2 ? 0.8 : 0.2;
      for (let i = 1; i <= 30; i++) {
        await page.mouse.move(axis.x + axis.width * (from + ((to - from) * i) / 30), y);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
      }
    }
    await page.mouse.up();
    const frames = await page.evaluate(() => {
      window.__recording = false;
      return window.__frames.slice(1);
    });
    const sorted = [...frames].sort((a, b) => a - b);
    console.log(
      [
        String(n).padStart(6),
        dataMs.toFixed(0).padStart(8),
        ready.toFixed(0).padStart(9),
        firstEvents.toFixed(0).padStart(16),
        String(dom).padStart(11),
        String(frames.length).padStart(11),
        pct(sorted, 50).toFixed(1).padStart(13),
        pct(sorted, 95).toFixed(1).padStart(13),
        sorted.at(-1).toFixed(1).padStart(13),
      ].join(' '),
    );
    await page.context().close();
  }
} finally {
  await app.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
