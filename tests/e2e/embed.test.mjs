// Embeds: the peers' files render completely from ?source=, a host page on
// another origin receives ready and resize messages through embed.js (and
// ignores foreign ones), bad sources fail readably inside the frame, and hostile
// documents execute nothing and leave no such node in the DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { appAndHostForTests, waitReady, settledState, assertClean, checkAxe, walkTimeline, ROOT } from './harness.mjs';

const ANCHORS = path.resolve(ROOT, '../shared/fixtures/anchors');
const anchorJson = (name) => JSON.parse(fs.readFileSync(path.join(ANCHORS, name), 'utf8'));
const plain = (html) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

const env = appAndHostForTests();

for (const name of ['TimelineJS3-all-media-types.json', 'TimelineJS3-eras.json']) {
  test(`/embed/timeline renders every event of ${name}, reachable with the arrow keys`, async () => {
    const source = anchorJson(name);
    const page = await env.app.open(`/embed/timeline?source=/anchors/${name}`);
    await waitReady(page);
    assert.equal(await page.locator('h1').innerText(), plain(source.title.text.headline));
    const announced = [];
    const walked = await walkTimeline(page, page, async () => {
      announced.push(await page.locator('[data-timeline-announce]').innerText());
    });
    assert.equal(new Set(walked).size, source.events.length);
    // Every headline is announced as the selection reaches it, as text.
    const headlines = announced;
    for (const event of source.events) {
      const expected = plain(event.text?.headline ?? '');
      if (expected) assert.ok(headlines.some((h) => h.includes(expected)), `headline "${expected}" is shown`);
    }
    await checkAxe(page);
    assertClean(page);
    await page.context().close();
  });
}

test('/embed/story renders all 25 slides of the StoryMapJS demo', async () => {
  const source = anchorJson('StoryMapJS-demo.json');
  const page = await env.app.open('/embed/story?source=/anchors/StoryMapJS-demo.json');
  await waitReady(page);
  const headlines = await page.locator('[data-slide-id] h2').allInnerTexts();
  assert.equal(headlines.length, source.storymap.slides.length);
  source.storymap.slides.forEach((slide, i) => assert.equal(headlines[i], plain(slide.text.headline)));
  assert.ok(await page.locator('.external-media').count() > 0, 'other hosts\' media waits for the reader');
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

for (const [label, source, pattern] of [
  ['missing', '/fixtures/nowhere.json', /404/],
  ['not JSON', '/fixtures/broken/manifest.json', /not valid JSON/],
  ['unknown format', '/fixtures/unknown-format.json', /not a Mapline, TimelineJS3 or StoryMapJS document|unknown/],
]) {
  test(`a bad source (${label}) shows a readable error inside the frame`, async () => {
    const page = await env.app.open(`/embed/timeline?source=${source}`);
    assert.equal(await settledState(page), 'error');
    assert.match(await page.getByRole('alert').innerText(), pattern);
    await checkAxe(page);
    await page.context().close();
  });
}

for (const fixture of ['timeline.json', 'storymap.json', 'document.json']) {
  for (const route of ['/embed/timeline', '/embed/story', '/embed/gallery', '/embed/map']) {
    test(`a hostile ${fixture} in ${route} executes nothing and leaves no such node`, async () => {
      const page = await env.app.open();
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss();
      });
      await page.goto(env.app.url(`${route}?source=/fixtures/hostile/${fixture}`));
      await settledState(page);
      // Give any planted handler its chance: hover, click and wait a moment.
      await page.mouse.move(200, 200);
      await page.waitForTimeout(300);
      const found = await page.evaluate(() => {
        const app = document.getElementById('app');
        const bad = [];
        if (window.__pwned) bad.push(`ran: ${window.__pwned}`);
        for (const el of app.querySelectorAll('*')) {
          const tag = el.tagName.toLowerCase();
          if (['script', 'iframe', 'object', 'embed', 'form', 'style'].includes(tag)) bad.push(`<${tag}>`);
          for (const attr of el.attributes) {
            const value = attr.value.trim().toLowerCase().replace(/[\s\u0000-\u001f]/g, '');
            if (attr.name.startsWith('on')) bad.push(`${tag}[${attr.name}]`);
            if (['href', 'src', 'action', 'xlink:href', 'srcset', 'poster', 'data'].includes(attr.name)
              && (value.startsWith('javascript:') || value.startsWith('data:') || value.startsWith('vbscript:'))) {
              bad.push(`${tag}[${attr.name}=${attr.value.slice(0, 40)}]`);
            }
          }
        }
        return bad;
      });
      assert.deepEqual(found, []);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(page.trouble.pageErrors, []);
      assert.deepEqual(page.trouble.outside, [], 'no request left 127.0.0.1');
      await page.context().close();
    });
  }
}

/** A host page on another origin embedding `routes` in sandboxed iframes. */
function writeHostPage(routes) {
  const frames = routes
    .map((route, i) => `<iframe id="f${i}" data-mapline src="${env.app.url(route)}" title="Mapline ${i}"
      sandbox="allow-scripts allow-same-origin allow-popups" style="width:100%;height:150px;border:0"></iframe>`)
    .join('\n');
  env.host.write('host.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body><main><h1>An article</h1>${frames}</main>
<script src="${env.app.url('/embed.js')}"></script>
<script src="/record.js"></script></body></html>`);
  env.host.write('record.js', `window.__events = [];
document.querySelectorAll('iframe[data-mapline]').forEach(function (frame) {
  ['mapline:ready', 'mapline:resize', 'mapline:change'].forEach(function (type) {
    frame.addEventListener(type, function (e) { window.__events.push({ frame: frame.id, type: type, detail: e.detail }); });
  });
});`);
}

test('a host page on another origin gets ready and resize messages from every embed, and ignores foreign ones', async () => {
  const routes = ['/embed/timeline', '/embed/story', '/embed/map', '/embed/gallery'];
  writeHostPage(routes);
  const page = await env.app.open();
  await page.goto(`${env.host.origin}/host.html`);
  await page.waitForFunction((n) => {
    const ready = new Set(window.__events.filter((e) => e.type === 'mapline:ready').map((e) => e.frame));
    return ready.size === n;
  }, routes.length, { timeout: 30000 });
  await page.waitForFunction((n) => new Set(window.__events.filter((e) => e.type === 'mapline:resize').map((e) => e.frame)).size === n, routes.length);
  const heights = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.getBoundingClientRect().height));
  for (const height of heights) assert.ok(height > 150, `the host sized the frame to its content (${height}px)`);
  // A message from the host's own origin is not a frame's: ignored.
  const before = await page.evaluate(() => document.getElementById('f0').style.height);
  await page.evaluate(() => window.postMessage({ type: 'mapline:resize', height: 7 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.getElementById('f0').style.height), before);
  assert.equal(await page.evaluate(() => window.__events.filter((e) => e.detail.height === 7).length), 0);
  assert.deepEqual(page.trouble.pageErrors, []);
  assert.deepEqual(page.trouble.outside, []);
  await page.context().close();
});

test('embed.js added after the frame was ready still sizes it (it asks the frame with mapline:hello)', async () => {
  env.host.write('late.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Late host</title></head>
<body><main><h1>An article</h1>
<iframe id="late" data-mapline src="${env.app.url('/embed/timeline')}" title="Mapline"
  sandbox="allow-scripts allow-same-origin allow-popups" style="width:100%;height:150px;border:0"></iframe></main></body></html>`);
  const page = await env.app.open();
  await page.goto(`${env.host.origin}/late.html`);
  const frame = await (await page.locator('#late').elementHandle()).contentFrame();
  await frame.waitForFunction(() => document.getElementById('app')?.dataset.state === 'ready', null, { timeout: 30000 });
  // The frame's first messages went to a page with no listener.
  assert.equal(await page.evaluate(() => document.getElementById('late').style.height), '150px');
  await page.evaluate((src) => {
    window.__ready = 0;
    document.getElementById('late').addEventListener('mapline:ready', () => { window.__ready += 1; });
    const script = document.createElement('script');
    script.src = src;
    document.body.append(script);
  }, env.app.url('/embed.js'));
  await page.waitForFunction(() => window.__ready === 1);
  const reported = await frame.evaluate(() => document.documentElement.scrollHeight);
  await page.waitForFunction((h) => document.getElementById('late').style.height === `${h}px`, reported);
  assert.deepEqual(page.trouble.pageErrors, []);
  assert.deepEqual(page.trouble.outside, []);
  await page.context().close();
});

test('moving through the timeline in a frame posts mapline:change and mirrors it in the hash', async () => {
  writeHostPage(['/embed/timeline']);
  const page = await env.app.open();
  await page.goto(`${env.host.origin}/host.html`);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'mapline:ready'));
  const frame = page.frameLocator('#f0');
  await frame.locator('[data-timeline]').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'mapline:change'));
  const change = await page.evaluate(() => window.__events.find((e) => e.type === 'mapline:change').detail);
  assert.equal(change.kind, 'event');
  const frameUrl = page.frames().find((f) => f.url().includes('/embed/timeline')).url();
  assert.ok(frameUrl.endsWith(`#event=${change.id}`), frameUrl);
  assert.ok(frameUrl.includes(`event=${change.id}`));
  await page.context().close();
});

test('start_at, theme and height options', async () => {
  const page = await env.app.open('/embed/timeline?start_at=end&theme=dark&height=500');
  await waitReady(page);
  const selected = await page.locator('[aria-current="true"][data-event-id]').count();
  assert.equal(selected, 1, 'start_at=end selects the last event');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.locator('main.embed').evaluate((m) => m.getBoundingClientRect().height), 500);
  await checkAxe(page);
  await page.context().close();
});
