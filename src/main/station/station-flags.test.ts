import { describe, expect, it } from 'vitest';
import { LaunchFlagError } from '../core/host/launch-flags';
import { parseStationFlags, STATION_USAGE } from './station-flags';

describe('the station’s command line', () => {
  it('takes the shared flags and its own, with its defaults', () => {
    expect(parseStationFlags([])).toMatchObject({ port: 18090, open: true, help: false, kiosk: false });
    expect(
      parseStationFlags([
        '--port',
        '0',
        '--no-open',
        '--kiosk',
        '--url',
        'http://127.0.0.1:8080',
        '--token-file',
        '-',
        '--data-dir',
        '/tmp/k',
        '--provision',
        '/etc/p.json',
        '--metrics-listen',
        '127.0.0.1:0',
        '--pushgateway-url',
        'http://127.0.0.1:9091',
        '--push-interval',
        '15',
      ]),
    ).toStrictEqual({
      port: 0,
      open: false,
      help: false,
      kiosk: true,
      url: 'http://127.0.0.1:8080',
      token: undefined,
      tokenFile: '-',
      dataDir: '/tmp/k',
      provision: '/etc/p.json',
      metricsListen: '127.0.0.1:0',
      pushgatewayUrl: 'http://127.0.0.1:9091',
      pushInterval: '15',
    });
    expect(parseStationFlags(['--help']).help).toBe(true);
    expect(parseStationFlags(['--port=18091']).port).toBe(18091);
  });

  it('refuses a port that is not one, in plain words', () => {
    for (const bad of ['http', '-1', '65536', '80.5']) {
      expect(() => parseStationFlags([`--port=${bad}`]), bad).toThrow(
        new LaunchFlagError(`"${bad}" is not a port number.`),
      );
    }
    expect(() => parseStationFlags(['--port'])).toThrow('--port needs a port number (0: any free port).');
  });

  it('refuses a flag it does not know, and Electron’s own switches, which are not the station’s', () => {
    expect(() => parseStationFlags(['--prot', '80'])).toThrow(new LaunchFlagError('Unknown flag --prot.'));
    expect(() => parseStationFlags(['--no-sandbox'])).toThrow('Unknown flag --no-sandbox.');
    expect(() => parseStationFlags(['.'])).toThrow(/^Unexpected "\."/);
  });

  it('says its usage with every flag it advertises, the token only by file', () => {
    expect(STATION_USAGE).toBe(
      'Usage: npm run station -- [--port 18090] [--no-open] [--kiosk] [--url <controller>] [--token-file <file>|-]' +
        ' [--data-dir <dir>] [--provision <kiosk-provision.json>]' +
        ' [--metrics-listen <ip:port>] [--pushgateway-url <url>] [--push-interval <seconds>]',
    );
  });
});
