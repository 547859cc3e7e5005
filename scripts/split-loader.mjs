// Writes a split entry's loader (the reader app's, the timeline embed's) into the staged index.html (run by
// scripts/post-build.sh once the split wasm is in <staging>/<dir>/): the
// markup Trunk writes for a crate it builds itself, so `mapline publish`
// (src/publish/shell.rs, defer_app_start) and scripts/csp.mjs treat it the
// same: a modulepreload of the JS glue and of the split loader it imports,
// a preload of the main wasm (each with SRI, sha384 as Trunk's), and the
// inline module script that starts the app. The chunks are fetched by
// __wasm_split.js (same origin, in the content-hashed folder) without SRI.
//   node scripts/split-loader.mjs <staging> <dir> <name> <public-url>
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [staging, dir, name, publicUrl = '/'] = process.argv.slice(2);
if (!staging || !dir || !name) {
  console.error('usage: node scripts/split-loader.mjs <staging> <dir> <name> <public-url>');
  process.exit(2);
}
const base = `${publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`}${dir}`;
const sri = (file) =>
  `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(staging, dir, file))).digest('base64')}`;

const glue = `${name}.js`;
const wasm = `${name}_bg.wasm`;
const loader =
  `<link rel="modulepreload" href="${base}/${glue}" crossorigin="anonymous" integrity="${sri(glue)}">` +
  `<link rel="modulepreload" href="${base}/__wasm_split.js" crossorigin="anonymous" integrity="${sri('__wasm_split.js')}">` +
  `<link rel="preload" href="${base}/${wasm}" crossorigin="anonymous" integrity="${sri(wasm)}" as="fetch" type="application/wasm">` +
  `<script type="module">
import init, * as bindings from '${base}/${glue}';
const wasm = await init({ module_or_path: '${base}/${wasm}' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`;

const indexPath = path.join(staging, 'index.html');
const html = fs.readFileSync(indexPath, 'utf8');
if (html.includes('type="application/wasm"') || html.includes('type=application/wasm')) {
  console.error('index.html already loads a wasm: is the rust link missing data-trunk-skip?');
  process.exit(1);
}
if (!html.includes('</head>')) {
  console.error('no </head> in index.html to put the loader before');
  process.exit(1);
}
fs.writeFileSync(indexPath, html.replace('</head>', `${loader}</head>`));
