// The peer both benchmarks compare with: TimelineJS3 from npm
// (`@knight-lab/timelinejs`, served from node_modules), its own template among
// the shared anchors, and our small host page for it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const TL3_PACKAGE = path.join(ROOT, 'node_modules/@knight-lab/timelinejs');
export const TL3_VERSION = JSON.parse(fs.readFileSync(path.join(TL3_PACKAGE, 'package.json'), 'utf8')).version;
export const TL3 = `TimelineJS3 ${TL3_VERSION}`;
/** Served at /tl3/ by the benchmarks; the host page loads it from there. */
export const TL3_DIST = path.join(TL3_PACKAGE, 'dist');
export const ANCHORS = path.resolve(ROOT, '../shared/fixtures/anchors');
export const PEER_TEMPLATE = 'TimelineJS3-all-media-types.json';

/**
 * Our own page for TimelineJS3 (TL3's dist served at /tl3/): `new TL.Timeline(el,
 * data)` on the document named by `?doc=`, fetched; no remote font (font: null)
 * and a local script_path. Sets window.__tlLoaded once TL3 says it has loaded.
 */
export function tl3HostPage() {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${TL3}</title>
  <link rel="stylesheet" href="/tl3/css/timeline.css">
  <style>html, body, #timeline { margin: 0; width: 100%; height: 100%; }</style>
  <script src="/tl3/js/timeline.js"></script>
</head>
<body>
  <div id="timeline"></div>
  <script>
    const doc = new URLSearchParams(location.search).get('doc');
    fetch(doc)
      .then((r) => r.json())
      .then((data) => {
        const timeline = new TL.Timeline('timeline', data, { script_path: '/tl3/js/', font: null });
        timeline.on('loaded', () => { window.__tlLoaded = true; });
        window.__timeline = timeline;
      })
      .catch((e) => { window.__tlError = String(e); });
  </script>
</body>
</html>
`;
}
