// Dates and counts in the reader's language beyond the timeline: the home
// page's figures and lead, a case's outcome dates, a member's year, a
// campaign's period, a story's slide dates and a gallery's lightbox, in
// French and Arabic. Expected texts come from the browser's own Intl with the
// options the app uses (month "short", UTC), so the test checks that the page
// goes through Intl at each date's precision, not what Intl's tables say.
// Arabic digits: whichever numbering system the browser's CLDR gives `ar`
// (Western since CLDR 42), the same in every number and date on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitReady, assertClean, checkAxe, sampleData } from './harness.mjs';

const data = sampleData();
let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** `new Intl.DateTimeFormat(lang, {...fields, timeZone: 'UTC'}).format(Date.UTC(...ymd))` in the page. */
const dateIn = (page, lang, fields, ymd) =>
  page.evaluate(
    ({ lang, fields, ymd }) =>
      new Intl.DateTimeFormat(lang, { ...fields, timeZone: 'UTC' }).format(Date.UTC(ymd[0], (ymd[1] ?? 1) - 1, ymd[2] ?? 1)),
    { lang, fields, ymd },
  );
const numberIn = (page, lang, n) => page.evaluate(({ lang, n }) => new Intl.NumberFormat(lang).format(n), { lang, n });
const pluralIn = (page, lang, n) => page.evaluate(({ lang, n }) => new Intl.PluralRules(lang).select(n), { lang, n });
const MONTH = { year: 'numeric', month: 'short' };

/** Fails when the page's text mixes Western and Eastern Arabic digits with the ones Intl gives `ar`. */
async function assertOneDigitSystem(page) {
  const { system, text } = await page.evaluate(() => ({
    system: new Intl.NumberFormat('ar').resolvedOptions().numberingSystem,
    text: document.querySelector('main')?.innerText ?? document.body.innerText,
  }));
  const other = system === 'arab' ? /[0-9]/ : /[\u0660-\u0669]/;
  assert.doesNotMatch(text, other, `digits other than ${system} on ${page.url()}`);
}

// Each figure's label by plural category (the catalogue's forms without the number).
const LABELS = {
  fr: {
    members: { one: 'organisation membre', other: 'organisations membres' },
    cases: { one: 'affaire suivie', other: 'affaires suivies' },
    galleries: { one: 'galerie', other: 'galeries' },
  },
  ar: {
    members: { one: 'منظمة عضو واحدة', two: 'منظمتان عضوان', few: 'منظمات أعضاء', many: 'منظمة عضوًا', other: 'منظمة عضو' },
    cases: { one: 'قضية متابَعة واحدة', two: 'قضيتان متابَعتان', few: 'قضايا متابَعة', many: 'قضية متابَعة', other: 'قضية متابَعة' },
    galleries: { one: 'معرض واحد', two: 'معرضان', few: 'معارض', many: 'معرضًا', other: 'معرض' },
  },
};

for (const lang of ['fr', 'ar']) {
  test(`home page figures and lead in ${lang}: plural forms, Intl numbers`, async () => {
    const page = await app.open(`/?lang=${lang}`);
    await waitReady(page);
    const counts = { members: data.members.length, cases: data.cases.length, galleries: data.galleries.length };
    for (const [name, n] of Object.entries(counts)) {
      const figure = page.locator(`[data-stat="${name}"]`);
      assert.equal(await figure.locator('.stat-value').innerText(), await numberIn(page, lang, n), `${name} value`);
      const category = await pluralIn(page, lang, n);
      const table = LABELS[lang][name];
      assert.equal(await figure.locator('.stat-label').innerText(), table[category] ?? table.other, `${name} (${category})`);
    }
    const lead = await page.locator('.lead').innerText();
    const members = await numberIn(page, lang, data.members.length);
    const category = await pluralIn(page, lang, data.members.length);
    assert.ok(lead.includes(`${members} ${LABELS[lang].members[category] ?? LABELS[lang].members.other}`), lead);
    assert.doesNotMatch(lead, /\{|member organisations|countries/);
    if (lang === 'ar') await assertOneDigitSystem(page);
    await checkAxe(page);
    assertClean(page);
    await page.context().close();
  });

  test(`a case's outcome dates, a member's year and a campaign's period in ${lang}`, async () => {
    // A case whose first outcome is dated to the month.
    const kase = data.cases.find((c) => /^\d{4}-\d{2}$/.test(c.outcomes[0]?.date ?? ''));
    assert.ok(kase, 'a case with a month-precision outcome');
    const page = await app.open(`/cases/${kase.id}?lang=${lang}`);
    await waitReady(page);
    const [y, m] = kase.outcomes[0].date.split('-').map(Number);
    const expected = await dateIn(page, lang, MONTH, [y, m]);
    assert.equal(await page.locator('.events .event-date').first().innerText(), expected);
    assert.doesNotMatch(expected, /May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec/, 'not English');
    if (lang === 'ar') await assertOneDigitSystem(page);
    await checkAxe(page);

    const member = data.members.find((mb) => mb.joined);
    await page.goto(app.url(`/members/${member.id}?lang=${lang}`));
    await waitReady(page);
    assert.equal(await page.locator('.facts dd').filter({ hasText: await dateIn(page, lang, { year: 'numeric' }, [member.joined]) }).count(), 1);

    const campaign = data.campaigns.find((c) => /^\d{4}-\d{2}\/\d{4}-\d{2}$/.test(c.period ?? ''));
    await page.goto(app.url(`/campaigns/${campaign.id}?lang=${lang}`));
    await waitReady(page);
    const [from, to] = campaign.period.split('/').map((d) => d.split('-').map(Number));
    const period = `${await dateIn(page, lang, MONTH, from)} – ${await dateIn(page, lang, MONTH, to)}`;
    assert.equal(await page.locator('.campaign-period').innerText(), period);
    if (lang === 'ar') await assertOneDigitSystem(page);
    await checkAxe(page);
    assertClean(page);
    await page.context().close();
  });

  test(`country names in ${lang}: the map's list in the reader's alphabet, a case's facts, a timeline lane`, async () => {
    const regionIn = (page, code) =>
      page.evaluate(({ lang, code }) => new Intl.DisplayNames([lang], { type: 'region' }).of(code), { lang, code });
    const page = await app.open(`/map?lang=${lang}`);
    await waitReady(page);
    const rows = page.locator('table.map-countries tbody tr[data-country]');
    await rows.first().waitFor();
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => [tr.dataset.country, tr.querySelector('th').innerText.trim()]));
    const codes = [...new Set(data.members.map((m) => m.country))];
    assert.equal(listed.length, codes.length);
    for (const [code, name] of listed) assert.equal(name, await regionIn(page, code), code);
    const names = listed.map(([, name]) => name);
    const collated = await page.evaluate(({ lang, names }) => [...names].sort(new Intl.Collator(lang).compare), { lang, names });
    assert.deepEqual(names, collated, 'sorted in the language\'s alphabet');
    if (lang === 'ar') assert.match(names.join(' '), /[\u0600-\u06FF]/, 'Arabic names');
    await checkAxe(page);

    const kase = data.cases[0];
    await page.goto(app.url(`/cases/${kase.id}?lang=${lang}`));
    await waitReady(page);
    const country = await regionIn(page, kase.country);
    assert.notEqual(country, kase.country);
    assert.equal(await page.locator('dl.facts dd').filter({ hasText: country }).count(), 1, country);
    assertClean(page);
    await page.context().close();
  });

  test(`a gallery's lightbox and a story's slides write dates and positions in ${lang}`, async () => {
    const gallery = data.galleries.find((g) => g.photos.some((p) => /^\d{4}-\d{2}$/.test(p.date ?? '')));
    const index = gallery.photos.findIndex((p) => /^\d{4}-\d{2}$/.test(p.date ?? ''));
    const photo = gallery.photos[index];
    const page = await app.open(`/galleries/${gallery.id}?lang=${lang}`);
    await waitReady(page);
    await page.locator(`[data-photo-id="${photo.id}"] .photo-open`).click();
    await page.waitForFunction(() => document.querySelector('dialog.lightbox')?.open);
    const [y, m] = photo.date.split('-').map(Number);
    const meta = await page.locator('dialog.lightbox .lightbox-meta').innerText();
    assert.ok(meta.startsWith(await dateIn(page, lang, MONTH, [y, m])), meta);
    const of = { fr: 'sur', ar: 'من' }[lang];
    const position = `${await numberIn(page, lang, index + 1)} ${of} ${await numberIn(page, lang, gallery.photos.length)}`;
    assert.equal(await page.locator('.lightbox-counter').innerText(), position);
    if (lang === 'ar') await assertOneDigitSystem(page);
    await checkAxe(page);
    await page.keyboard.press('Escape');

    const story = data.stories.find((s) => s.slides.some((sl) => /^\d{4}-\d{2}$/.test(sl.date ?? '')));
    const slide = story.slides.find((sl) => /^\d{4}-\d{2}$/.test(sl.date ?? ''));
    await page.goto(app.url(`/stories/${story.id}?lang=${lang}`));
    await waitReady(page);
    const [sy, sm] = slide.date.split('-').map(Number);
    const shown = await page.locator(`[data-slide-id="${slide.id}"] .slide-date`).textContent();
    assert.equal(shown, await dateIn(page, lang, MONTH, [sy, sm]));
    await checkAxe(page);
    assertClean(page);
    await page.context().close();
  });
}
