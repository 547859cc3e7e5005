// The timeline: the selection contract (data-event-id, aria-current, keys),
// deep links that survive reload and work in an iframe, zoom changing the tick
// labels, pinch zoom on a touch screen, lanes, the detail panel under axe, the narrow list, and
// virtualisation (only what is visible is in the DOM).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, waitReady, assertClean, checkAxe, sampleData } from './harness.mjs';
import { writeTimelineData } from '../../bench/generate.mjs';

const data = sampleData();

/** Start of an EDTF date as a sortable [year, month, day] (the sample's forms). */
function startKey(date) {
  const first = date.split('/')[0].replace(/[?~%]$/, '');
  const [y, m, d] = first.split('-').map(Number);
  return [y, m || 1, d || 1];
}

/** Every outcome, milestone and timeline event id in time order (ties keep data order), like the app. */
function eventsInTimeOrder() {
  const all = [
    ...data.cases.flatMap((c) => c.outcomes ?? []),
    ...data.campaigns.flatMap((c) => c.milestones ?? []),
    ...(data.timelines ?? []).flatMap((t) => t.events ?? []),
  ];
  return all
    .map((e, i) => ({ id: e.id, key: startKey(e.date), i }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.i - b.i)
    .map((e) => e.id);
}
const ORDER = eventsInTimeOrder();

let app;
let tmp;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mapline-timeline-'));
  writeTimelineData(path.join(tmp, 'big'), 3000);
  app = await startApp({ mounts: { '/generated/': tmp } });
});
after(async () => {
  await app?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const current = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[aria-current="true"][data-event-id]')].map((e) => e.dataset.eventId));
const ticks = (page) => page.evaluate(() => [...document.querySelectorAll('.tl-tick')].map((t) => t.innerText.trim()));

test('/timeline shows the sample events with data-event-id and passes axe', async () => {
  assert.ok(ORDER.length > 10, 'the sample has events');
  const page = await app.open('/timeline');
  await waitReady(page);
  await page.locator('[data-timeline]').waitFor();
  const ids = await page.evaluate(() => [...document.querySelectorAll('[data-event-id]')].map((e) => e.dataset.eventId));
  assert.ok(ids.length > 0, 'events are rendered');
  for (const id of ids) assert.ok(ORDER.includes(id), `${id} is an event of the data`);
  assert.deepEqual(await current(page), [], 'nothing selected at first');
  // Eras: the campaign periods and the UN day are drawn behind the events.
  assert.ok((await page.locator('.tl-era-campaign').count()) > 0, 'campaign eras are drawn');
  assert.equal(await page.locator('.tl-era-un-day').count(), 1, 'the UN day is drawn');
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('dates at their precision: a year-only event spans its year, uncertain dates say so', async () => {
  const events = data.cases.flatMap((c) => c.outcomes ?? []).concat(data.campaigns.flatMap((c) => c.milestones ?? []));
  const yearOnly = events.find((e) => /^\d{4}$/.test(e.date) && !e.end_date);
  const uncertain = events.find((e) => /\?$/.test(e.date));
  assert.ok(yearOnly && uncertain, 'the sample has a year-only and an uncertain date');
  const page = await app.open(`/timeline?event=${yearOnly.id}`);
  await waitReady(page);
  const bar = page.locator(`[data-event-id="${yearOnly.id}"] .tl-bar`);
  await bar.waitFor();
  // One year in pixels, from two January ticks a year apart.
  const yearPx = await page.evaluate((y) => {
    const at = (label) => [...document.querySelectorAll('.tl-tick')].find((t) => t.innerText.trim() === label)?.getBoundingClientRect().left;
    const a = at(`Jan ${y}`) ?? at(String(y));
    const b = at(`Jan ${y + 1}`) ?? at(String(y + 1));
    return a !== undefined && b !== undefined ? b - a : null;
  }, Number(yearOnly.date));
  assert.ok(yearPx, 'the ticks mark the year');
  const width = (await bar.boundingBox()).width;
  assert.ok(Math.abs(width - yearPx) < 3, `the bar of ${yearOnly.date} is ${width}px, the year ${yearPx}px`);
  const start = (await bar.boundingBox()).x;
  const jan = await page.evaluate((y) => [...document.querySelectorAll('.tl-tick')].find((t) => [`Jan ${y}`, String(y)].includes(t.innerText.trim())).getBoundingClientRect().left, Number(yearOnly.date));
  assert.ok(Math.abs(start - jan) < 3, 'it starts on 1 January');
  await page.goto(app.url(`/timeline?event=${uncertain.id}`));
  await waitReady(page);
  const el = page.locator(`[data-event-id="${uncertain.id}"]`);
  await el.waitFor();
  assert.match(await el.getAttribute('class'), /tl-uncertain/);
  // Its accessible name: the headline in full, the date, and that it is uncertain.
  const name = await el.getAttribute('aria-label');
  assert.ok(name.startsWith(`${await el.locator('.tl-label').innerText()}, `), name);
  assert.match(name, /, uncertain date$/);
  assertClean(page);
  await page.context().close();
});

test('arrow keys, Home and End move aria-current through events in time order', async () => {
  const page = await app.open('/timeline');
  await waitReady(page);
  const axis = page.locator('[data-timeline]');
  await page.keyboard.press('Tab');
  // Tab reaches the timeline (after the skip link, header and controls).
  for (let i = 0; i < 20 && !(await axis.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await axis.evaluate((el) => el === document.activeElement), 'Tab moves into the timeline');
  assert.ok(await axis.getAttribute('aria-label'), 'the timeline has an accessible name');

  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await current(page), [ORDER[0]], 'ArrowRight first selects the earliest event');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await current(page), [ORDER[1]], 'ArrowRight moves to the next event in time');
  // Roving tabindex: focus follows the selection; only it is in the tab order.
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id, ORDER[1]);
  const tabbable = await page.evaluate(() => [...document.querySelectorAll('[data-event-id][tabindex="0"]')].map((e) => e.dataset.eventId));
  assert.deepEqual(tabbable, [ORDER[1]]);
  await page.keyboard.press('End');
  assert.deepEqual(await current(page), [ORDER.at(-1)], 'End selects the last event');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await current(page), [ORDER.at(-2)], 'ArrowLeft moves to the previous event');
  await page.keyboard.press('Home');
  assert.deepEqual(await current(page), [ORDER[0]], 'Home selects the first event');
  // The selection is announced.
  const announced = await page.locator('[data-timeline-announce]').innerText();
  const headline = data.cases.flatMap((c) => c.outcomes ?? []).concat(data.campaigns.flatMap((c) => c.milestones ?? []))
    .concat((data.timelines ?? []).flatMap((t) => t.events ?? []))
    .find((e) => e.id === ORDER[0]).headline;
  const en = typeof headline === 'string' ? headline : headline.en;
  assert.ok(announced.includes(en), `"${announced}" announces "${en}"`);
  assert.equal(await page.locator('[data-timeline-announce]').getAttribute('aria-live'), 'polite');
  // Enter opens the detail of the selected event.
  await page.keyboard.press('Enter');
  await page.locator(`[data-timeline-detail="${ORDER[0]}"]`).waitFor();
  assertClean(page);
  await page.context().close();
});

test('?event= selects and reveals the event and survives reload', async () => {
  const id = ORDER[Math.floor(ORDER.length / 2)];
  const page = await app.open(`/timeline?event=${encodeURIComponent(id)}`);
  await waitReady(page);
  await page.locator(`[data-event-id="${id}"][aria-current="true"]`).waitFor();
  await page.locator(`[data-timeline-detail="${id}"]`).waitFor();
  // Revealed: the event is inside the visible axis.
  const inside = await page.evaluate((id) => {
    const el = document.querySelector(`[data-event-id="${id}"]`).getBoundingClientRect();
    const axis = document.querySelector('[data-timeline]').getBoundingClientRect();
    return el.left >= axis.left && el.left <= axis.right;
  }, id);
  assert.ok(inside, 'the deep-linked event is in view');
  // Moving the selection keeps the URL in step; reload keeps the event.
  await page.locator('[data-timeline]').focus();
  await page.keyboard.press('ArrowRight');
  const next = ORDER[ORDER.indexOf(id) + 1];
  assert.deepEqual(await current(page), [next]);
  await page.waitForFunction((next) => new URL(location.href).searchParams.get('event') === next, next);
  await page.reload();
  await waitReady(page);
  await page.locator(`[data-event-id="${next}"][aria-current="true"]`).waitFor();
  assertClean(page);
  await page.context().close();
});

test('the deep link works inside an iframe (/embed/timeline)', async () => {
  const id = ORDER[3];
  const page = await app.open();
  await page.setContent(
    `<!doctype html><html lang="en"><title>Host</title><iframe title="Timeline" width="1000" height="700" src="${app.url(`/embed/timeline?event=${id}`)}"></iframe></html>`,
  );
  const frame = page.frameLocator('iframe');
  await frame.locator('#app[data-state="ready"]').waitFor();
  await frame.locator(`[data-event-id="${id}"][aria-current="true"]`).waitFor();
  // An embed opens in slides: the event's slide stands above the axis, in place of the detail panel.
  await frame.locator(`[data-timeline-slide][data-event-id="${id}"]`).waitFor();
  // The embed has the full timeline, keyboard included.
  await frame.locator('[data-timeline]').focus();
  await page.keyboard.press('ArrowRight');
  await frame.locator(`[data-event-id="${ORDER[4]}"][aria-current="true"]`).waitFor();
  assertClean(page);
  await page.context().close();
});

test('zooming changes the tick labels from years to months and days', async () => {
  const page = await app.open('/timeline');
  await waitReady(page);
  const axis = page.locator('[data-timeline]');
  await axis.focus();
  const yearsOnly = (labels) => labels.length > 0 && labels.every((l) => /^\d{4}$/.test(l));
  for (let i = 0; i < 6 && !yearsOnly(await ticks(page)); i++) await page.keyboard.press('-');
  assert.ok(yearsOnly(await ticks(page)), `zoomed out, ticks are years: ${await ticks(page)}`);
  const before = await ticks(page);
  const monthly = (labels) => labels.some((l) => /^[A-Z][a-z]{2} \d{4}$/.test(l)) && !yearsOnly(labels);
  for (let i = 0; i < 8 && !monthly(await ticks(page)); i++) await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  const after = await ticks(page);
  assert.ok(monthly(after), `zoomed in, ticks name months: ${after} (were ${before})`);
  await axis.focus();
  for (let i = 0; i < 8 && !(await ticks(page)).some((l) => /^\d{1,2} [A-Z][a-z]{2}/.test(l)); i++) await page.keyboard.press('+');
  assert.ok((await ticks(page)).some((l) => /^\d{1,2} [A-Z][a-z]{2}/.test(l)), `zoomed further, ticks name days: ${await ticks(page)}`);
  // Dragging pans: the ticks move.
  const box = await axis.boundingBox();
  const labelsBefore = await ticks(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 600, box.y + box.height - 5, { steps: 5 });
  await page.mouse.up();
  assert.notDeepEqual(await ticks(page), labelsBefore, 'dragging pans the axis');
  assertClean(page);
  await page.context().close();
});

test('pinching with two fingers zooms the axis about them', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, serviceWorkers: 'block' });
  const page = await app.open('/timeline', { context });
  await waitReady(page);
  const axis = page.locator('[data-timeline]');
  await axis.waitFor();
  const box = await axis.boundingBox();
  const y = Math.round(box.y + box.height - 12);
  const mid = Math.round(box.x + box.width / 2);
  const marks = () =>
    page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('[data-timeline] [data-event-id]')].map((e) => [e.dataset.eventId, e.getBoundingClientRect().left])),
    );
  const before = await marks();
  const ticksBefore = await ticks(page);
  // Two touch points spread from 80 px to 480 px apart around the middle: a
  // 6× pinch, sent as real touches (Chromium turns them into pointer events).
  const cdp = await context.newCDPSession(page);
  const touch = (type, half) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x: mid - half, y, id: 1 }, { x: mid + half, y, id: 2 }],
    });
  await touch('touchStart', 40);
  for (let half = 60; half <= 240; half += 20) await touch('touchMove', half);
  await touch('touchEnd');
  await page.waitForFunction((t) => JSON.stringify([...document.querySelectorAll('.tl-tick')].map((e) => e.innerText.trim())) !== t, JSON.stringify(ticksBefore));
  const after = await marks();
  // Events still shown moved away from the fingers' midpoint about six times as far.
  const kept = Object.keys(before).filter((id) => id in after && Math.abs(before[id] - mid) > 20);
  assert.ok(kept.length > 0, `some events stay in view: before ${Object.keys(before).length}, after ${Object.keys(after).length}`);
  for (const id of kept) {
    const ratio = (after[id] - mid) / (before[id] - mid);
    assert.ok(ratio > 3 && ratio < 9, `${id}: ${before[id] - mid} px from the midpoint became ${after[id] - mid} px (×${ratio.toFixed(2)})`);
  }
  assert.notDeepEqual(await ticks(page), ticksBefore, 'the ticks follow the zoom');
  // A tap on an event still selects it: only a moving finger is taken by the axis.
  const id = await page.evaluate(
    ({ from, to }) =>
      [...document.querySelectorAll('[data-timeline] [data-event-id]')].find((e) => {
        const r = e.getBoundingClientRect();
        return r.left > from && r.right < to;
      })?.dataset.eventId,
    { from: box.x, to: box.x + box.width },
  );
  assert.ok(id, 'an event lies wholly inside the axis');
  await page.locator(`[data-timeline] [data-event-id="${id}"]`).tap();
  await page.locator(`[data-timeline] [data-event-id="${id}"][aria-current="true"]`).waitFor();
  assertClean(page);
  await context.close();
});

test('a press on an event released outside the axis leaves no drag behind', async () => {
  const page = await app.open('/timeline');
  await waitReady(page);
  const axis = page.locator('[data-timeline]');
  await axis.waitFor();
  const box = await axis.boundingBox();
  const mark = await page.evaluate(
    ({ from, to }) => {
      const e = [...document.querySelectorAll('[data-timeline] [data-event-id]')].find((el) => {
        const r = el.getBoundingClientRect();
        return r.left > from && r.right < to;
      });
      const r = e.getBoundingClientRect();
      return { x: r.left + 4, y: r.top + r.height / 2 };
    },
    { from: box.x, to: box.x + box.width },
  );
  // Down on the event, out of the axis in one move, released out there.
  await page.mouse.move(mark.x, mark.y);
  await page.mouse.down();
  await page.mouse.move(mark.x, box.y + box.height + 150);
  await page.mouse.up();
  const before = await ticks(page);
  // Hovering back across the axis, no button pressed, must not pan it.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 10, { steps: 3 });
  await page.mouse.move(box.x + box.width / 2 - 300, box.y + box.height - 10, { steps: 6 });
  assert.deepEqual(await ticks(page), before, 'hovering does not drag');
  assertClean(page);
  await page.context().close();
});

test('grouping by country shows labelled lanes, and the choice is in the URL', async () => {
  const page = await app.open('/timeline');
  await waitReady(page);
  assert.equal(await page.locator('.tl-lane-label').count(), 0, 'no lanes without grouping');
  await page.getByLabel('Group by').selectOption('country');
  await page.locator('.tl-lane-label').first().waitFor();
  const lanes = await page.locator('.tl-lane-label').allInnerTexts();
  const countries = new Set(data.cases.map((c) => c.country));
  assert.ok(lanes.length >= 2, `several lanes: ${lanes}`);
  assert.ok(lanes.length <= countries.size + 1, 'a lane per country, plus "Other"');
  assert.ok(lanes.includes('Belarus'), `a Belarus lane: ${lanes}`);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('group') === 'country');
  // Events sit in their country's lane: Belarus events below the Belarus label.
  await page.getByLabel('Group by').selectOption('kind');
  await page.waitForFunction(() => [...document.querySelectorAll('.tl-lane-label')].some((l) => l.dataset.lane === 'release'));
  assert.equal(await page.locator('.tl-lane-label[data-lane="release"]').innerText(), 'Release', 'kinds are named for the reader');
  assertClean(page);
  await page.context().close();
});

test('the detail panel has the text, sources and links, and passes axe', async () => {
  const withSources = data.cases.flatMap((c) => (c.outcomes ?? []).map((o) => ({ o, c }))).find(({ o }) => o.sources?.length);
  assert.ok(withSources, 'the sample has an outcome with sources');
  const { o, c } = withSources;
  const page = await app.open(`/timeline?event=${o.id}`);
  await waitReady(page);
  const panel = page.locator(`[data-timeline-detail="${o.id}"]`);
  await panel.waitFor();
  assert.equal(await panel.locator(`a[href$="/cases/${c.id}"]`).count(), 1, 'links to the case');
  assert.equal(await panel.locator(`a[href$="/map?country=${c.country}"]`).count(), 1, 'links to the map');
  assert.ok((await panel.locator('.tl-sources li').count()) >= o.sources.length, 'lists the sources');
  await checkAxe(page);
  await panel.getByRole('button', { name: 'Close the details' }).click();
  assert.equal(await page.locator('[data-timeline-detail]').count(), 0, 'the panel closes');
  assertClean(page);
  await page.context().close();
});

test('a click opens an event; another language rewords the marks and keeps the selection', async () => {
  const milestone = data.campaigns.flatMap((c) => c.milestones ?? []).find((m) => m.headline?.fr && m.headline?.en);
  assert.ok(milestone, 'the sample has a milestone with an English and a French headline');
  const page = await app.open('/timeline');
  await waitReady(page);
  const mark = page.locator(`[data-event-id="${milestone.id}"]`);
  await mark.locator('.tl-label').click();
  await page.locator(`[data-timeline-detail="${milestone.id}"]`).waitFor();
  assert.deepEqual(await current(page), [milestone.id], 'the clicked event is selected');
  assert.equal(await mark.locator('.tl-label').innerText(), milestone.headline.en);
  assert.ok((await mark.getAttribute('aria-label')).startsWith(`${milestone.headline.en}, `));
  await page.selectOption('.language-select select', 'fr');
  await page.waitForFunction(
    ([id, text]) => document.querySelector(`[data-event-id="${id}"] .tl-label`)?.textContent === text,
    [milestone.id, milestone.headline.fr],
  );
  assert.ok((await mark.getAttribute('aria-label')).startsWith(`${milestone.headline.fr}, `), 'the accessible name is French too');
  assert.deepEqual(await current(page), [milestone.id], 'the selection stays');
  assert.equal(await page.locator('[data-timeline-detail]').count(), 1, 'and so do its details');
  assertClean(page);
  await page.context().close();
});

test('narrow screens get the list with the same selection contract', async () => {
  const id = ORDER[2];
  const page = await app.open(`/timeline?event=${id}`, { viewport: { width: 375, height: 800 } });
  await waitReady(page);
  await page.locator('[data-layout="list"]').waitFor();
  const ids = await page.evaluate(() => [...document.querySelectorAll('[data-event-id]')].map((e) => e.dataset.eventId));
  assert.deepEqual(ids, ORDER, 'every event, in time order');
  assert.deepEqual(await current(page), [id]);
  await page.locator('[data-timeline]').focus();
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await current(page), [ORDER[3]]);
  await page.keyboard.press('Home');
  assert.deepEqual(await current(page), [ORDER[0]]);
  await page.keyboard.press('Enter');
  await page.locator(`[data-timeline-detail="${ORDER[0]}"]`).waitFor();
  await checkAxe(page);
  // Keys inside the panel keep their meaning: Enter on the close button closes it.
  await page.getByRole('button', { name: 'Close the details' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[data-timeline-detail]'));
  assert.deepEqual(await current(page), [ORDER[0]], 'the selection stays');
  assertClean(page);
  await page.context().close();
});

test('resizing switches between the axis and the list and keeps the selection', async () => {
  const id = ORDER[5];
  const page = await app.open(`/timeline?event=${id}`);
  await waitReady(page);
  await page.locator('[data-layout="axis"]').waitFor();
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.setViewportSize({ width: 500, height: 700 });
  await page.locator('[data-layout="list"]').waitFor();
  assert.deepEqual(await current(page), [id]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('[data-layout="axis"]').waitFor();
  await page.locator(`.tl-event[data-event-id="${id}"][aria-current="true"]`).waitFor();
  assertClean(page);
  await page.context().close();
});

test('3,000 generated events: only the visible ones are in the DOM, and End reveals the last', async () => {
  const page = await app.open('/timeline?data=/generated/big/manifest.json');
  await waitReady(page);
  await page.locator('[data-timeline] [data-event-id]').first().waitFor();
  const count = await page.locator('[data-event-id]').count();
  assert.ok(count > 0 && count < 500, `${count} of 3,000 events in the DOM`);
  // Labels never overlap in a row.
  const overlaps = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.tl-event')].map((e) => e.getBoundingClientRect());
    let n = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.top === b.top && a.left < b.right && b.left < a.right) n++;
      }
    return n;
  });
  assert.equal(overlaps, 0, 'no two events overlap');
  const firstIds = await page.evaluate(() => [...document.querySelectorAll('[data-event-id]')].map((e) => e.dataset.eventId));
  const axis = page.locator('[data-timeline]');
  await axis.focus();
  await page.keyboard.press('End');
  await page.locator('[data-event-id][aria-current="true"]').waitFor();
  const last = await page.locator('[data-event-id][aria-current="true"]').getAttribute('data-event-id');
  assert.ok(last.startsWith('e') || last.startsWith('gen-'), 'End selects a generated event');
  assert.ok(!firstIds.includes(last), 'the last event was not in the DOM before it was revealed');
  const after = await page.locator('[data-event-id]').count();
  assert.ok(after < 500, `still only ${after} events in the DOM`);
  // A "+N" marker names how many events it stands for, and a click on it zooms in there.
  await page.keyboard.press('Home');
  const more = page.locator('.tl-more').first();
  await more.waitFor();
  assert.match(await more.getAttribute('aria-label'), /^\d+ more events here: zoom in$/);
  const ticksBefore = await ticks(page);
  const box = await more.boundingBox();
  await more.click();
  await page.waitForFunction((t) => JSON.stringify([...document.querySelectorAll('.tl-tick')].map((e) => e.innerText.trim())) !== t, JSON.stringify(ticksBefore));
  const gap = (labels) => Number(labels[1]) - Number(labels[0]);
  const ticksAfter = await ticks(page);
  assert.ok(
    !ticksAfter.every((l) => /^\d{4}$/.test(l)) || gap(ticksAfter) < gap(ticksBefore),
    `zoomed in: ticks ${ticksBefore} became ${ticksAfter}`,
  );
  assert.ok(box.width > 0, 'the marker was on screen');
  assertClean(page);
  await page.context().close();
});

test('3,000 events in a dozen lanes: only the lanes on screen are drawn, more as the page scrolls', async () => {
  const page = await app.open('/timeline?data=/generated/big/manifest.json&group=country');
  await waitReady(page);
  await page.locator('[data-timeline] [data-event-id]').first().waitFor();
  // Each lane's band on the page, and the lanes that have marks drawn.
  const drawn = () =>
    page.evaluate(() => {
      const tops = [...document.querySelectorAll('.tl-lane')].map((l) => l.getBoundingClientRect().top + scrollY);
      const laneOf = (y) => tops.filter((t) => t <= y).length - 1;
      const lanes = new Set();
      for (const el of document.querySelectorAll('.tl-event, .tl-more')) lanes.add(laneOf(el.getBoundingClientRect().top + scrollY));
      return { lanes: [...lanes].sort((a, b) => a - b), count: tops.length, bottom: document.querySelector('[data-timeline]').getBoundingClientRect().bottom + scrollY };
    });
  // In the page: whether the last lane has an event drawn is `wanted`.
  const lastLaneDrawn = ({ last, wanted }) => {
    const tops = [...document.querySelectorAll('.tl-lane')].map((l) => l.getBoundingClientRect().top);
    return [...document.querySelectorAll('.tl-event')].some((e) => e.getBoundingClientRect().top >= tops[last]) === wanted;
  };
  const before = await drawn();
  const last = before.count - 1;
  assert.ok(before.count >= 10, `${before.count} lanes`);
  assert.ok(before.bottom > 1600, 'the axis is taller than two screens');
  assert.ok(before.lanes.includes(0), 'the first lane is drawn');
  assert.ok(!before.lanes.includes(last), `the last lane is not drawn yet (drawn: ${before.lanes})`);
  // Scrolled to the bottom, the last lanes are drawn (and the first ones go).
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(lastLaneDrawn, { last, wanted: true });
  const after = await drawn();
  assert.ok(after.lanes.includes(last), `the last lane is drawn: ${after.lanes}`);
  assert.ok(!after.lanes.includes(0), `the first lane is not: ${after.lanes}`);
  // The keyboard still reaches every event: Home selects the first, in a lane
  // scrolled away, and brings it back on screen with the focus.
  await page.locator('[data-timeline]').focus();
  await page.keyboard.press('Home');
  const first = page.locator('[data-event-id][aria-current="true"]');
  await first.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-current') === 'true');
  const box = await first.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 800, `the first event is on screen (y ${box?.y})`);
  // Printing draws every lane; after it, only those on screen again.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(lastLaneDrawn, { last, wanted: true });
  assert.equal((await drawn()).lanes.length, before.count, 'every lane is drawn for the print');
  // A scroll or a resize while printing (the print's own layout, a scroll
  // still settling) keeps every lane drawn until the print is done.
  await page.evaluate(async () => {
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  assert.equal((await drawn()).lanes.length, before.count, 'every lane stays drawn while printing');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(lastLaneDrawn, { last, wanted: false });
  assertClean(page);
  await page.context().close();
});

test('3,000 generated events on a phone: the list keeps a window of them, grows as you scroll, follows Home and End', async () => {
  const page = await app.open('/timeline?data=/generated/big/manifest.json', { viewport: { width: 375, height: 800 } });
  await waitReady(page);
  await page.locator('[data-layout="list"]').waitFor();
  const ids = () => page.evaluate(() => [...document.querySelectorAll('[data-event-id]')].map((e) => e.dataset.eventId));
  const first = await ids();
  assert.ok(first.length >= 50 && first.length <= 300, `${first.length} of 3,000 events in the DOM`);
  assert.ok(await page.locator('.tl-list-more').last().isVisible(), 'a button offers the later events');
  // Scrolling to the end of the list brings the next events.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction((n) => document.querySelectorAll('[data-event-id]').length > n, first.length);
  const grown = await ids();
  assert.deepEqual(grown.slice(0, 10), first.slice(0, 10), 'the first events stay while the list grows');
  // Keep scrolling: the DOM stays bounded.
  for (let i = 0; i < 8; i += 1) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const scrolled = await ids();
  assert.ok(scrolled.length <= 300, `${scrolled.length} events in the DOM after scrolling`);
  assert.ok(!scrolled.includes(first[0]), 'the first events left the DOM');
  // End selects the last event, Home the first, each rendered and current.
  await page.locator('[data-timeline]').focus();
  await page.keyboard.press('End');
  const last = page.locator('[data-event-id][aria-current="true"]');
  await last.waitFor();
  assert.equal(await page.locator('.tl-list-more').last().isHidden(), true, 'nothing after the last event');
  await page.keyboard.press('Home');
  await page.locator(`[data-event-id="${first[0]}"][aria-current="true"]`).waitFor();
  assert.equal(await page.locator('.tl-list-more').first().isHidden(), true, 'nothing before the first event');
  // The button adds later events by keyboard too.
  const before = (await ids()).length;
  await page.locator('.tl-list-more').last().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('[data-event-id]').length !== n, before);
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});
