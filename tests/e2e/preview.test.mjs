// The staff preview: drafts opened by file input and by paste, problems reported
// with line and column and linked to their place, the draft kept across reloads,
// rendered as published, downloadable, and never sent anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, waitReady, settledState, assertClean, checkAxe, walkTimeline, ROOT } from './harness.mjs';

const ANCHORS = path.resolve(ROOT, '../shared/fixtures/anchors');
const anchor = (name) => path.join(ANCHORS, name);

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Opens /preview with an empty draft. */
async function openPreview() {
  const page = await app.open('/preview');
  await waitReady(page);
  return page;
}

const problemTexts = (page) => page.locator('.problem-links code').allInnerTexts();

/** No request but GETs, and none that carries the draft's text. */
function assertNothingUploaded(marker) {
  for (const { method, path: requested } of app.server.requests) {
    assert.equal(method, 'GET', `${method} ${requested}`);
    assert.ok(!requested.includes(marker), `a request carried the draft: ${requested}`);
  }
}

test('a truncated draft is reported at the line where it breaks, and the problem selects that place', async () => {
  const page = await openPreview();
  const draft = '{\n  "format": "mapline/1",\n  "members": [\n    {"id": "a", "name": "A",\n';
  await page.locator('#draft-text').fill(draft);
  await page.locator('.problem-links').waitFor();
  const [first] = await problemTexts(page);
  assert.match(first, /^draft\.json:5:1: /);
  // A problem in the middle selects its line from its column.
  await page.locator('#draft-text').fill('{\n  "format": "mapline/1",\n  "members": 7\n}');
  await page.locator('.problem-link', { hasText: 'draft.json:3:' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'draft-text');
  const [start, end] = await page.evaluate(() => [document.activeElement.selectionStart, document.activeElement.selectionEnd]);
  assert.ok(start >= 27 && start < 41 && end === 41, `selection ${start}-${end} lies on line 3, to its end`);
  await page.locator('#draft-text').fill(draft);
  await page.locator('.problem-link', { hasText: 'draft.json:5:1' }).waitFor();
  await page.locator('.problem-link').first().click();
  await page.waitForFunction(() => document.activeElement?.id === 'draft-text');
  const selection = await page.evaluate(() => {
    const area = document.getElementById('draft-text');
    return [area.selectionStart, document.activeElement === area];
  });
  assert.deepEqual(selection, [draft.length, true], 'the caret is at the break, in the focused text');
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('planted errors are reported with line, column and JSON path', async () => {
  const page = await openPreview();
  const marker = 'PLANTED-MARKER-7781';
  const draft = JSON.stringify({
    format: 'mapline/1',
    members: [
      { id: 'ok', name: marker, country: 'GH', region: 'africa' },
      { id: 'bad', name: 'Bad', country: 'XX', region: 'africa' },
    ],
    cases: [{ id: 'c', person: 'P', country: 'GH', status: 'open', members: ['nobody'] }],
  }, null, 2);
  await page.locator('#draft-text').fill(draft);
  await page.locator('.problem-links').waitFor();
  const texts = await problemTexts(page);
  assert.ok(texts.some((t) => /^draft\.json:\d+:\d+: members\[1\]\.country: unknown country code "XX"/.test(t)), texts.join('\n'));
  assert.ok(texts.some((t) => /^draft\.json:\d+:\d+: cases\[0\]\.members\[0\]: /.test(t)), texts.join('\n'));
  // Everything valid still renders beside the report.
  assert.equal(await page.locator('.rendered-draft [data-member-id="ok"]').count(), 1);
  assertNothingUploaded(marker);
  assertClean(page);
  await page.context().close();
});

test('the draft survives a reload and can be cleared', async () => {
  const page = await openPreview();
  const draft = '{"format": "mapline/1", "members": [{"id": "kept", "name": "Kept", "country": "CA", "region": "americas"}]}';
  await page.locator('#draft-text').fill(draft);
  await page.locator('.preview-summary', { hasText: '1 member' }).waitFor();
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('#draft-text').inputValue(), draft);
  await page.getByRole('button', { name: 'Clear the draft' }).click();
  assert.equal(await page.locator('#draft-text').inputValue(), '');
  await page.context().close();
});

test('a StoryMapJS file opened by file input previews every slide as published', async () => {
  const page = await openPreview();
  await page.locator('input[type="file"]').setInputFiles(anchor('StoryMapJS-demo.json'));
  await page.locator('.draft-file', { hasText: 'StoryMapJS-demo.json' }).waitFor();
  await page.locator('.rendered-draft [data-slide-id]').first().waitFor();
  const source = JSON.parse(fs.readFileSync(anchor('StoryMapJS-demo.json'), 'utf8'));
  assert.equal(await page.locator('.rendered-draft [data-slide-id]').count(), source.storymap.slides.length);
  assert.equal(await page.locator('.rendered-draft script, .rendered-draft iframe').count(), 0);
  // Media from other hosts waits for the reader: nothing left 127.0.0.1.
  assert.ok(await page.locator('.rendered-draft .external-media').count() > 0);
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});


test('a TimelineJS3 file previews every event, and the normalised dataset downloads', async () => {
  const page = await openPreview();
  await page.locator('input[type="file"]').setInputFiles(anchor('TimelineJS3-all-media-types.json'));
  await page.locator('.rendered-draft [data-timeline]').waitFor();
  const source = JSON.parse(fs.readFileSync(anchor('TimelineJS3-all-media-types.json'), 'utf8'));
  const walked = await walkTimeline(page.locator('.rendered-draft'), page);
  assert.equal(new Set(walked).size, source.events.length, 'every event is reached with the arrow keys');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the normalised dataset' }).click(),
  ]);
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.format, 'mapline/1');
  assert.equal(saved.timelines[0].events.length, source.events.length);
  assertClean(page);
  await page.context().close();
});

test('several files at once: a manifest and its documents', async () => {
  const page = await openPreview();
  await page.locator('input[type="file"]').setInputFiles([
    path.join(ROOT, 'tests/fixtures/partly-broken/manifest.json'),
    path.join(ROOT, 'tests/fixtures/partly-broken/members.json'),
  ]);
  await page.locator('.preview-summary', { hasText: '2 member organisations' }).waitFor();
  const texts = await problemTexts(page);
  assert.ok(texts.some((t) => /^manifest\.json:\d+:\d+: files\[1\]: missing\.json is not in the draft/.test(t)), texts.join('\n'));
  assert.ok(texts.some((t) => /^members\.json:13:18: members\[1\]\.country/.test(t)), texts.join('\n'));
  // Choosing a problem in another file shows that file.
  await page.locator('.problem-link', { hasText: 'members[1].country' }).click();
  assert.equal(await page.locator('.draft-file[aria-pressed="true"]').innerText(), 'members.json');
  await page.context().close();
});

test('a view opens on the draft with ?data=draft', async () => {
  const page = await openPreview();
  await page.locator('input[type="file"]').setInputFiles(anchor('StoryMapJS-demo.json'));
  await page.locator('.rendered-draft [data-slide-id]').first().waitFor();
  const storyLink = page.locator('.open-views a', { hasText: 'Story (embed)' });
  const href = await storyLink.getAttribute('href');
  assert.match(href, /\/embed\/story\?data=draft&id=/);
  await page.goto(app.url(href));
  await waitReady(page);
  assert.equal(await page.locator('[data-slide-id]').count(), 25);
  assertClean(page);
  await page.context().close();
});

for (const [template, check] of [
  ['timeline.csv', (saved) => saved.timelines[0].events.length === 2 && saved.timelines[0].eras.length === 1],
  ['members.csv', (saved) => saved.members.length === 2],
  ['outcomes.csv', (saved) => saved.cases.length === 2 && saved.cases.every((c) => c.outcomes.length === 1)],
]) {
  test(`the ${template} template, served with the app, round-trips into the normalised JSON`, async () => {
    const page = await openPreview();
    // The template the page links to is the one shipped in dist/.
    const href = await page.locator(`.csv-templates a[href$="${template}"]`).getAttribute('href');
    const csv = await (await page.request.get(new URL(href, page.url()).href)).text();
    await page.locator('input[type="file"]').setInputFiles({ name: template, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('.draft-file', { hasText: template }).waitFor();
    await page.locator('.preview-summary', { hasText: /[1-9]/ }).waitFor();
    const errors = await page.locator('.problem-links li[data-severity="error"] code').allInnerTexts();
    // A template names the sample network's alliances and campaigns, absent from a lone CSV.
    assert.ok(errors.every((e) => /no (alliance|campaign) with id/.test(e)), errors.join('\n'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the normalised dataset' }).click(),
    ]);
    const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(saved.format, 'mapline/1');
    assert.ok(check(saved), JSON.stringify(saved).slice(0, 400));
    await page.context().close();
  });
}

test('a CSV row with a bad cell is reported at its line and column, the rest loads', async () => {
  const page = await openPreview();
  const csv = 'Name,Country,Lat,Lon,Region\nGood,CA,45.4,-75.7,americas\nBad,CA,north,-75.7,americas\n';
  await page.locator('input[type="file"]').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('.problem-links').waitFor();
  const texts = await problemTexts(page);
  assert.ok(texts.some((t) => t.startsWith('members.csv:3:3: row 3, column "Lat"')), texts.join('\n'));
  assert.match(await page.locator('.preview-summary').innerText(), /^1 member/);
  await page.context().close();
});

test('a file dropped on the drop zone opens in the draft', async () => {
  const page = await openPreview();
  const text = '{"format": "mapline/1", "members": [{"id": "dropped", "name": "Dropped", "country": "KE", "region": "africa"}]}';
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.dispatchEvent('.drop-zone', 'dragover', { dataTransfer });
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
  await page.locator('.draft-file', { hasText: 'dropped.json' }).waitFor();
  assert.equal(await page.locator('#draft-text').inputValue(), text);
  await page.locator('.rendered-draft [data-member-id="dropped"]').waitFor();
  assertClean(page);
  await page.context().close();
});

/** A Mapline document of one member, as bytes. */
const memberDoc = (id, country = 'CA', region = 'americas') =>
  Buffer.from(JSON.stringify({ format: 'mapline/1', members: [{ id, name: id, country, region }] }));

const MARK = 'mapline.preview.opening';
const DRAFT_KEY = 'mapline.preview.draft';

test('files named été, café.js and خريطة.json open, survive a reload, and the report and Clear still work', async () => {
  const page = await openPreview();
  await page.locator('input[type="file"]').setInputFiles([
    { name: 'été', mimeType: 'application/json', buffer: memberDoc('ete') },
    { name: 'café.js', mimeType: 'text/javascript', buffer: memberDoc('cafe', 'FR', 'europe-central-asia') },
    { name: 'خريطة.json', mimeType: 'application/json', buffer: memberDoc('kharita', 'EG', 'mena') },
  ]);
  await page.locator('.preview-summary', { hasText: /^3 member organisations/ }).waitFor();
  await page.reload();
  await waitReady(page);
  const names = await page.locator('.draft-file').allInnerTexts();
  assert.deepEqual(names, ['été', 'café.js', 'خريطة.json']);
  await page.locator('.preview-summary', { hasText: /^3 member organisations/ }).waitFor();
  // The report still answers: a problem planted in one file is listed under its name.
  await page.locator('.draft-file', { hasText: 'خريطة.json' }).click();
  await page.locator('#draft-text').fill('{"format": "mapline/1", "members": 7}');
  await page.locator('.problem-link', { hasText: /^خريطة\.json:1:\d+: members/ }).waitFor();
  await checkAxe(page);
  await page.getByRole('button', { name: 'Clear the draft' }).click();
  assert.deepEqual(await page.locator('.draft-file').allInnerTexts(), ['draft.json']);
  assert.equal(await page.locator('#draft-text').inputValue(), '');
  assertClean(page);
  await page.context().close();
});

test('a file whose bytes are not UTF-8 is reported at its line and column, the rest loads, and the report survives a reload', async () => {
  const page = await openPreview();
  const bytes = Buffer.concat([
    Buffer.from('{\n  "format": "mapline/1",\n  "members": [\n    {"id": "good", "name": "Good", "country": "CA", "region": "americas"},\n    {"id": "latin1", "name": "Caf'),
    Buffer.from([0xe9]),
    Buffer.from(' Libre", "country": "FR", "region": "europe-central-asia"}\n  ]\n}\n'),
  ]);
  await page.locator('input[type="file"]').setInputFiles({ name: 'latin1.json', mimeType: 'application/json', buffer: bytes });
  const located = page.locator('.problem-link', { hasText: /^latin1\.json:5:34: invalid UTF-8 \(byte 0xE9\)/ });
  await located.waitFor();
  assert.equal(await page.locator('.rendered-draft [data-member-id="latin1"]').count(), 1, 'the member still loads');
  await page.reload();
  await waitReady(page);
  await located.waitFor();
  assertClean(page);
  await page.context().close();
});

test('two picked files with the same name: the last is kept, and the report says so', async () => {
  const page = await openPreview();
  await page.locator('input[type="file"]').setInputFiles([
    { name: 'members.json', mimeType: 'application/json', buffer: memberDoc('first') },
    { name: 'members.json', mimeType: 'application/json', buffer: memberDoc('second') },
  ]);
  await page.locator('.problem-link', { hasText: 'members.json: warning: 2 files named members.json were opened together; only the last one is kept' }).waitFor();
  assert.deepEqual(await page.locator('.draft-file').allInnerTexts(), ['members.json']);
  await page.locator('.rendered-draft [data-member-id="second"]').waitFor();
  assertClean(page);
  await page.context().close();
});

/** Opens /preview with `draft` stored and the page said to have died opening it. */
async function openHeld(draft) {
  const page = await openPreview();
  await page.evaluate(({ key, mark, draft }) => {
    localStorage.setItem(key, JSON.stringify(draft));
    localStorage.setItem(mark, '1');
  }, { key: DRAFT_KEY, mark: MARK, draft });
  await page.reload();
  await waitReady(page);
  return page;
}

test('a draft that stopped the preview is not opened again without asking: download it, or open it anyway', async () => {
  const text = '{"format": "mapline/1", "members": [{"id": "held", "name": "Held", "country": "CA", "region": "americas"}]}';
  const page = await openHeld({ files: [{ name: 'held.json', text }] });
  const held = page.getByRole('alert').filter({ hasText: 'This draft stopped the preview last time' });
  await held.waitFor();
  assert.match(await held.innerText(), /held\.json/);
  assert.equal(await page.locator('#draft-text').count(), 0, 'not opened');
  assert.equal(await page.locator('.rendered-draft').count(), 0, 'not rendered');
  await checkAxe(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download it' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'held.json');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), text, 'the download is the draft as typed');
  // Still held after a reload: nothing was decided.
  await page.reload();
  await waitReady(page);
  await held.waitFor();
  await page.getByRole('button', { name: 'Open it anyway' }).click();
  assert.equal(await page.locator('#draft-text').inputValue(), text);
  await page.locator('.rendered-draft [data-member-id="held"]').waitFor();
  // Rendered: the mark is gone, and the next visit opens the draft at once.
  await page.waitForFunction((mark) => localStorage.getItem(mark) === null, MARK);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('#draft-text').inputValue(), text);
  assertClean(page);
  await page.context().close();
});

test('a held draft can be discarded, and ?data=draft does not open it either', async () => {
  const text = '{"format": "mapline/1", "members": []}';
  const page = await openHeld({ files: [{ name: 'draft.json', text }] });
  await page.goto(app.url('/map?data=draft'));
  assert.equal(await settledState(page), 'error');
  assert.match(await page.locator('.load-error').innerText(), /This draft stopped the preview last time.*\/preview/s);
  await page.goto(app.url('/preview'));
  await waitReady(page);
  await page.getByRole('button', { name: 'Discard it' }).click();
  assert.equal(await page.locator('#draft-text').inputValue(), '');
  await page.waitForFunction((mark) => localStorage.getItem(mark) === null, MARK);
  assert.deepEqual(page.trouble.pageErrors, []);
  await page.context().close();
});

/** A Mapline document of `bytes` bytes (one member with a long description). */
function largeDraft(bytes) {
  const head = '{"format": "mapline/1", "members": [{"id": "big", "name": "Big", "country": "CA", "region": "americas", "description": "';
  const tail = '"}]}';
  return head + 'word '.repeat(Math.ceil((bytes - head.length - tail.length) / 5)) + tail;
}

test('a draft over the localStorage quota is kept in IndexedDB and comes back after a reload', async () => {
  const page = await openPreview();
  await page.locator('#draft-text').fill('{"format": "mapline/1"}');
  const big = largeDraft(5.3 * 1024 * 1024);
  await page.locator('input[type="file"]').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  await page.locator('.rendered-draft [data-member-id="big"]').waitFor();
  // Kept once the stand-in points elsewhere and IndexedDB has the draft.
  await page.waitForFunction(async () => {
    const stand = JSON.parse(localStorage.getItem('mapline.preview.draft') ?? '{}');
    if (!stand.stored_elsewhere) return false;
    const db = await new Promise((resolve) => { const r = indexedDB.open('mapline', 1); r.onsuccess = () => resolve(r.result); });
    const saved = await new Promise((resolve) => { const r = db.transaction('drafts').objectStore('drafts').get('draft'); r.onsuccess = () => resolve(r.result); });
    db.close();
    return typeof saved === 'string' && JSON.parse(saved).saved === stand.saved;
  });
  assert.equal(await page.locator('.draft-not-kept').count(), 0);
  await page.reload();
  await waitReady(page);
  assert.deepEqual(await page.locator('.draft-file').allInnerTexts(), ['draft.json', 'big.json']);
  await page.locator('.draft-file', { hasText: 'big.json' }).click();
  assert.equal(await page.locator('#draft-text').evaluate((area) => area.value.length), big.length, 'the large draft, not the older small one');
  assert.equal(await page.locator('.draft-newer-lost').count(), 0);
  assertClean(page);
  await page.context().close();
});

test('a draft that cannot be kept at all says so, and the older draft does not silently come back', async () => {
  const page = await app.open();
  // A browser without IndexedDB (or refusing it).
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  await page.goto(app.url('/preview'));
  await waitReady(page);
  await page.locator('#draft-text').fill('{"format": "mapline/1", "title": "older"}');
  await page.locator('input[type="file"]').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(largeDraft(5.3 * 1024 * 1024)) });
  const alert = page.getByRole('alert').filter({ hasText: 'could not be kept in this browser’s storage' });
  await alert.waitFor();
  await checkAxe(page);
  await page.reload();
  await waitReady(page);
  const notice = page.locator('.draft-newer-lost');
  await notice.waitFor();
  assert.match(await notice.innerText(), /A later version of this draft \(from .+\) could not be kept/);
  assert.ok(!(await page.locator('#draft-text').inputValue()).includes('older'), 'the older draft is not passed off as the latest');
  assert.deepEqual(page.trouble.pageErrors, []);
  await page.context().close();
});

test('a preview left in a background tab does not leave the mark for the views it opened', async () => {
  const page = await openPreview();
  // A hidden tab: no animation frames. Marks set are recorded.
  await page.evaluate((mark) => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    window.requestAnimationFrame = () => 0;
    window.marksSet = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === mark) window.marksSet += 1;
      return setItem.call(this, key, value);
    };
  }, MARK);
  await page.locator('#draft-text').fill('{"format": "mapline/1", "members": []}');
  // Polled on a timer: the page draws no frames.
  await page.waitForFunction((mark) => window.marksSet > 0 && localStorage.getItem(mark) === null, MARK, { polling: 100 });
  const view = await page.context().newPage();
  await view.goto(app.url('/map?data=draft'));
  await waitReady(view);
  assert.deepEqual(page.trouble.pageErrors, []);
  await page.context().close();
});

test('a page that dies before a draft has been drawn holds that draft on the next visit', async () => {
  const page = await openPreview();
  // The page stops drawing (as a hung or dying page does), then goes away.
  await page.evaluate(() => {
    window.requestAnimationFrame = () => 0;
  });
  const text = '{"format": "mapline/1", "members": [{"id": "typed", "name": "Typed", "country": "KE", "region": "africa"}]}';
  await page.locator('#draft-text').fill(text);
  await page.waitForFunction((mark) => localStorage.getItem(mark) === '1', MARK, { polling: 100 });
  await page.reload();
  await waitReady(page);
  await page.getByRole('alert').filter({ hasText: 'This draft stopped the preview last time' }).waitFor();
  await page.getByRole('button', { name: 'Open it anyway' }).click();
  assert.equal(await page.locator('#draft-text').inputValue(), text, 'nothing typed was lost');
  assert.deepEqual(page.trouble.pageErrors, []);
  await page.context().close();
});

test('a draft changed in another tab is said, and the reader picks which version goes on', async () => {
  const first = await openPreview();
  const second = await app.open('/preview', { context: first.context() });
  await waitReady(second);
  const member = (id) => `{"format": "mapline/1", "members": [{"id": "${id}", "name": "${id}", "country": "CA", "region": "americas"}]}`;
  // The first tab stores its draft: the second is told, and its text stays as it was.
  await first.locator('#draft-text').fill(member('from-first'));
  const notice = second.locator('.draft-elsewhere[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /changed in another tab/);
  assert.equal(await second.locator('#draft-text').inputValue(), '');
  assert.equal(await first.locator('.draft-elsewhere').count(), 0, 'a tab is not told of its own change');
  await checkAxe(second);
  // Opening the other version: the second tab shows and checks it, and the
  // first, whose version that is, is not told of anything.
  await second.locator('[data-draft-open-other]').click();
  await second.locator('.preview-summary', { hasText: '1 member' }).waitFor();
  assert.equal(await second.locator('#draft-text').inputValue(), member('from-first'));
  assert.equal(await second.locator('.draft-elsewhere').count(), 0);
  await second.waitForTimeout(300);
  assert.equal(await first.locator('.draft-elsewhere').count(), 0, 'the same version stored back says nothing');
  // The second tab changes it: the first is told, keeps its own, and that
  // version is stored over the second's.
  await second.locator('#draft-text').fill(member('from-second'));
  await first.locator('.draft-elsewhere').waitFor();
  await first.locator('[data-draft-keep-this]').click();
  assert.equal(await first.locator('.draft-elsewhere').count(), 0);
  const stored = await first.evaluate(() => localStorage.getItem('mapline.preview.draft'));
  assert.ok(stored.includes('from-first') && !stored.includes('from-second'), 'the kept version is the one stored');
  await second.locator('.draft-elsewhere').waitFor();
  assertClean(first);
  assertClean(second);
  await first.context().close();
});
