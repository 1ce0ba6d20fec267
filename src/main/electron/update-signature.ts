/**
 * Whether the updates this packaged app would install are checked for their publisher, decided before electron-updater
 * is started (index.ts). On Windows electron-updater checks a downloaded installer's Authenticode signature against
 * `publisherName` from the app's `resources/app-update.yml`, and when that file names no publisher it checks
 * nothing at all and installs whatever the feed serves. So on Windows a missing publisher turns updates off, with the
 * reason in the log. electron-builder.yml sets `win.signtoolOptions.publisherName` (docs/updates.md, "Code signing").
 */

export type UpdateVerification = { verified: true; how: string } | { verified: false; why: string };

/**
 * The `publisherName` values of an app-update.yml, as electron-builder writes it (js-yaml: `publisherName:` then
 * `  - name` lines, or one value on the line). An empty list when the key is missing, null or empty.
 */
export function publisherNames(appUpdateYml: string): string[] {
  const lines = appUpdateYml.split(/\r?\n/);
  const at = lines.findIndex((line) => /^publisherName\s*:/.test(line));
  if (at < 0) return [];
  const unquote = (value: string) =>
    value
      .trim()
      .replace(/^(['"])(.*)\1$/, '$2')
      .trim();
  const inline = lines[at]!.replace(/^publisherName\s*:/, '').trim();
  if (inline !== '') {
    const flow = /^\[(.*)\]$/.exec(inline);
    const values = flow ? (flow[1] ?? '').split(',') : [inline];
    return values.map(unquote).filter((value) => value !== '' && value !== 'null' && value !== '~');
  }
  const names: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (!item) break;
    names.push(unquote(item[1] ?? ''));
  }
  return names.filter((name) => name !== '' && name !== 'null' && name !== '~');
}

export function updateVerification(platform: NodeJS.Platform, appUpdateYml: string | undefined): UpdateVerification {
  if (platform === 'win32') {
    if (appUpdateYml === undefined)
      return { verified: false, why: 'resources/app-update.yml is missing, so no update could be checked' };
    const names = publisherNames(appUpdateYml);
    if (names.length === 0)
      return {
        verified: false,
        why: 'resources/app-update.yml names no publisherName, so electron-updater would install an unsigned update',
      };
    return { verified: true, how: `Authenticode signature by ${names.join(' or ')}` };
  }
  if (platform === 'darwin')
    return { verified: true, how: "Squirrel.Mac: signed by the running app's Developer ID (designated requirement)" };
  return { verified: true, how: "sha512 from the https feed's latest-linux.yml only: no signature is checked here" };
}
