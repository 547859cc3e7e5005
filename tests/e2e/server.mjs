// A tiny static server for the built app, on 127.0.0.1 only. Unknown paths get
// the SPA fallback (404.html, which is the app), as nginx's try_files would.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

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
};

/**
 * Serves `mounts` ({ urlPrefix: directory }) and returns { origin, close, requests }.
 * `requests` logs every request ({ method, path }), so tests can see what the app sent.
 */
export async function serve(mounts, { fallback = true, port = 0 } = {}) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push({ method: req.method, path: url.pathname + url.search });
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
      const body = await fs.readFile(f);
      res.writeHead(status, {
        'content-type': TYPES[path.extname(f)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
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
