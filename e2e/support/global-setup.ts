import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';
import { buildOrExit, isStale, ROOT } from '../../scripts/proc.mjs';
import { BUILT } from './processes';

/**
 * Once per e2e run, before any worker starts: the renderer built if its sources changed (as `npm run station`
 * does), and the station's CLI built into one ES module under out/e2e, so every test starts its station with plain
 * `node` (a fraction of the time `npm run` and tsx take per start). Packages stay imports from node_modules; only
 * the project's own code is bundled.
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
        input: { station: 'src/main/station/cli.ts' },
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
}

/**
 * `import.meta.url`, `.dirname` and `.filename` keep meaning the source file they are written in (the station finds
 * out/renderer from its own place), wherever the bundle lands.
 */
function sourceImportMetaUrl(): Plugin {
  const slashes = (file: string) => file.split(path.sep).join('/');
  const src = `${slashes(path.join(ROOT, 'src'))}/`;
  return {
    name: 'source-import-meta-url',
    enforce: 'pre',
    transform(code, id) {
      if (!slashes(id).startsWith(src) || !code.includes('import.meta.')) return null;
      const file = path.resolve(id);
      const meta = { url: pathToFileURL(file).href, dirname: path.dirname(file), filename: file };
      const rewritten = code.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key: keyof typeof meta) =>
        JSON.stringify(meta[key]),
      );
      return { code: rewritten, map: null };
    },
  };
}
