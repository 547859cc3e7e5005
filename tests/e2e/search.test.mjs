// The header's search: instant, accent-insensitive, keyboard-navigable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitReady, assertClean, checkAxe } from './harness.mjs';

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
