// The checked-in JSON Schema (generated from the Rust types) accepts the sample
// data, and rejects what the format forbids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
const schema = read('docs/mapline.schema.json');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const manifest = read('public/data/manifest.json');
const files = ['manifest.json', ...manifest.files];

for (const file of files) {
  test(`the schema accepts public/data/${file}`, () => {
    const ok = validate(read(path.join('public/data', file)));
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });
}

test('the schema rejects a member without a country', () => {
  const doc = { format: 'mapline/1', members: [{ id: 'a', name: 'A', region: 'africa' }] };
  assert.equal(validate(doc), false);
});

test('the schema rejects an unknown region', () => {
  const doc = { format: 'mapline/1', members: [{ id: 'a', name: 'A', country: 'GH', region: 'atlantis' }] };
  assert.equal(validate(doc), false);
});

test('the schema accepts a manifest naming its PMTiles basemap', () => {
  const doc = {
    format: 'mapline/1',
    files: [],
    basemap: { pmtiles: 'tiles/world.pmtiles', attribution: { en: '© OpenStreetMap contributors' } },
  };
  assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

test('the schema rejects a basemap without its archive', () => {
  // Against the manifest's definition: the top level's other branch (a
  // document) lets unknown keys through.
  const { anyOf, ...rest } = schema;
  const validateManifest = ajv.compile({ ...rest, $id: 'manifest-only', $ref: '#/$defs/Manifest' });
  const missing = { format: 'mapline/1', files: [], basemap: { attribution: 'x' } };
  assert.equal(validateManifest(missing), false);
  const wrongType = { format: 'mapline/1', files: [], basemap: { pmtiles: 5 } };
  assert.equal(validateManifest(wrongType), false);
  const good = { format: 'mapline/1', files: [], basemap: { pmtiles: 'https://maps.example.org/w.pmtiles' } };
  assert.ok(validateManifest(good), JSON.stringify(validateManifest.errors));
});
