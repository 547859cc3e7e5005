#!/usr/bin/env node
// Generates src/countries/table.rs, the country reference table, from world-atlas
// (Natural Earth TopoJSON) and i18n-iso-countries.
//
//   node scripts/gen-countries.mjs
//
// For each country: ISO alpha-2 / numeric code, Natural Earth name, a label point
// (area-weighted centroid of the country's LARGEST polygon, moved inside the
// polygon when the centroid of a concave shape falls outside it) and the bbox of
// that largest polygon (west, south, east, north). Countries missing from the 50m
// shapes (small states) are taken from the 10m shapes. Features without a valid
// alpha-2 code (disputed areas, id undefined) are skipped and listed.
//
// This script only writes src/countries/table.rs; it copies nothing else. The map
// view loads node_modules/world-atlas/countries-50m.json itself.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import * as topojson from "topojson-client";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries");

const load = (res) =>
  JSON.parse(readFileSync(join(root, "node_modules/world-atlas", `countries-${res}.json`), "utf8"));

const round3 = (x) => Math.round(x * 1000) / 1000;

// --- planar geometry on (lon, lat) ---------------------------------------------

// Signed shoelace area and centroid terms of a ring.
function ringStats(ring) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % n];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { a: a / 2, cx: cx / 6, cy: cy / 6 };
}

// Polygon = [outer, ...holes]. Area in degrees², absolute, holes subtracted.
function polygonAreaCentroid(poly) {
  let A = 0, CX = 0, CY = 0;
  poly.forEach((ring, i) => {
    const s = ringStats(ring);
    // Outer counts positive, holes negative, whatever the winding.
    const sign = (i === 0 ? 1 : -1) * Math.sign(s.a || 1);
    A += sign * s.a;
    CX += sign * s.cx;
    CY += sign * s.cy;
  });
  return { area: Math.abs(A), lon: CX / A, lat: CY / A };
}

// Area corrected for latitude, used only to choose the largest polygon.
function sphericalishArea(poly) {
  const { area } = polygonAreaCentroid(poly);
  const lats = poly[0].map((p) => p[1]);
  const mid = (Math.min(...lats) + Math.max(...lats)) / 2;
  return area * Math.cos((mid * Math.PI) / 180);
}

function inRing(x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inPolygon = (x, y, poly) => inRing(x, y, poly[0]) && !poly.slice(1).some((h) => inRing(x, y, h));

// Inside intervals of the horizontal line at latitude y.
function scanline(y, poly) {
  const xs = [];
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y)) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((a, b) => a - b);
  const segs = [];
  for (let i = 0; i + 1 < xs.length; i += 2) segs.push([xs[i], xs[i + 1]]);
  return segs;
}

// The centroid, or, when it falls outside the polygon, the midpoint of the widest
// inside segment among scanlines near the centroid's latitude (nearest first).
function labelPoint(poly, c, bbox) {
  if (inPolygon(c.lon, c.lat, poly)) return { lon: c.lon, lat: c.lat, moved: false };
  const h = bbox[3] - bbox[1];
  let best = null;
  for (let k = 0; k <= 40; k++) {
    for (const dir of k === 0 ? [0] : [1, -1]) {
      const y = c.lat + (dir * k * h) / 80;
      if (y <= bbox[1] || y >= bbox[3]) continue;
      for (const [a, b] of scanline(y, poly)) {
        const width = b - a;
        // Prefer wide segments close to the centroid.
        const dist = Math.hypot(Math.max(0, a - c.lon, c.lon - b), y - c.lat);
        const score = width - dist;
        if (!best || score > best.score) best = { score, lon: (a + b) / 2, lat: y };
      }
    }
    if (best && k >= 4) break;
  }
  return { lon: best.lon, lat: best.lat, moved: true };
}

function bboxOf(poly) {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of poly[0]) {
    w = Math.min(w, x); e = Math.max(e, x);
    s = Math.min(s, y); n = Math.max(n, y);
  }
  return [w, s, e, n];
}

// --- features ----------------------------------------------------------------

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [unwrap(geometry.coordinates)];
  if (geometry.type === "MultiPolygon") return geometry.coordinates.map(unwrap);
  return [];
}

// topojson-client stitches polygons across the antimeridian (Russia's Chukotka,
// Fiji's Vanua Levu), so a ring may jump from 180 to -180. Make such rings
// continuous in longitude (values may exceed 180; normalised on output).
function unwrap(poly) {
  // Natural Earth's Antarctica is a ring along the pole line (lat -89.999) with
  // the coast as its "hole": keep the coast as the outer ring.
  if (poly.length > 1 && poly[0].every(([, y]) => Math.abs(y) > 89.9)) poly = poly.slice(1);
  const rings = poly.map((ring) => {
    let shift = 0;
    const out = [ring[0].slice()];
    for (let i = 1; i < ring.length; i++) {
      const d = ring[i][0] - ring[i - 1][0];
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
      out.push([ring[i][0] + shift, ring[i][1]]);
    }
    return shift === 0 ? out : closeViaPole(ring);
  });
  // A ring that circles a pole (Antarctica) cannot be unwrapped: close it along
// the map edge through the pole instead, so it is a plain polygon in lon/lat.
function closeViaPole(ring) {
  const pole = ring.reduce((s, p) => s + p[1], 0) < 0 ? -90 : 90;
  const out = [ring[0]];
  for (let i = 1; i < ring.length; i++) {
    const [x0] = ring[i - 1];
    const [x1] = ring[i];
    if (Math.abs(x1 - x0) > 180) {
      out.push([Math.sign(x0) * 180, ring[i - 1][1]], [Math.sign(x0) * 180, pole],
               [Math.sign(x1) * 180, pole], [Math.sign(x1) * 180, ring[i][1]]);
    }
    out.push(ring[i]);
  }
  return out;
}

// Bring holes to the outer ring's side of the antimeridian.
  const mean = (r) => r.reduce((s, p) => s + p[0], 0) / r.length;
  const m0 = mean(rings[0]);
  return rings.map((r, i) => {
    if (i === 0) return r;
    const k = Math.round((m0 - mean(r)) / 360);
    return k ? r.map(([x, y]) => [x + 360 * k, y]) : r;
  });
}

const normLon = (x) => ((((x + 180) % 360) + 360) % 360) - 180;

const skipped = [];

// numeric id → { name, polygons[] }, merging features that share an id
// (e.g. Australia and Ashmore and Cartier Is. are both "036"; the name of the
// feature holding the largest polygon wins).
function collect(res) {
  const topo = load(res);
  const fc = topojson.feature(topo, topo.objects.countries);
  const out = new Map();
  for (const f of fc.features) {
    const id = f.id;
    const name = f.properties?.name ?? "?";
    const alpha2 = id && /^\d+$/.test(id) ? countries.numericToAlpha2(id) : undefined;
    if (!alpha2) {
      skipped.push(`${res}: ${name} (id ${id === undefined ? "undefined" : JSON.stringify(id)})`);
      continue;
    }
    const polys = polygonsOf(f.geometry);
    if (polys.length === 0) {
      skipped.push(`${res}: ${name} (id ${id}, no polygon)`);
      continue;
    }
    const entry = out.get(id) ?? { id, alpha2, parts: [] };
    for (const p of polys) entry.parts.push({ name, poly: p, area: sphericalishArea(p) });
    out.set(id, entry);
  }
  return out;
}

const m50 = collect("50m");
const m10 = collect("10m");
const fallback = [];
for (const [id, e] of m10) {
  if (!m50.has(id)) {
    m50.set(id, e);
    fallback.push(`${e.alpha2} ${e.parts[0].name}`);
  }
}

const rows = [];
for (const e of m50.values()) {
  e.parts.sort((a, b) => b.area - a.area);
  const { name, poly } = e.parts[0];
  const bbox = bboxOf(poly);
  const c = polygonAreaCentroid(poly);
  const p = labelPoint(poly, c, bbox);
  if (!inPolygon(p.lon, p.lat, poly)) throw new Error(`label point of ${e.alpha2} is not inside`);
  rows.push({
    code: e.alpha2,
    numeric: parseInt(e.id, 10),
    name,
    lat: round3(p.lat),
    lon: round3(normLon(p.lon)),
    // When the polygon crosses the antimeridian, west > east (as in GeoJSON).
    bbox: bbox[2] - bbox[0] >= 360
      ? [-180, round3(bbox[1]), 180, round3(bbox[3])]
      : [round3(bbox[0] === -180 ? -180 : normLon(bbox[0])), round3(bbox[1]),
         round3(bbox[2] === 180 ? 180 : normLon(bbox[2])), round3(bbox[3])],
    moved: p.moved,
  });
}
rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
for (let i = 1; i < rows.length; i++) {
  if (rows[i].code === rows[i - 1].code) throw new Error(`duplicate code ${rows[i].code}`);
}

// --- output ------------------------------------------------------------------

const num = (x) => {
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
};
const rs = (s) => JSON.stringify(s); // Natural Earth names are plain; JSON escapes are valid Rust.

let src = `// generated by scripts/gen-countries.mjs from world-atlas (Natural Earth) — do not edit
// ${rows.length} countries; label point = area-weighted centroid of the largest polygon
// (moved inside when outside), bbox = that polygon's [west, south, east, north].

use super::Country;

pub static COUNTRIES: &[Country] = &[
`;
for (const r of rows) {
  src += `    Country { code: ${rs(r.code)}, numeric: ${r.numeric}, name: ${rs(r.name)}, lat: ${num(r.lat)}, lon: ${num(r.lon)}, bbox: [${r.bbox.map(num).join(", ")}] },\n`;
}
src += "];\n";
writeFileSync(join(root, "src/countries/table.rs"), src);

// Report.
const have = new Set(rows.map((r) => r.code));
const missing = Object.keys(countries.getAlpha2Codes())
  .filter((c) => !have.has(c))
  .map((c) => `${c} ${countries.getName(c, "en")}`);
console.log(`wrote src/countries/table.rs: ${rows.length} countries`);
console.log(`from 10m (absent in 50m): ${fallback.join(", ") || "none"}`);
console.log(`skipped (no valid alpha-2):\n  ${skipped.join("\n  ")}`);
console.log(`label point moved inside a concave polygon: ${rows.filter((r) => r.moved).map((r) => r.code).join(", ") || "none"}`);
console.log(`ISO alpha-2 codes absent from both 50m and 10m (${missing.length}):\n  ${missing.join("\n  ")}`);
for (const c of ["FR", "US", "NO", "RU", "NZ", "FJ", "KI"]) {
  const r = rows.find((x) => x.code === c);
  if (r) console.log(`check ${c}: lat ${r.lat}, lon ${r.lon}, bbox [${r.bbox.join(", ")}]`);
}
