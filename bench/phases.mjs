// Where the time to the first event goes, and an A/B comparison of builds.
// For each build (default: dist/), loads `/embed/timeline?source=` a generated
// TimelineJS3 document in fresh browser contexts, alternating between the builds,
// and prints medians and ranges of four phases: the start (navigation to the
// start of parsing the fetched file), the load (parse, import and checks: the
// `mapline:load-dataset` measure), drawing (from the end of the load to the first
// event on screen) and the total. It measures and reports; it asserts nothing.
//
//   node bench/phases.mjs [build-dir …] [--events 10000] [--runs 10]
//
// Build a second dist with `trunk build --release --dist /tmp/dist-b` on another
// commit to compare it with dist/. Timings on a shared 2-core machine vary by
// ±20–30 % from run to run: compare alternating runs, not separate sessions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startApp } from '../tests/e2e/harness.mjs';
import { timelineJs3Document } from './generate.mjs';
import { firstEventProbe, median } from './measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a whole number, not ${value}`);
  return n;
};
const events = option('--events', 10000);
const runs = option('--runs', 10);
const builds = (args.length ? args : ['dist']).map((dir) => path.resolve(ROOT, dir));
for (const dir of builds) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: build first`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mapline-phases-'));
fs.writeFileSync(path.join(tmp, 'doc.json'), timelineJs3Document(events));
const apps = [];
for (const dir of builds) apps.push(await startApp({ dist: path.relative(ROOT, dir), mounts: { '/phases/': tmp } }));

const samples = builds.map(() => []);
try {
  for (let run = 0; run < runs; run++) {
    for (const [i, app] of apps.entries()) {
      // A fresh context, requests leaving 127.0.0.1 blocked (the harness's page).
      const page = await app.open();
      await page.addInitScript(`(${firstEventProbe.toString()})('[data-timeline] [data-event-id] .tl-label')`);
      await page.goto(app.url('/embed/timeline?source=/phases/doc.json'));
      await page.waitForFunction(() => window.__firstEvent || window.__pageError, null, { timeout: 120000 });
      const sample = await page.evaluate(() => {
        const load = performance.getEntriesByName('mapline:load-dataset')[0];
        return { first: window.__firstEvent, loadStart: load?.startTime, load: load?.duration, error: window.__pageError };
      });
      await page.context().close();
      if (sample.error || sample.loadStart === undefined) throw new Error(`${builds[i]}: ${sample.error ?? 'no load measure'}`);
      samples[i].push(sample);
    }
  }
} finally {
  for (const app of apps) await app.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}

const ms = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${Math.round(median(values))} ms (${Math.round(sorted[0])}–${Math.round(sorted.at(-1))})`;
};
console.log(`Time to the first of ${events.toLocaleString('en')} events, ${runs} loads per build, alternating\n`);
console.log('| build | start | load (parse, import, checks) | drawing | first event |');
console.log('| --- | --- | --- | --- | --- |');
for (const [i, dir] of builds.entries()) {
  const s = samples[i];
  console.log(
    `| ${path.relative(ROOT, dir) || '.'} | ${ms(s.map((x) => x.loadStart))} | ${ms(s.map((x) => x.load))} | ${ms(
      s.map((x) => x.first - x.loadStart - x.load),
    )} | ${ms(s.map((x) => x.first))} |`,
  );
}
