import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../packaging/config-files';
import { publisherNames, updateVerification } from './update-signature';

const require = createRequire(import.meta.url);
/** electron-builder's own writer of app-update.yml (builder-util's serializeToYaml, js-yaml underneath). */
const { serializeToYaml } = require('builder-util') as { serializeToYaml(object: object): string };

/** The app-update.yml electron-builder writes for this project's Windows build, from electron-builder.yml. */
function appUpdateYmlFromConfig(): string {
  const config = readYaml('electron-builder.yml') as {
    publish: Record<string, unknown>;
    win: { signtoolOptions?: { publisherName?: string[] } };
  };
  return serializeToYaml({
    ...config.publish,
    publisherName: config.win.signtoolOptions?.publisherName,
    updaterCacheDirName: 'opscom-gate-kiosk-updater',
  });
}

describe('publisherNames', () => {
  it('reads the publisher electron-builder writes from this project’s configuration', () => {
    const yml = appUpdateYmlFromConfig();
    expect(yml).toMatch(/^publisherName:/m);
    expect(publisherNames(yml)).toEqual(['OPSCOM']);
  });

  it('reads a list, one value, a flow list and quotes; nothing when the key is missing, null or empty', () => {
    const yml = (publisher: unknown) =>
      serializeToYaml({ provider: 'generic', url: 'https://u/', publisherName: publisher });
    expect(publisherNames(yml(['OPSCOM Inc.', 'OPSCOM Ltd']))).toEqual(['OPSCOM Inc.', 'OPSCOM Ltd']);
    expect(publisherNames(yml('OPSCOM'))).toEqual(['OPSCOM']);
    expect(publisherNames('publisherName: [OPSCOM, "Other Inc"]\n')).toEqual(['OPSCOM', 'Other Inc']);
    expect(publisherNames("publisherName: 'OPSCOM'\nurl: x\n")).toEqual(['OPSCOM']);
    expect(publisherNames(serializeToYaml({ provider: 'generic', url: 'https://u/' }))).toEqual([]);
    expect(publisherNames('publisherName: null\n')).toEqual([]);
    expect(publisherNames('publisherName: []\n')).toEqual([]);
    expect(publisherNames('publisherName:\nurl: https://u/\n')).toEqual([]);
    // Another key that merely contains the word is not it.
    expect(publisherNames('oldPublisherName: OPSCOM\n')).toEqual([]);
  });
});

describe('updateVerification', () => {
  it('Windows: on only when app-update.yml names the publisher whose signature is checked', () => {
    expect(updateVerification('win32', appUpdateYmlFromConfig())).toEqual({
      verified: true,
      how: 'Authenticode signature by OPSCOM',
    });
    const unsigned = serializeToYaml({ provider: 'generic', url: 'https://u/', updaterCacheDirName: 'x' });
    expect(updateVerification('win32', unsigned)).toMatchObject({ verified: false, why: /names no publisherName/ });
    expect(updateVerification('win32', undefined)).toMatchObject({ verified: false, why: /missing/ });
  });

  it('macOS and Linux: say what checks the update, and stay on', () => {
    expect(updateVerification('darwin', undefined)).toMatchObject({ verified: true, how: /Squirrel\.Mac/ });
    expect(updateVerification('linux', undefined)).toMatchObject({ verified: true, how: /no signature/ });
  });
});
