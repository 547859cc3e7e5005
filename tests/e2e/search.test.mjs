// The header's search: instant, accent-insensitive, keyboard-navigable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitReady, assertClean, checkAxe, sampleData } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('a case is found by a name typed without accents, and opened with the keyboard', async () => {
  const page = await app.open('/');
  await waitReady(page);
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.focus();
  await page.keyboard.type('lucia arredondo');
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await options.first().waitFor();
  // The person comes first; records that mention her follow.
  assert.match(await options.first().innerText(), /Lucía Arredondo Vela\s*Case/);
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await checkAxe(page);
  await page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'site-search-result-0');
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/cases/lucia-arredondo');
  await waitReady(page);
  assert.match(await page.locator('h1').innerText(), /Lucía Arredondo Vela/);
  assert.equal(await box.inputValue(), '', 'the box is cleared after opening a result');
  assertClean(page);
  await page.context().close();
});

test('arrows move through the results and Escape closes, then clears', async () => {
  const page = await app.open('/');
  await waitReady(page);
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.focus();
  await page.keyboard.type('impunity');
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await options.first().waitFor();
  const count = await options.count();
  assert.ok(count >= 2, `several results for "impunity" (${count})`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'site-search-result-1');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await box.getAttribute('aria-activedescendant'), `site-search-result-${count - 1}`, 'wraps to the last');
  await page.keyboard.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await box.inputValue(), 'impunity');
  await page.keyboard.press('Escape');
  assert.equal(await box.inputValue(), '');
  assertClean(page);
  await page.context().close();
});

test('a member is found by a word of its French name, and opened by mouse', async () => {
  const page = await app.open('/?lang=fr');
  await waitReady(page);
  const box = page.getByRole('combobox', { name: 'Rechercher' });
  await box.fill('ecrivains');
  const option = page.getByRole('listbox', { name: 'Résultats de recherche' }).getByRole('option').first();
  await option.waitFor();
  assert.match(await option.innerText(), /Cercle des écrivains/);
  await option.click();
  await page.waitForURL('**/members/**');
  await waitReady(page);
  assertClean(page);
  await page.context().close();
});

test("a country is found by its name in the reader's language: Biélorussie in French, بيلاروس in Arabic", async () => {
  const data = sampleData();
  const text = (t) => (typeof t === 'string' ? t : t.en);
  const belarus = [...data.cases, ...data.members].filter((r) => r.country === 'BY').map((r) => text(r.person ?? r.name));
  assert.ok(belarus.length > 0, 'records in Belarus');
  for (const [lang, label, results] of [['fr', 'Rechercher', 'Résultats de recherche'], ['ar', 'بحث', 'نتائج البحث']]) {
    const page = await app.open(`/?lang=${lang}`);
    await waitReady(page);
    const name = await page.evaluate((lang) => new Intl.DisplayNames([lang], { type: 'region' }).of('BY'), lang);
    assert.notEqual(name, 'Belarus', `${lang} names Belarus its own way`);
    const box = page.getByRole('combobox', { name: label });
    await box.focus();
    await page.keyboard.type(name);
    const options = page.getByRole('listbox', { name: results }).getByRole('option');
    await options.first().waitFor();
    const found = await options.evaluateAll((els) => els.map((el) => el.querySelector('.search-result-title').innerText));
    // Records in Belarus, and any whose own text names the country.
    assert.ok(found.some((title) => belarus.includes(title)), `"${name}" finds records in Belarus: ${found.join(', ')}`);
    await checkAxe(page);
    assertClean(page);
    await page.context().close();
  }
});
