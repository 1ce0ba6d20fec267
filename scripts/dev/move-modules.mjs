// Moves source files and rewrites every relative reference to them (and theirs to others):
// `from '…'`, `import('…')`, `vi.mock('…')`, `vi.importActual('…')`, `require('…')` and
// `new URL('…', import.meta.url)`. Used to reorganise folders without hand-editing imports.
//
//   node scripts/dev/move-modules.mjs <from> <to> [<from> <to> …]
//   node scripts/dev/move-modules.mjs --list moves.txt      (one "from to" pair per line)
//
// A directory moves with everything under it. Paths outside code (package.json, docs) are not
// rewritten: the script prints where the old paths still appear.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const args = process.argv.slice(2);
const pairs = [];
if (args[0] === '--list') {
  for (const line of readFileSync(args[1], 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length === 2 && !line.trim().startsWith('#')) pairs.push(parts);
  }
} else {
  if (args.length === 0 || args.length % 2 !== 0) {
    console.error('usage: move-modules.mjs <from> <to> [<from> <to> …] | --list <file>');
    process.exit(2);
  }
  for (let i = 0; i < args.length; i += 2) pairs.push([args[i], args[i + 1]]);
}

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean)
  .map((file) => path.join(root, file));
const trackedSet = new Set(tracked);

/** old absolute path → new absolute path, one entry per file */
const moves = new Map();
for (const [from, to] of pairs) {
  const src = path.resolve(from);
  const dst = path.resolve(to);
  if (existsSync(src) && statSync(src).isDirectory()) {
    for (const file of tracked)
      if (file.startsWith(src + path.sep)) moves.set(file, path.join(dst, path.relative(src, file)));
  } else if (trackedSet.has(src)) {
    moves.set(src, dst);
  } else {
    console.error(`not a tracked file or folder: ${from}`);
    process.exit(2);
  }
}
for (const dst of moves.values()) {
  if (existsSync(dst) && !moves.has(dst)) {
    console.error(`already exists: ${path.relative(root, dst)}`);
    process.exit(2);
  }
}

const code = tracked.filter((file) => /\.(tsx?|mjs|cjs|js)$/.test(file) && !file.includes('/node_modules/'));
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];
const SPECIFIER =
  /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*|\bvi\.importActual(?:<[^>]*>)?\(\s*|\brequire\(\s*|\bnew URL\(\s*)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

function resolveTarget(fromDir, spec) {
  const base = path.resolve(fromDir, spec);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (trackedSet.has(candidate)) return { file: candidate, ext };
  }
  if (spec.endsWith('.js')) {
    const ts = base.slice(0, -3) + '.ts';
    if (trackedSet.has(ts)) return { file: ts, ext: 'js-for-ts' };
  }
  return { file: base, ext: null };
}

function relativeSpec(fromDir, target) {
  let rel = path.relative(fromDir, target).split(path.sep).join('/');
  if (rel === '') rel = '.';
  if (!rel.startsWith('.')) rel = './' + rel;
  return rel;
}

function movedDir(dir) {
  // A folder reference (`new URL('../..', …)`) follows the folder only if all of it moved; otherwise it stays put.
  return dir;
}

let changed = 0;
for (const file of code) {
  const text = readFileSync(file, 'utf8');
  const newFile = moves.get(file) ?? file;
  const oldDir = path.dirname(file);
  const newDir = path.dirname(newFile);
  const next = text.replace(SPECIFIER, (whole, lead, quote, spec) => {
    const { file: target, ext } = resolveTarget(oldDir, spec);
    let spec2;
    if (ext === null) {
      const dest = movedDir(target);
      spec2 = relativeSpec(newDir, dest);
      if (spec.endsWith('/') && !spec2.endsWith('/')) spec2 += '/';
    } else {
      const dest = moves.get(target) ?? target;
      if (ext === 'js-for-ts') spec2 = relativeSpec(newDir, dest).replace(/\.ts$/, '.js');
      else if (ext === '') spec2 = relativeSpec(newDir, dest);
      else if (ext.startsWith('/index')) spec2 = relativeSpec(newDir, path.dirname(dest));
      else spec2 = relativeSpec(newDir, dest.slice(0, dest.length - path.extname(dest).length));
    }
    return spec2 === spec ? whole : `${lead}${quote}${spec2}${quote}`;
  });
  if (next !== text) {
    writeFileSync(file, next);
    changed += 1;
  }
}

for (const [src, dst] of moves) {
  mkdirSync(path.dirname(dst), { recursive: true });
  execFileSync('git', ['mv', src, dst], { cwd: root });
}
console.log(`moved ${moves.size} file(s), rewrote references in ${changed} file(s)`);

const leftovers = [];
const nonCode = tracked.filter((file) => !code.includes(file) && /\.(json|ya?ml|md|html|sh)$/.test(file));
for (const file of [...nonCode, ...code]) {
  if (!existsSync(file) && !moves.has(file)) continue;
  const current = moves.get(file) ?? file;
  const text = readFileSync(current, 'utf8');
  for (const src of moves.keys()) {
    const rel = path.relative(root, src);
    if (text.includes(rel)) leftovers.push(`${path.relative(root, current)} still names ${rel}`);
  }
}
if (leftovers.length) console.log(`check these by hand:\n  ${leftovers.join('\n  ')}`);
