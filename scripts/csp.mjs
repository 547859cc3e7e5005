// Trunk post_build hook: writes the Content-Security-Policy into index.html
// (and 404.html, the SPA fallback) as a <meta>, so every static host gets it.
// Trunk's loader is an inline module script: it is allowed by its SHA-256
// hash, computed here from the built page; nothing else inline may run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('scripts/csp.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}
const indexPath = path.join(staging, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);

// External media (images, audio, video frames) load only when the reader asks
// (the app's rule); http(s) stays allowed for them and for ?source= documents
// on other hosts. Styles: Leptos and Leaflet set style attributes.
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "media-src 'self' blob: https: http:",
  "frame-src 'self' https: http:",
  "connect-src 'self' https: http:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
if (html.includes('http-equiv="Content-Security-Policy"')) {
  console.error('index.html already has a Content-Security-Policy');
  process.exit(1);
}
// (Release builds minify index.html: the charset may come without quotes.)
html = html.replace(/<meta charset=["']?utf-8["']?\s*\/?>/i, (charset) => `${charset}${meta}`);
if (!html.includes(meta)) {
  console.error('no <meta charset=utf-8> in index.html to put the policy after');
  process.exit(1);
}
fs.writeFileSync(indexPath, html);
// Static hosts serve 404.html for unknown paths: the same app, so deep links
// such as /stories/impunity survive a reload (the SPA fallback).
fs.writeFileSync(path.join(staging, '404.html'), html);
