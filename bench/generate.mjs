// Generates a Mapline dataset of `count` case outcomes (plus a campaign with a
// period and a UN-day milestone) into a directory, for the timeline benchmark
// and the virtualisation test. Deterministic: the same count gives the same data.
import fs from 'node:fs';
import path from 'node:path';

const COUNTRIES = ['BY', 'MX', 'PH', 'RU', 'KZ', 'CM', 'BR', 'PK', 'HN', 'UA', 'TR', 'IN'];
const KINDS = ['attack', 'threat', 'arrest', 'charge', 'trial', 'sentence', 'release', 'acquittal'];

/** Writes manifest.json and cases.json into `dir`; returns the manifest path. */
export function writeTimelineData(dir, count) {
  fs.mkdirSync(dir, { recursive: true });
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const perCase = 10;
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
