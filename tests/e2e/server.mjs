// A tiny static server for the built app, on 127.0.0.1 only. Unknown paths get
// the SPA fallback (404.html, which is the app), as nginx's try_files would.
// With `compress`, it answers as a real host does: the build's precompressed
// `<file>.br` or `<file>.gz` when the request accepts it (nginx brotli_static /
// gzip_static), and gzip made on the fly for compressible files without a copy.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

// The files a host compresses: the kinds the build makes .gz/.br copies of, and
// uncompressed fonts and icons (TimelineJS3's icon font); not images, audio or woff.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.csv', '.txt', '.xml', '.ttf', '.otf', '.ico']);

/** The encodings an Accept-Encoding header accepts (q > 0), lower-cased. */
function acceptedEncodings(header = '') {
  const accepted = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/**
 * The one byte range a `Range` header asks of a body of `size` bytes:
 * { start, end } (inclusive, the end cut to the body), 'unsatisfiable' when it
 * starts past the end, or null for a header to ignore (not bytes, several
 * ranges, malformed): the whole body is sent then, as the RFC allows.
 */
export function byteRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(String(header ?? '').trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    // A suffix: the last n bytes.
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/**
 * Serves `mounts` ({ urlPrefix: directory }) and returns { origin, close, requests }.
 * `requests` logs every request ({ method, path }), so tests can see what the app sent;
 * with `compress`, also the file served and its `encoding` ('br', 'gzip' or 'identity');
 * for a request with a `Range` header, the `range` asked and the `status` answered.
 */
export async function serve(mounts, { fallback = true, port = 0, compress = false } = {}) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const requests = [];
  // Gzip made on the fly, kept while the file is unchanged (a host's cache).
  const gzipped = new Map();
  const onTheFly = async (f, body) => {
    const { mtimeMs, size } = await fs.stat(f);
    const key = `${f}\0${mtimeMs}\0${size}`;
    if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body));
    return gzipped.get(key);
  };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const logged = { method: req.method, path: url.pathname + url.search };
    requests.push(logged);
    // For the loading timeout: /never/… takes the request and never answers;
    // /stall/… sends its headers and the start of a body, then nothing more.
    if (url.pathname.startsWith('/never/')) return;
    if (url.pathname.startsWith('/stall/')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.write('{"format": "mapline/1", "members": [');
      return;
    }
    const mount = entries.find(([prefix]) => url.pathname.startsWith(prefix));
    if (!mount) {
      res.writeHead(404).end('not found');
      return;
    }
    const [prefix, dir] = mount;
    const rel = decodeURIComponent(url.pathname.slice(prefix.length));
    const file = path.join(dir, rel);
    if (!file.startsWith(path.resolve(dir))) {
      res.writeHead(403).end('forbidden');
      return;
    }
    const send = async (f, status = 200) => {
      let body = await fs.readFile(f);
      const headers = {
        'content-type': TYPES[path.extname(f)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (compress && COMPRESSIBLE.has(path.extname(f))) {
        const accepted = acceptedEncodings(req.headers['accept-encoding']);
        // The precompressed copy beside the file, if the request accepts its encoding.
        const copy = async (encoding, ext) => (accepted.has(encoding) ? fs.readFile(`${f}.${ext}`).catch(() => null) : null);
        const br = await copy('br', 'br');
        const gz = br ? null : await copy('gzip', 'gz');
        let encoding = 'identity';
        if (br) [body, encoding] = [br, 'br'];
        else if (gz) [body, encoding] = [gz, 'gzip'];
        else if (accepted.has('gzip')) [body, encoding] = [await onTheFly(f, body), 'gzip'];
        if (encoding !== 'identity') headers['content-encoding'] = encoding;
        headers.vary = 'Accept-Encoding';
        Object.assign(logged, { file: f, encoding });
      }
      // Ranges of a file sent as it is (not of a compressed copy).
      if (status === 200 && !headers['content-encoding']) {
        headers['accept-ranges'] = 'bytes';
        const range = req.headers.range === undefined ? null : byteRange(req.headers.range, body.length);
        if (req.headers.range !== undefined) logged.range = req.headers.range;
        if (range === 'unsatisfiable') {
          headers['content-range'] = `bytes */${body.length}`;
          [status, body] = [416, Buffer.alloc(0)];
        } else if (range) {
          headers['content-range'] = `bytes ${range.start}-${range.end}/${body.length}`;
          [status, body] = [206, body.subarray(range.start, range.end + 1)];
        }
        if (req.headers.range !== undefined) logged.status = status;
      }
      headers['content-length'] = body.length;
      res.writeHead(status, headers);
      res.end(body);
    };
    try {
      const stat = await fs.stat(file);
      await send(stat.isDirectory() ? path.join(file, 'index.html') : file);
    } catch {
      // Paths with an extension are missing files; others are app routes.
      if (fallback && !path.extname(rel)) {
        try {
          await send(path.join(dir, '404.html'));
          return;
        } catch { /* no fallback file */ }
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        // Requests left hanging (/never/, /stall/) would keep it open.
        server.closeAllConnections();
      }),
  };
}
