import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';
import { buildOrExit, isStale, ROOT } from '../../scripts/proc.mjs';
import { BUILT } from './processes';

/**
 * Once per e2e run, before any worker starts: the renderer built if its sources changed (as `npm run station`
 * does), and the two CLIs the specs start — the sandbox and the station — built into one ES module each under
 * out/e2e, so every test starts them with plain `node` (a fraction of the time `npm run` and tsx take per start).
 * Packages stay imports from node_modules; only the project's own code is bundled.
 */
export default async function globalSetup(): Promise<void> {
  if (isStale('out/renderer/index.html', ['src/renderer', 'src/shared', 'src/preload', 'electron.vite.config.ts']))
    buildOrExit();
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [sourceImportMetaUrl()],
    build: {
      ssr: true,
      outDir: path.dirname(path.join(ROOT, BUILT.station)),
      emptyOutDir: true,
      minify: false,
      target: 'node22',
      reportCompressedSize: false,
      rollupOptions: {
        input: { station: 'src/main/station/cli.ts', sandbox: 'src/sandbox/cli.ts' },
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
}

/**
 * `import.meta.url` keeps meaning the source file it is written in (the station finds out/renderer from its own
 * place), wherever the bundle lands.
 */
function sourceImportMetaUrl(): Plugin {
  const src = `${path.join(ROOT, 'src')}${path.sep}`;
  return {
    name: 'source-import-meta-url',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(src) || !code.includes('import.meta.url')) return null;
      return { code: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href)), map: null };
    },
  };
}
