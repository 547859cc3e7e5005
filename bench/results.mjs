// bench/RESULTS.md is written by two programs: bench/run.mjs writes the file
// (its table first), bench/lighthouse.mjs owns the section under
// LIGHTHOUSE_HEADING. Each keeps the other's part: run.mjs carries the last
// Lighthouse section over (it has its own date and commit), lighthouse.mjs
// replaces its section in place or appends it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

export const LIGHTHOUSE_HEADING = '## Lighthouse (mobile)';

/** [start, end) of the section under `heading` (to the next `## ` heading or the end), or null. */
function sectionRange(text, heading) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === heading);
  if (start < 0) return null;
  let end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  if (end < 0) end = lines.length;
  const offset = (i) => lines.slice(0, i).reduce((n, line) => n + line.length + 1, 0);
  return [offset(start), Math.min(text.length, offset(end))];
}

/** The section under `heading` in `file` ('' when the file or the section is missing). */
export function sectionOf(file, heading) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const range = sectionRange(text, heading);
  return range ? text.slice(...range) : '';
}

/** Writes `section` (starting with `heading`) into `file`: in place of the old one, or at the end. */
export function writeSection(file, heading, section) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const body = section.endsWith('\n') ? section : `${section}\n`;
  const range = sectionRange(text, heading);
  let out;
  if (range) {
    const after = text.slice(range[1]);
    out = text.slice(0, range[0]) + body + (after ? `\n${after}` : '');
  } else {
    out = `${text}${text && !text.endsWith('\n') ? '\n' : ''}${text ? '\n' : ''}${body}`;
  }
  fs.writeFileSync(file, out);
}

/**
 * The date, machine, browser and commit a run of the benchmark is reported
 * with; `browser` names the browser and its version.
 */
export function machine(root, browser) {
  const cpu = os.cpus()[0]?.model?.trim() || 'unknown CPU';
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim();
    if (dirty) commit += ' (with uncommitted changes)';
  } catch { /* not a git checkout */ }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    text: `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}; ${browser} (headless); Node ${process.version}`,
    commit,
  };
}
