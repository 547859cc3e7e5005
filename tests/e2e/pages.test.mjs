// Case, member and campaign pages for every record of the sample data, and the
// results infographic, whose tables must match the data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import isoCountries from 'i18n-iso-countries';
import { startApp, waitReady, assertClean, checkAxe, sampleData, ROOT } from './harness.mjs';

const data = sampleData();

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/**
 * Every page of a kind: the first opened from its URL, the others reached by
 * in-app navigation (as a reader following links would), each ready, clean and
 * axe-clean, with the record's name as its heading.
 */
async function visitAll(kind, records, title) {
  const page = await app.open(`/${kind}/${records[0].id}`);
  await waitReady(page);
  for (const record of records) {
    await page.evaluate((path) => {
      window.history.pushState({}, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/${kind}/${record.id}`);
    const article = page.locator(`article[data-${kind.replace(/s$/, '')}-id="${record.id}"]`);
    await article.waitFor();
    await waitReady(page);
    const heading = await article.locator('h1').innerText();
    const expected = title(record);
    assert.ok(heading.includes(expected), `${kind}/${record.id}: "${heading}" names "${expected}"`);
    if (record.country) {
      const point = record.place?.lat !== undefined || record.coordinates !== undefined;
      await checkLocator(article, record.country, point);
    }
    await checkAxe(page);
  }
  assertClean(page);
  await page.context().close();
}

/** ISO numeric codes of the bundled atlas's countries (Natural Earth 110m has
 * no Hong Kong, for one). */
const inAtlas = new Set(JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/world-atlas/countries-110m.json'), 'utf8'))
  .objects.countries.geometries.map((g) => Number(g.id)));

/** The locator map of a case or member: drawn, labelled, its country shaded
 * when the atlas has it, a dot for a place given in the data (none for a
 * country's centre). */
async function checkLocator(article, code, point) {
  const svg = article.locator('svg.locator[role="img"]');
  await svg.waitFor();
  const label = await svg.getAttribute('aria-label');
  const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code);
  assert.match(label, /^Where: /);
  assert.ok(label.length > 'Where: '.length + 1, `${code}: "${label}"`);
  const shaded = inAtlas.has(Number(isoCountries.alpha2ToNumeric(code))) ? 1 : 0;
  assert.equal(await svg.locator('path.locator-country').count(), shaded, `${code} (${name}) shaded if in the atlas`);
  assert.equal(await svg.locator('circle.locator-dot').count(), point ? 1 : 0, `${code}: a dot only for a given place`);
}

const en = (text) => (typeof text === 'string' ? text : text.en ?? Object.values(text)[0]);

test('every case page', async () => {
  await visitAll('cases', data.cases, (c) => en(c.person));
});

test('every member page', async () => {
  await visitAll('members', data.members, (m) => en(m.name));
});

test('every campaign page', async () => {
  await visitAll('campaigns', data.campaigns, (c) => en(c.name));
});

/** The rows of a chart's table as { label: count }. */
async function tableOf(page, chart) {
  const figure = page.locator(`[data-chart="${chart}"]`);
  await figure.locator('summary').click();
  const rows = await figure.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th').textContent, Number(tr.querySelector('td').textContent)]));
  return Object.fromEntries(rows);
}

test('the home infographic tables match the data, and every bar is reachable by keyboard', async () => {
  const page = await app.open('/');
  await waitReady(page);
  const outcomes = data.cases.flatMap((c) => c.outcomes.map((o) => ({ ...o, country: c.country })));
  const byYear = {};
  for (const o of outcomes) {
    const year = String(Number(o.date.replace(/^Y/, '').match(/^-?\d+/)[0]));
    byYear[year] = (byYear[year] ?? 0) + 1;
  }
  assert.deepEqual(await tableOf(page, 'home-results-year'), byYear);
  const kinds = await tableOf(page, 'home-results-kind');
  const total = Object.values(kinds).reduce((a, b) => a + b, 0);
  assert.equal(total, outcomes.length, 'every outcome is counted once by kind');
  const sentenceLifted = outcomes.filter((o) => o.kind === 'sentence-lifted').length;
  assert.equal(kinds['Sentence lifted'] ?? 0, sentenceLifted);
  const countries = await tableOf(page, 'home-results-country');
  assert.equal(Object.values(countries).reduce((a, b) => a + b, 0), outcomes.length);
  // Each bar is a focusable data point named with its value.
  const bars = page.locator('[data-chart="home-results-kind"] .bar');
  assert.equal(await bars.count(), Object.keys(kinds).length);
  await bars.first().focus();
  const name = await bars.first().getAttribute('aria-label');
  const [label, count] = name.split(': ');
  assert.equal(kinds[label], Number(count));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), await bars.nth(1).getAttribute('aria-label'));
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('a campaign page charts the outcomes of its cases', async () => {
  const campaign = data.campaigns.find((c) => data.cases.some((k) => (k.campaigns ?? []).includes(c.id)));
  const page = await app.open(`/campaigns/${campaign.id}`);
  await waitReady(page);
  const cases = data.cases.filter((k) => (k.campaigns ?? []).includes(campaign.id)
    || (campaign.featured_cases ?? []).includes(k.id)
    || (campaign.results ?? []).some((r) => r.case === k.id));
  const expected = cases.reduce((n, k) => n + k.outcomes.length, 0);
  const kinds = await tableOf(page, 'campaign-results-kind');
  assert.equal(Object.values(kinds).reduce((a, b) => a + b, 0), expected);
  await checkAxe(page);
  await page.context().close();
});

test('a case page in French: translated status, outcomes linked to the timeline, the locator linked to the map', async () => {
  const record = data.cases.find((c) => c.status === 'open' && c.outcomes.length > 0);
  const page = await app.open(`/cases/${record.id}?lang=fr`);
  await waitReady(page);
  assert.equal(await page.locator('[data-status]').innerText(), 'En cours');
  const outcome = record.outcomes[0];
  await page.locator(`[data-event-id="${outcome.id}"] a.event-on-timeline`).click();
  await page.waitForURL((url) => url.pathname === '/timeline' && url.searchParams.get('event') === outcome.id);
  await waitReady(page);
  await page.locator(`[data-event-id="${outcome.id}"][aria-current="true"]`).first().waitFor();
  await page.goBack();
  await waitReady(page);
  await page.locator('.locator-figure a').click();
  await page.waitForURL((url) => url.pathname === '/map' && url.searchParams.get('country') === record.country);
  await waitReady(page);
  assertClean(page);
  await page.context().close();
});

test('a language picked on a record page renames its locator map at once', async () => {
  const record = data.cases.find((c) => c.place?.name && c.country === 'MX');
  assert.ok(record, 'the sample data has a case with a named place in Mexico');
  const page = await app.open(`/cases/${record.id}`);
  await waitReady(page);
  const svg = page.locator('article.case svg.locator[role="img"]');
  await svg.waitFor();
  assert.equal(await svg.getAttribute('aria-label'), `Where: ${record.place.name}, Mexico`);
  await page.selectOption('.language-select select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await svg.getAttribute('aria-label'), `Où : ${record.place.name}, Mexique`);
  await page.selectOption('.language-select select', 'ar');
  await page.waitForFunction(() => document.documentElement.lang === 'ar');
  const arabic = await svg.getAttribute('aria-label');
  assert.ok(arabic.startsWith('المكان: ') && arabic.endsWith('المكسيك'), `the label in Arabic: ${arabic}`);
  assertClean(page);
  await page.context().close();
});
