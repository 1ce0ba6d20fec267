import { describe, expect, it } from 'vitest';
import { parseLaunchFlags } from '../main/core/host/launch-flags';
import { readRepoFile, readYaml } from './config-files';

const script = readRepoFile('deploy/windows/shell-launcher.ps1');
const { productName } = readYaml('electron-builder.yml') as { productName: string };

/** The value of `$Name = <literal>` or a param default `[string]$Name = (<expr>)`. */
const assigned = (name: string): string => {
  const match = script.match(new RegExp(`\\$${name}\\s*=\\s*(.+?),?\\s*$`, 'm'));
  if (!match) throw new Error(`$${name} is not set in the script`);
  return match[1]!.trim();
};

describe('deploy/windows/shell-launcher.ps1', () => {
  it('starts the app the NSIS installer puts in Program Files, named as electron-builder.yml names it', () => {
    expect(assigned('AppPath')).toBe(`(Join-Path $env:ProgramFiles '${productName}\\${productName}.exe')`);
  });

  it('keeps the data in C:\\ProgramData\\OpscomKiosk, given to the app with --data-dir, in kiosk mode', () => {
    expect(assigned('DataDir')).toBe(`(Join-Path $env:ProgramData 'OpscomKiosk')`);
    const shell = assigned('shell');
    expect(shell).toBe('"`"$AppPath`" --kiosk --data-dir `"$DataDir`""');
    // What the app then sees on its command line (PowerShell's `" is a quote inside the string):
    const argv = ['--kiosk', '--data-dir', 'C:\\ProgramData\\OpscomKiosk'];
    expect(parseLaunchFlags(argv)).toMatchObject({ kiosk: true, dataDir: 'C:\\ProgramData\\OpscomKiosk' });
  });

  it('sets the kiosk user’s shell through WESL_UserSetting, restarting it whenever it exits', () => {
    expect(script).toContain(`[wmiclass]'\\\\.\\root\\standardcimv2\\embedded:WESL_UserSetting'`);
    expect(assigned('RestartShell')).toBe('0'); // WESL_UserSetting's "restart the shell" action
    expect(script).toMatch(/\$wesl\.SetCustomShell\(\$sid, \$shell, \$null, \$null, \$RestartShell\)/);
    expect(script).toMatch(/\$wesl\.SetDefaultShell\('explorer\.exe', \$DoNothing\)/);
    expect(script).toMatch(/\$wesl\.SetEnabled\(\$true\)/);
  });

  it('gives the data folder to the kiosk user, SYSTEM and Administrators only', () => {
    expect(script).toMatch(/icacls\.exe \$DataDir \/inheritance:r \/grant:r .*"\$\{KioskUser\}:\(OI\)\(CI\)M"/);
  });
});
