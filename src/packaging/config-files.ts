/**
 * Reads the repository's packaging and CI files for their tests: electron-builder.yml, the CI workflow and the
 * Windows lock-down script. js-yaml (a dev dependency, the version electron-builder also uses) has no types of its
 * own, so its one call is typed here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

export function readRepoFile(relative: string): string {
  return readFileSync(path.join(REPO_ROOT, relative), 'utf8');
}

export function readYaml(relative: string): unknown {
  return yaml.load(readRepoFile(relative));
}
