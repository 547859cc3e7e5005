// Generates benchmark data, deterministically (the same count gives the same data):
// - a Mapline dataset of `count` case outcomes (plus a campaign with a period and a
//   UN-day milestone), for the benchmark's parse timing and the virtualisation test;
// - a TimelineJS3 document of `count` events, the same file for both apps;
// - a Mapline dataset of `count` members with coordinates, for the map.
import fs from 'node:fs';
import path from 'node:path';

const COUNTRIES = ['BY', 'MX', 'PH', 'RU', 'KZ', 'CM', 'BR', 'PK', 'HN', 'UA', 'TR', 'IN'];
const KINDS = ['attack', 'threat', 'arrest', 'charge', 'trial', 'sentence', 'release', 'acquittal'];

/** A seeded pseudo-random generator in [0, 1). */
function seeded(seed = 7) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

/**
 * Writes manifest.json and cases.json into `dir` (`perCase` outcomes a case, so
 * count / perCase cases); returns the manifest path.
 */
export function writeTimelineData(dir, count, { perCase = 10 } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const rand = seeded();
  const cases = [];
  for (let c = 0; c * perCase < count; c++) {
    const outcomes = [];
    for (let i = 0; i < perCase && c * perCase + i < count; i++) {
      const n = c * perCase + i;
      const year = 1990 + Math.floor(rand() * 35);
      const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
      const shape = rand();
      const date = shape < 0.6 ? `${year}-${month}-${day}` : shape < 0.8 ? `${year}-${month}` : shape < 0.9 ? `${year}?` : `${year}/${year + 1}`;
      outcomes.push({
        id: `e${n}`,
        date,
        kind: KINDS[n % KINDS.length],
        headline: `Event ${n}: ${KINDS[n % KINDS.length]} in case ${c}`,
      });
    }
    cases.push({ id: `case-${c}`, person: `Person ${c}`, country: COUNTRIES[c % COUNTRIES.length], status: 'open', outcomes });
  }
  const campaigns = [
    {
      id: 'gen-campaign',
      name: 'Generated campaign',
      period: '2012-10/2012-11',
      milestones: [{ id: 'gen-un-day', date: '2013-12', kind: 'un-response', headline: 'UN day declared' }],
    },
  ];
  fs.writeFileSync(path.join(dir, 'cases.json'), JSON.stringify({ format: 'mapline/1', cases, campaigns }));
  const manifest = { format: 'mapline/1', title: `Generated timeline (${count} events)`, files: ['cases.json'] };
  const file = path.join(dir, 'manifest.json');
  fs.writeFileSync(file, JSON.stringify(manifest));
  return file;
}

/** A TimelineJS3 JSON document of `count` dated events (with a title slide), as text. */
export function timelineJs3Document(count) {
  const rand = seeded();
  const events = [];
  for (let n = 0; n < count; n++) {
    const year = 1990 + Math.floor(rand() * 35);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const kind = KINDS[n % KINDS.length];
    events.push({
      unique_id: `e${n}`,
      start_date: { year: String(year), month: String(month), day: String(day) },
      text: { headline: `Event ${n}: ${kind}`, text: `<p>A generated ${kind} in ${COUNTRIES[n % COUNTRIES.length]}.</p>` },
      group: COUNTRIES[n % COUNTRIES.length],
    });
  }
  return JSON.stringify({ title: { text: { headline: `Generated timeline (${count} events)`, text: '<p>Benchmark data.</p>' } }, events });
}

/**
 * Writes manifest.json and members.json into `dir`: `count` members placed around
 * the label points of `countries` ([{ code, lat, lon }]); returns the manifest path.
 */
export function writeMapData(dir, count, countries) {
  const rand = seeded();
  const regions = ['africa', 'americas', 'asia-pacific', 'europe-central-asia', 'mena'];
  const members = [];
  for (let i = 0; i < count; i++) {
    const c = countries[Math.floor(rand() * countries.length)];
    const lat = Math.max(-80, Math.min(80, c.lat + (rand() - 0.5) * 4));
    const lon = Math.max(-180, Math.min(180, c.lon + (rand() - 0.5) * 4));
    members.push({
      id: `m${i}`,
      name: { en: `Member ${i}` },
      country: c.code,
      region: regions[i % regions.length],
      coordinates: { lat: Number(lat.toFixed(4)), lon: Number(lon.toFixed(4)) },
    });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'members.json'), JSON.stringify({ format: 'mapline/1', members }));
  const file = path.join(dir, 'manifest.json');
  fs.writeFileSync(file, JSON.stringify({ format: 'mapline/1', title: { en: `Benchmark: ${count} members` }, files: ['members.json'] }));
  return file;
}
