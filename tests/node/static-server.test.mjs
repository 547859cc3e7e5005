// The static server of ./scripts/serve and the browser tests answers byte
// ranges as a real host does: a PMTiles basemap is read by range requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, byteRange } from '../e2e/server.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapline-range-'));
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let server;
before(async () => {
  fs.writeFileSync(path.join(dir, 'a.pmtiles'), bytes);
  fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ text: 'x'.repeat(2000) }));
  server = await serve({ '/': dir }, { fallback: false, compress: true });
});
after(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (file, headers = {}) => fetch(`${server.origin}/${file}`, { headers });

test('a range is answered with 206, Content-Range and those bytes only', async () => {
  const res = await get('a.pmtiles', { range: 'bytes=10-19' });
  assert.equal(res.status, 206);
  assert.equal(res.headers.get('content-range'), 'bytes 10-19/1000');
  assert.equal(res.headers.get('content-length'), '10');
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), bytes.subarray(10, 20));
  assert.deepEqual(server.requests.at(-1), { method: 'GET', path: '/a.pmtiles', range: 'bytes=10-19', status: 206 });
});

test('a range past the end is cut to it; one starting past it is 416', async () => {
  // A PMTiles reader asks for the first 16 KiB whatever the file's size.
  const first = await get('a.pmtiles', { range: 'bytes=0-16383' });
  assert.equal(first.status, 206);
  assert.equal(first.headers.get('content-range'), 'bytes 0-999/1000');
  assert.equal((await first.arrayBuffer()).byteLength, 1000);
  const past = await get('a.pmtiles', { range: 'bytes=1000-1010' });
  assert.equal(past.status, 416);
  assert.equal(past.headers.get('content-range'), 'bytes */1000');
});

test('a suffix range gives the last bytes; without a range the whole file comes', async () => {
  const tail = await get('a.pmtiles', { range: 'bytes=-5' });
  assert.equal(tail.status, 206);
  assert.deepEqual(Buffer.from(await tail.arrayBuffer()), bytes.subarray(995));
  const whole = await get('a.pmtiles');
  assert.equal(whole.status, 200);
  assert.equal(whole.headers.get('accept-ranges'), 'bytes');
  assert.equal((await whole.arrayBuffer()).byteLength, 1000);
});

test('a compressed answer ignores the range (the whole file, gzipped)', async () => {
  const res = await get('a.json', { range: 'bytes=0-9', 'accept-encoding': 'gzip' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-encoding'), 'gzip');
  assert.equal((await res.json()).text.length, 2000);
});

test('byteRange reads one range and ignores what it cannot', () => {
  assert.deepEqual(byteRange('bytes=0-0', 10), { start: 0, end: 0 });
  assert.deepEqual(byteRange('bytes=5-', 10), { start: 5, end: 9 });
  assert.deepEqual(byteRange('bytes=-20', 10), { start: 0, end: 9 });
  assert.equal(byteRange('bytes=10-', 10), 'unsatisfiable');
  for (const header of ['bytes=0-1,4-5', 'items=0-1', 'bytes=5-2', 'bytes=-', 'nonsense', undefined]) {
    assert.equal(byteRange(header, 10), null, String(header));
  }
});
