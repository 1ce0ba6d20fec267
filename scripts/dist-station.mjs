// `npm run dist:station`: the browser station as one self-contained Debian package, for kiosk PCs on Debian 12
// (docs/operator/install-station.md). Needs dpkg-deb (Debian/Ubuntu). Writes dist/opscom-kiosk-station_<version>_<arch>.deb.
//
// /opt/opscom-kiosk/node                          the project's pinned Node 24 (node_modules/node), see nodeToCarry()
// /opt/opscom-kiosk/app/src/main/station/cli.mjs  the station and all its dependencies, one esbuild bundle
// /opt/opscom-kiosk/app/out/renderer/             the built page (cli.mjs finds it at ../../../out/renderer)
// /opt/opscom-kiosk/bin/opscom-kiosk-screen       the screen session: cage + Chromium full screen
// /lib/systemd/system/opscom-kiosk-{station,screen}.service, /etc/pam.d/opscom-kiosk-screen
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildOrExit, isMain, isStale, ROOT } from './proc.mjs';
import { PROJECT_NODE_MAJOR } from './setup.mjs';

const ARCH = { x64: 'amd64', arm64: 'arm64' };

export async function distStation() {
  const started = Date.now();
  const arch = ARCH[process.arch];
  if (!arch) throw new Error(`No Debian architecture for ${process.arch}.`);
  const node = nodeToCarry();
  const major = Number(node.version.slice(1).split('.')[0]);
  if (isStale('out/renderer/index.html', ['src/renderer', 'src/shared', 'src/preload'])) buildOrExit();

  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const stage = join(ROOT, 'dist', 'station-deb');
  rmSync(stage, { recursive: true, force: true });
  const opt = join(stage, 'opt', 'opscom-kiosk');
  const app = join(opt, 'app');
  const deploy = join(ROOT, 'deploy', 'debian');

  await build({
    entryPoints: [join(ROOT, 'src/main/station/cli.ts')],
    outfile: join(app, 'src/main/station/cli.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${major}`,
    minify: false,
    sourcemap: false,
    legalComments: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS packages still call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __kioskRequire } from 'node:module'; const require = __kioskRequire(import.meta.url);",
    },
  });
  cpSync(join(ROOT, 'out', 'renderer'), join(app, 'out', 'renderer'), { recursive: true });
  copyFileSync(node.path, join(opt, 'node'));
  chmodSync(join(opt, 'node'), 0o755);
  mkdirSync(join(opt, 'bin'), { recursive: true });
  copyFileSync(join(deploy, 'opscom-kiosk-screen'), join(opt, 'bin', 'opscom-kiosk-screen'));
  chmodSync(join(opt, 'bin', 'opscom-kiosk-screen'), 0o755);
  writeFileSync(join(opt, 'NODE_VERSION'), `${node.version}\n`);

  const units = join(stage, 'lib', 'systemd', 'system');
  mkdirSync(units, { recursive: true });
  for (const unit of ['opscom-kiosk-station.service', 'opscom-kiosk-screen.service'])
    copyFileSync(join(deploy, unit), join(units, unit));
  mkdirSync(join(stage, 'etc', 'pam.d'), { recursive: true });
  copyFileSync(join(deploy, 'pam-opscom-kiosk-screen'), join(stage, 'etc', 'pam.d', 'opscom-kiosk-screen'));
  const doc = join(stage, 'usr', 'share', 'doc', 'opscom-kiosk-station');
  mkdirSync(doc, { recursive: true });
  copyFileSync(join(deploy, 'station.env.example'), join(doc, 'station.env.example'));

  const control = join(stage, 'DEBIAN');
  mkdirSync(control, { recursive: true });
  for (const script of ['postinst', 'prerm', 'postrm']) {
    copyFileSync(join(deploy, script), join(control, script));
    chmodSync(join(control, script), 0o755);
  }
  writeFileSync(join(control, 'conffiles'), '/etc/pam.d/opscom-kiosk-screen\n');
  writeFileSync(
    join(control, 'control'),
    [
      'Package: opscom-kiosk-station',
      `Version: ${version}`,
      `Architecture: ${arch}`,
      'Maintainer: OPSCOM kiosk team <kiosk@example.org>',
      `Installed-Size: ${Math.ceil(sizeOf(join(stage, 'opt')) / 1024)}`,
      // What the carried Node binary links to (ldd), and useradd for postinst.
      'Depends: libc6 (>= 2.28), libstdc++6, libgcc-s1, passwd',
      'Recommends: cage, chromium, cups',
      'Section: misc',
      'Priority: optional',
      `Description: OPSCOM parking-permit kiosk (browser station, Node ${node.version} included)`,
      ' The kiosk core as a systemd service serving its page on 127.0.0.1, and a cage + Chromium',
      ' full-screen session for an auto-login user. See /usr/share/doc/opscom-kiosk-station.',
      '',
    ].join('\n'),
  );

  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deb = join(ROOT, 'dist', `opscom-kiosk-station_${version}_${arch}.deb`);
  const result = spawnSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', stage, deb], { stdio: 'inherit' });
  if (result.error) throw new Error(`dpkg-deb could not run (${result.error.message}): build on Debian or Ubuntu.`);
  if (result.status !== 0) throw new Error('dpkg-deb failed (see above).');
  const bundle = statSync(join(app, 'src/main/station/cli.mjs')).size;
  console.log(
    `${deb}: ${(statSync(deb).size / 1e6).toFixed(1)} MB (Node ${node.version} ${(statSync(node.path).size / 1e6).toFixed(1)} MB, station bundle ${(bundle / 1e6).toFixed(2)} MB), built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return deb;
}

/**
 * The Node the package carries: the project's pinned one (the `node` dev dependency, node_modules/node/bin/node,
 * Node 24 LTS), whichever Node runs this script; `process.execPath` only when that package is missing (a machine
 * that installed without it) and this Node is new enough. Its version is asked of the binary itself, so the
 * package says what it really carries. Anything older than the project's Node is refused: Node 20 is end of life.
 */
export function nodeToCarry() {
  const pinned = join(ROOT, 'node_modules', 'node', 'bin', 'node');
  const path = existsSync(pinned) ? pinned : process.execPath;
  const asked = spawnSync(path, ['--version'], { encoding: 'utf8' });
  const version = asked.status === 0 ? asked.stdout.trim() : '';
  const major = Number(/^v(\d+)\./.exec(version)?.[1] ?? 0);
  if (major < PROJECT_NODE_MAJOR)
    throw new Error(
      `The package would carry ${path} (${version || 'it does not run'}), but it must be Node ${PROJECT_NODE_MAJOR} ` +
        'or later: run "npm ci" so node_modules/node is there, then "npm run dist:station".',
    );
  return { path, version };
}

function sizeOf(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

if (isMain(import.meta.url)) {
  distStation().catch((error) => {
    console.error(`Cannot build the station package: ${error.message}`);
    process.exit(1);
  });
}
