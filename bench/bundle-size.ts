/**
 * `npm run bench` (third part): what the page and the preload weigh, from the built files.
 *   1. the preload (out/preload/index.cjs), in bytes: target ≤ 10 KB, so it carries no schemas;
 *   2. the renderer's initial JS: the script(s) index.html loads (its module script and any modulepreload), gzipped,
 *      target ≤ 120 KB. The lazy chunks are listed apart, with the ones the page fetches right after it starts (the
 *      answer checks: the contract's schemas) named as such.
 * It builds first (electron-vite build) when out/ is missing or older than the sources, else reads the build there.
 * `--quick` changes nothing here: reading the build is already quick.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'out');
const RENDERER = path.join(OUT, 'renderer');
const PRELOAD = path.join(OUT, 'preload', 'index.cjs');
const SOURCES = ['src/renderer', 'src/shared', 'src/preload', 'electron.vite.config.ts', 'package-lock.json'];
/** Targets in bytes (1 KB = 1,000 bytes, the stricter reading). */
const PRELOAD_TARGET = 10_000;
const INITIAL_GZIP_TARGET = 120_000;
/** The lazy chunk that checks main's answers; the page imports it as soon as it starts. */
const CHECKS_CHUNK = /^kiosk-api-.*\.js$/;

function newestSource(): number {
  const newest = (file: string): number => {
    if (!existsSync(file)) return 0;
    const stat = statSync(file);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(0, ...readdirSync(file).map((name) => newest(path.join(file, name))));
  };
  return Math.max(...SOURCES.map((source) => newest(path.join(ROOT, source))));
}

function builtAt(): number {
  const outputs = [path.join(RENDERER, 'index.html'), PRELOAD];
  if (!outputs.every((file) => existsSync(file))) return 0;
  return Math.min(...outputs.map((file) => statSync(file).mtimeMs));
}

function ensureBuild(): void {
  if (builtAt() >= newestSource()) {
    console.log('Reading the build in out/ (newer than the sources).\n');
    return;
  }
  console.log('Building (electron-vite build): out/ is missing or older than the sources...');
  const bin = path.join(
    ROOT,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  );
  const result = spawnSync(bin, ['build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error('The build failed (run `npx electron-vite build` to see why).');
  console.log('');
}

const gzipBytes = (file: string): number => gzipSync(readFileSync(file)).length;
const bytes = (n: number): string => `${n.toLocaleString('en-US')} B`;
const verdict = (value: number, target: number): string => (value <= target ? 'met' : 'MISSED');

/** The JS files index.html itself loads: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
function initialScripts(html: string): string[] {
  const found = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g),
  ].map((match) => path.join(RENDERER, match[1] ?? ''));
  return [...new Set(found)];
}

/** A chunk's own static imports of other chunks (`from"./x.js"`, `import"./x.js"`), as file paths. */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)].map((match) =>
    path.join(path.dirname(file), match[1] ?? ''),
  );
}

ensureBuild();

const preloadBytes = statSync(PRELOAD).size;
const initial = initialScripts(readFileSync(path.join(RENDERER, 'index.html'), 'utf8'));
if (initial.length === 0) throw new Error('out/renderer/index.html loads no script: is the build complete?');
const initialGzip = initial.reduce((sum, file) => sum + gzipBytes(file), 0);
const assets = path.join(RENDERER, 'assets');
const lazy = readdirSync(assets)
  .filter((name) => name.endsWith('.js'))
  .map((name) => path.join(assets, name))
  .filter((file) => !initial.includes(file));
const checks = new Set(lazy.filter((file) => CHECKS_CHUNK.test(path.basename(file))));
for (const file of [...checks]) for (const dep of staticImports(file)) if (!initial.includes(dep)) checks.add(dep);

console.log(`Bundle sizes — ${new Date(builtAt()).toISOString()} build\n`);
console.log('| figure | measured | target | |');
console.log('| --- | ---: | ---: | --- |');
console.log(
  `| preload, out/preload/index.cjs | ${bytes(preloadBytes)} | ≤ ${bytes(PRELOAD_TARGET)} | ` +
    `${verdict(preloadBytes, PRELOAD_TARGET)} |`,
);
console.log(
  `| renderer initial JS, gzip (${initial.map((file) => path.basename(file)).join(' + ')}) | ` +
    `${bytes(initialGzip)} | ≤ ${bytes(INITIAL_GZIP_TARGET)} | ${verdict(initialGzip, INITIAL_GZIP_TARGET)} |`,
);
console.log('\nLazy chunks (gzip), not in the initial figure:');
for (const file of lazy.sort((a, b) => gzipBytes(b) - gzipBytes(a))) {
  const when = checks.has(file) ? 'fetched right after start: the answer checks' : 'on first use';
  console.log(`- ${path.basename(file)}: ${bytes(gzipBytes(file))} (${when})`);
}
