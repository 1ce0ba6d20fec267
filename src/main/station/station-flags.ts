import {
  LAUNCH_FLAGS,
  launchFlagsFrom,
  readFlags,
  usageLine,
  type FlagTable,
  type LaunchFlags,
} from '../core/host/launch-flags';

/** The station's own flags, besides the ones it shares with the Electron app (core/host/launch-flags.ts). */
const STATION_FLAGS = {
  port: {
    kind: 'value',
    usage: '--port 18090',
    missing: '--port needs a port number (0: any free port).',
    check: (value) => {
      const port = Number(value);
      return Number.isInteger(port) && port >= 0 && port <= 65535 ? undefined : `"${value}" is not a port number.`;
    },
  },
  'no-open': { kind: 'switch', usage: '--no-open' },
  help: { kind: 'switch' },
} as const satisfies FlagTable;

const ALL_FLAGS = { ...STATION_FLAGS, ...LAUNCH_FLAGS } as const satisfies FlagTable;

export const DEFAULT_STATION_PORT = 18090;

/** `npm run station -- --port P [--no-open] [--kiosk] [--url U --token-file F] [--data-dir D] …`. */
export const STATION_USAGE = usageLine('npm run station --', ALL_FLAGS);

export interface StationFlags extends LaunchFlags {
  port: number;
  /** Open the page in Chromium on this machine (unless `--no-open`). */
  open: boolean;
  help: boolean;
}

/** The station's command line; anything it does not know is refused with LaunchFlagError. */
export function parseStationFlags(args: readonly string[]): StationFlags {
  const values = readFlags(args, ALL_FLAGS, 'refuse');
  return {
    ...launchFlagsFrom(values),
    port: values.port === undefined ? DEFAULT_STATION_PORT : Number(values.port),
    open: values['no-open'] !== true,
    help: values.help === true,
  };
}
