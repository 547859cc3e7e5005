// Serves a built dist/ on 127.0.0.1 for ./scripts/serve, with the same static
// server as the browser tests (directory index pages, the 404.html fallback).
import path from 'node:path';
import { serve } from '../tests/e2e/server.mjs';

const [dist = 'dist', port = '8080'] = process.argv.slice(2);
// Compressed as a host would serve it (the build's .br and .gz copies).
const server = await serve({ '/': path.resolve(dist) }, { port: Number(port), compress: true });
console.error(`Mapline on ${server.origin}/`);
