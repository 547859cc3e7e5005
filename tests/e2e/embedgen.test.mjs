// The embed code generator and the Share button: the Embed dialog opened by
// keyboard on the timeline, its options reflected in the snippet and the live
// preview, Copy, Escape and focus; the snippet pasted into a plain page on a
// second origin (timeline and map) gets ready and is sized by embed.js; Share
// copies the page's address, with a visible fallback without a clipboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, appAndHostForTests, waitReady, assertClean, checkAxe, sampleData } from './harness.mjs';

const data = sampleData();
const kase = data.cases.find((c) => c.outcomes?.length > 0);
const firstOutcome = kase.outcomes[0].id;

const env = appAndHostForTests();

/** A page in a context whose clipboard the page may write and the test read. */
async function openWithClipboard(target, route) {
  const context = await target.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: target.server.origin });
  return target.open(route, { context });
}

/** The iframe and script of the dialog's snippet, as the HTML parser reads them. */
async function parsedSnippet(page) {
  return page.evaluate(() => {
    const text = document.querySelector('[data-embed-snippet]').value;
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const frame = doc.querySelector('iframe');
    return {
      text,
      src: frame?.getAttribute('src'),
      title: frame?.getAttribute('title'),
      width: frame?.getAttribute('width'),
      height: frame?.getAttribute('height'),
      sandbox: frame?.getAttribute('sandbox'),
      mapline: frame?.hasAttribute('data-mapline'),
      script: doc.querySelector('script')?.getAttribute('src'),
      elements: [...doc.querySelectorAll('head *, body *')].map((e) => e.tagName.toLowerCase()),
    };
  });
}

async function openDialog(page) {
  await page.locator('[data-embed-open]').click();
  await page.waitForFunction(() => document.querySelector('dialog[data-embed-dialog]')?.open);
}

test('timeline: the Embed dialog by keyboard, options in the snippet and the preview, Copy, Escape', async () => {
  const page = await openWithClipboard(env.app, `/timeline?event=${firstOutcome}`);
  await waitReady(page);
  // Keyboard only: Tab to the Embed button, Enter opens the dialog.
  const button = page.locator('[data-embed-open]');
  for (let i = 0; i < 30 && !(await button.evaluate((b) => b === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await button.evaluate((b) => b === document.activeElement), 'Tab reaches the Embed button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('dialog[data-embed-dialog]')?.open);
  assert.equal(await page.getByRole('dialog', { name: 'Embed this view' }).count(), 1, 'labelled by its heading');

  // It opens on the page's state: the selected event, the reader's language.
  let snippet = await parsedSnippet(page);
  assert.deepEqual(snippet.elements, ['iframe', 'script'], snippet.text);
  assert.equal(snippet.src, env.app.url(`/embed/timeline?start_at=${firstOutcome}&lang=en&height=600`));
  assert.equal(snippet.script, env.app.url('/embed.js'));
  assert.ok(snippet.mapline, 'the iframe carries data-mapline, which embed.js looks for');
  assert.equal(snippet.sandbox, 'allow-scripts allow-same-origin allow-popups');
  assert.equal(snippet.title, 'Timeline of events');
  assert.equal(snippet.width, '100%');

  await page.locator('[data-embed-option="theme"]').selectOption('dark');
  await page.locator('[data-embed-option="height"]').fill('480');
  await page.locator('[data-embed-option="start"]').selectOption('end');
  await page.locator('[data-embed-option="lang"]').selectOption('fr');
  await page.locator('[data-embed-option="responsive"]').uncheck();
  await page.locator('[data-embed-option="width"]').fill('720');
  await page.waitForFunction(() => document.querySelector('[data-embed-snippet]').value.includes('width="720"'));
  snippet = await parsedSnippet(page);
  const src = new URL(snippet.src);
  assert.equal(src.origin + src.pathname, env.app.url('/embed/timeline'));
  assert.equal(src.searchParams.get('theme'), 'dark');
  assert.equal(src.searchParams.get('height'), '480');
  assert.equal(src.searchParams.get('start_at'), 'end');
  assert.equal(src.searchParams.get('lang'), 'fr');
  assert.equal(snippet.title, 'Chronologie des événements', 'the title is in the embed\'s language');
  assert.equal(snippet.height, '480');
  assert.equal(snippet.width, '720');

  // The live preview is the embed itself, with those options applied.
  await page.waitForFunction((want) => {
    const frame = document.querySelector('[data-embed-preview]');
    const doc = frame?.contentDocument;
    return frame.getAttribute('src') === want
      && doc?.getElementById('app')?.dataset.state === 'ready'
      && doc.documentElement.dataset.theme === 'dark';
  }, snippet.src, { timeout: 20000 });
  const preview = page.frameLocator('[data-embed-preview]');
  // The start is selected once the view has laid out its events, a frame or more after `ready`.
  await preview.locator('[aria-current="true"][data-event-id]').first().waitFor({ timeout: 10000 });
  assert.equal(await preview.locator('[aria-current="true"][data-event-id]').count(), 1, 'start_at=end selects an event');
  assert.equal(await preview.locator('main.embed').evaluate((m) => m.getBoundingClientRect().height), 480);

  await checkAxe(page);

  // Copy puts the snippet on the clipboard and says so.
  await page.locator('[data-embed-copy]').click();
  await page.waitForFunction(() => document.querySelector('[data-embed-status]').textContent === 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet.text);

  // Escape closes it and focus returns to the button.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog[data-embed-dialog]'));
  assert.ok(await button.evaluate((b) => b === document.activeElement), 'focus is back on the Embed button');
  // The French preview did not become the app's stored language.
  assert.equal(await page.evaluate(() => localStorage.getItem('mapline.lang')), 'en');
  assertClean(page);
  await page.context().close();
});

/**
 * The generator's snippet for `route`, pasted into a plain HTML page on another
 * origin: the frame gets ready and embed.js sizes it from the frame's resize
 * message (its style height becomes the height the frame reported).
 */
async function pasteIntoHostPage(route, expectedParams) {
  const page = await env.app.open(route);
  await waitReady(page);
  await openDialog(page);
  await page.locator('[data-embed-option="height"]').fill('400');
  await page.waitForFunction(() => document.querySelector('[data-embed-snippet]').value.includes('height=400'));
  const snippet = await parsedSnippet(page);
  const params = new URL(snippet.src).searchParams;
  for (const [key, value] of Object.entries(expectedParams)) assert.equal(params.get(key), value, `${key} in ${snippet.src}`);
  await page.context().close();

  const name = `${route.split('?')[0].replace(/\W/g, '')}.html`;
  env.host.write(name, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An article</title></head>
<body><h1>An article</h1><p>Before the embed.</p>
${snippet.text}
<p>After the embed.</p></body></html>`);
  const article = await env.app.open();
  await article.goto(`${env.host.origin}/${name}`);
  const frameEl = article.locator('iframe[data-mapline]');
  assert.equal(await frameEl.getAttribute('height'), '400');
  const frame = await (await frameEl.elementHandle()).contentFrame();
  await frame.waitForFunction(() => document.getElementById('app')?.dataset.state === 'ready', null, { timeout: 30000 });
  // embed.js applies each resize message; wait until it matches the frame's own height.
  let reported;
  let styled;
  for (let i = 0; i < 100; i += 1) {
    reported = await frame.evaluate(() => document.documentElement.scrollHeight);
    styled = await frameEl.evaluate((f) => f.style.height);
    if (styled === `${reported}px`) break;
    await article.waitForTimeout(100);
  }
  assert.equal(styled, `${reported}px`, 'embed.js sized the frame to the height it reported');
  assert.notEqual(styled, '', 'the snippet sets no height style: embed.js did');
  assert.equal((await frameEl.boundingBox()).height, reported);
  assert.deepEqual(article.trouble.pageErrors, []);
  assert.deepEqual(article.trouble.outside, [], 'nothing left 127.0.0.1');
  await article.context().close();
}

test('done when: the timeline snippet works pasted into a plain page on another origin', async () => {
  await pasteIntoHostPage(`/timeline?event=${firstOutcome}&group=country`, {
    start_at: firstOutcome,
    group: 'country',
    height: '400',
  });
});

test('done when: the map snippet (with the map view of the page) works pasted into a plain page on another origin', async () => {
  await pasteIntoHostPage('/map?lat=10&lon=20&z=3&region=africa', {
    lat: '10',
    lon: '20',
    z: '3',
    region: 'africa',
    height: '400',
  });
});

test('case page: Share copies the page address (without lang), Embed starts the timeline at the case', async () => {
  const page = await openWithClipboard(env.app, `/cases/${kase.id}?lang=en`);
  await waitReady(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.waitForFunction(() => document.querySelector('[data-share-status]').textContent === 'Link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), env.app.url(`/cases/${kase.id}`));

  await openDialog(page);
  const snippet = await parsedSnippet(page);
  assert.equal(new URL(snippet.src).pathname, '/embed/timeline');
  assert.equal(new URL(snippet.src).searchParams.get('start_at'), firstOutcome);
  assert.equal(snippet.title, typeof kase.person === 'string' ? kase.person : kase.person.en);
  await checkAxe(page);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog[data-embed-dialog]'));
  assertClean(page);
  await page.context().close();
});

test('without a clipboard: Share shows the address selected, Copy selects the snippet', async () => {
  const context = await env.app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  const page = await env.app.open(`/cases/${kase.id}`, { context });
  await waitReady(page);
  await page.locator('[data-share]').click();
  const field = page.getByRole('textbox', { name: 'Link to this page' });
  await field.waitFor();
  assert.equal(await field.inputValue(), env.app.url(`/cases/${kase.id}`));
  assert.ok(await field.evaluate((f) => f === document.activeElement && f.selectionStart === 0 && f.selectionEnd === f.value.length));

  await openDialog(page);
  await page.locator('[data-embed-copy]').click();
  await page.waitForFunction(() => document.querySelector('[data-embed-status]').textContent.startsWith('Selected'));
  assert.ok(await page.locator('[data-embed-snippet]').evaluate((t) => t === document.activeElement
    && t.selectionStart === 0 && t.selectionEnd === t.value.length), 'the snippet is selected for Ctrl+C');
  await checkAxe(page);
  assertClean(page);
  await context.close();
});

test('story, gallery and map pages have the buttons; embeds do not', async () => {
  const story = data.stories[0];
  const gallery = data.galleries[0];
  for (const [route, view, id] of [
    [`/stories/${story.id}`, 'story', story.id],
    [`/galleries/${gallery.id}`, 'gallery', gallery.id],
    ['/map', 'map', null],
  ]) {
    const page = await env.app.open(route);
    await waitReady(page);
    await openDialog(page);
    const src = new URL((await parsedSnippet(page)).src);
    assert.equal(src.pathname, `/embed/${view}`);
    assert.equal(src.searchParams.get('id'), id);
    assert.equal(await page.locator('[data-embed-option="start"]').count(), view === 'map' ? 0 : 1);
    await page.waitForFunction(() => document.querySelector('[data-embed-preview]')?.contentDocument
      ?.getElementById('app')?.dataset.state === 'ready', null, { timeout: 20000 });
    await checkAxe(page);
    assertClean(page);
    await page.context().close();
  }
  for (const route of ['/embed/timeline', '/embed/gallery', '/embed/story', '/embed/map']) {
    const page = await env.app.open(route);
    await waitReady(page);
    assert.equal(await page.locator('[data-embed-open], [data-share]').count(), 0, `${route} has minimal chrome`);
    await page.context().close();
  }
});

test('from a subfolder, the snippet names the subfolder', async () => {
  const sub = await startApp({ dist: 'target/dist-sub', prefix: '/sub/' });
  try {
    const page = await sub.open('/sub/timeline');
    await waitReady(page);
    await openDialog(page);
    const snippet = await parsedSnippet(page);
    assert.equal(snippet.src, sub.url('/sub/embed/timeline?lang=en&height=600'));
    assert.equal(snippet.script, sub.url('/sub/embed.js'));
    await page.waitForFunction(() => document.querySelector('[data-embed-preview]')?.contentDocument
      ?.getElementById('app')?.dataset.state === 'ready', null, { timeout: 20000 });
    assertClean(page);
    await page.context().close();
  } finally {
    await sub.close();
  }
});
