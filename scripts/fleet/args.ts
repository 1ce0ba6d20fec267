/** The fleet rehearsal's command line. */
import { parseArgs } from 'node:util';

export const USAGE =
  'Usage: npm run fleet-demo -- [--kiosks 20] [--unreachable K] [--threshold 20] [--push-interval 5] [--json <file>]';

export interface FleetArgs {
  kiosks: number;
  unreachable: number;
  threshold: number;
  pushInterval: number;
  json: string | undefined;
}

/** The arguments, or USAGE for --help; throws in plain words on a bad value. */
export function parseFleetArgs(argv: string[]): FleetArgs | string {
  const { values } = parseArgs({
    args: argv,
    options: {
      kiosks: { type: 'string', default: '20' },
      unreachable: { type: 'string' },
      threshold: { type: 'string', default: '20' },
      'push-interval': { type: 'string', default: '5' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return USAGE;
  const int = (text: string, name: string, min: number, max: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} is a whole number from ${min} to ${max}.`);
    return n;
  };
  const kiosks = int(values.kiosks, 'kiosks', 2, 60);
  return {
    kiosks,
    unreachable: int(values.unreachable ?? String(Math.max(1, Math.round(kiosks / 4))), 'unreachable', 1, kiosks - 1),
    threshold: int(values.threshold, 'threshold', 5, 600),
    pushInterval: int(values['push-interval'], 'push-interval', 5, 60),
    json: values.json,
  };
}
