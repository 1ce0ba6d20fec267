import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readYaml, REPO_ROOT } from './config-files';

const require = createRequire(import.meta.url);
const schema = require(path.join(REPO_ROOT, 'node_modules/app-builder-lib/scheme.json')) as object;
// electron-builder's own schema, as strict about unknown keys as electron-builder is (additionalProperties: false).
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const config = readYaml('electron-builder.yml') as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s JSON schema', () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would fail the schema with a misspelt key or a wrong fuse value (so the check above can fail)', () => {
    expect(validate({ ...config, electronFuse: config.electronFuses })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...(config.electronFuses as object), runAsNode: 'no' } })).toBe(
      false,
    );
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
  });

  it('flips the fuses that keep a packaged kiosk from running as Node, loading code outside its asar or giving file:// pages extra privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('sets every fuse electron-builder knows of, so a new one is a decision rather than a default', () => {
    const definitions = (schema as { definitions: Record<string, { properties?: object }> }).definitions;
    const known = Object.keys(definitions.FuseOptionsV1?.properties ?? {}).sort();
    expect(known.length).toBeGreaterThan(0);
    // resetAdHocDarwinSignature is a build step for macOS on ARM, not a security fuse: left to electron-builder.
    expect(Object.keys(config.electronFuses as object).sort()).toEqual(
      known.filter((fuse) => fuse !== 'resetAdHocDarwinSignature'),
    );
  });

  it('has Windows updates check the installer’s publisher, and builds macOS with the hardened runtime', () => {
    const win = config.win as { signtoolOptions?: { publisherName?: unknown }; verifyUpdateCodeSignature?: unknown };
    expect(win.signtoolOptions?.publisherName).toEqual(['OPSCOM']);
    expect(win.verifyUpdateCodeSignature).toBe(true);
    // electron-builder 26 moved publisherName under signtoolOptions: the old place fails the schema.
    expect(validate({ ...config, win: { ...win, publisherName: 'OPSCOM' } })).toBe(false);
    expect((config.mac as { hardenedRuntime?: unknown }).hardenedRuntime).toBe(true);
    // No certificate or password in the file: they come from the CI's secrets.
    expect(JSON.stringify(config)).not.toMatch(/cscLink|cscKeyPassword|certificatePassword|certificateFile/i);
  });

  it('packs electron-vite’s out/ into an asar, and names the installers for each OS', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**/*');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('OPSCOM Gate Kiosk');
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
    // electron-updater's generic provider: the update files are written beside the installers.
    expect((config.publish as { provider: string }).provider).toBe('generic');
  });
});
