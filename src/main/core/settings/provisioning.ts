import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkProvisionText, PROVISION_FILE_NAME, type Provision } from '../../../shared/settings/provisioning-file';
import { SettingsRepository, type Settings, type SettingsBacking } from './stored-settings';

/**
 * Applying kiosk-provision.json at start. The rule, so a supervisor's later edit is not undone at every restart:
 *
 * - a file whose SHA-256 differs from the one last applied (or a first file) writes all its values into the
 *   settings, and records their keys (`provisioned`) and the file's hash (`provisionHash`);
 * - the same file again changes nothing, so what a supervisor changed on the Settings screen stays;
 * - a supervisor's change to a provisioned value takes that key off `provisioned` (the screen stops saying
 *   "Set by provisioning" there);
 * - a key dropped from a new file keeps its value, no longer marked provisioned.
 */
export class ProvisionError extends Error {
  override name = 'ProvisionError';
  constructor(
    readonly file: string,
    readonly errors: string[],
  ) {
    super(`${file} is not a valid provisioning file:\n${errors.map((error) => `  ${error}`).join('\n')}`);
  }
}

export interface ProvisionFile {
  file: string;
  provision: Provision;
  hash: string;
}

/** Reads and checks the file; a missing file is an error only when it was named (`required`). */
export async function readProvisionFile(file: string, required: boolean): Promise<ProvisionFile | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ProvisionError(file, [`cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  const checked = checkProvisionText(bytes.toString('utf8'));
  if (!checked.ok) throw new ProvisionError(file, checked.errors);
  return { file, provision: checked.provision, hash: createHash('sha256').update(bytes).digest('hex') };
}

/** `--provision <file>` when given, else `<data dir>/kiosk-provision.json` if there is one. */
export function provisionFileFor(flag: string | undefined, dataDir: string): { file: string; required: boolean } {
  return flag !== undefined
    ? { file: path.resolve(flag), required: true }
    : { file: path.join(dataDir, PROVISION_FILE_NAME), required: false };
}

export type ProvisionOutcome = { applied: true; keys: string[] } | { applied: false; keys: string[] };

export function applyProvision(backing: SettingsBacking, { provision, hash }: ProvisionFile): ProvisionOutcome {
  const repo = new SettingsRepository(backing);
  const current = repo.read();
  if (current.provisionHash === hash) return { applied: false, keys: current.provisioned ?? [] };
  const keys = Object.keys(provision).sort();
  repo.update({ ...(provision as Partial<Settings>), provisioned: keys, provisionHash: hash });
  return { applied: true, keys };
}

/** The provisioned keys left once a supervisor's save changed some of their values. */
export function provisionedAfterEdit(before: Settings, after: Settings): string[] | undefined {
  const provisioned = before.provisioned ?? [];
  const kept = provisioned.filter(
    (key) => JSON.stringify(before[key as keyof Settings]) === JSON.stringify(after[key as keyof Settings]),
  );
  return kept.length === provisioned.length ? undefined : kept;
}
