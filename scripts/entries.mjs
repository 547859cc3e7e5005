// Puts the entry points' builds together into one dist/, then writes the
// precompressed copies. Run by build_dist in scripts/setup.sh:
//
//   node scripts/entries.mjs place <staging-dir> <dist> <route>
//     copies a Trunk build of one entry (entries/*.html) into dist: its hashed
//     assets beside the reader app's (one <base href> serves them all), its
//     page to <dist>/<route>/index.html, so a static host serves it at /<route>.
//   node scripts/entries.mjs compress <dist>
//     writes <file>.gz and <file>.br beside every text and wasm file, for hosts
//     that serve them as they are (nginx gzip_static / brotli_static).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [command, ...args] = process.argv.slice(2);

function place(staging, dist, route) {
  for (const name of fs.readdirSync(staging)) {
    // The entry's own page goes under its route; 404.html is the reader's alone.
    if (name === 'index.html' || name === '404.html') continue;
    fs.cpSync(path.join(staging, name), path.join(dist, name), { recursive: true });
  }
  const target = path.join(dist, route, 'index.html');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(staging, 'index.html'), target);
}

const COMPRESSED = new Set(['.wasm', '.js', '.mjs', '.css', '.json', '.html', '.svg', '.csv', '.txt', '.xml']);

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

function compress(dist) {
  let count = 0;
  for (const file of [...files(dist)]) {
    if (!COMPRESSED.has(path.extname(file))) continue;
    const body = fs.readFileSync(file);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
    count += 1;
  }
  console.error(`compressed ${count} files (.gz and .br beside each)`);
}

if (command === 'place' && args.length === 3) place(...args);
else if (command === 'compress' && args.length === 1) compress(args[0]);
else {
  console.error('usage: node scripts/entries.mjs place <staging> <dist> <route> | compress <dist>');
  process.exit(2);
}
