/** The sandbox's settings: those given at start, checked up front in plain words, and those that change as it runs. */
import { isLoopbackBindHost } from '../shared/loopback';
import type { FaultInput } from './faults';
import type { StatsCounts } from './store';
import { TOKEN_PATTERN } from './validation';

export interface SandboxOptions {
  /** 0 / undefined = a free port. */
  port?: number;
  /** Default '127.0.0.1'; must be a loopback literal (127.x.x.x or ::1). */
  host?: string;
  /** Accepted API tokens; each must satisfy the token rule (1–50 letters, digits, dashes). */
  tokens: string[];
  /** Zones OPSCOM "knows"; a permit in another zone is stored as disconnected. */
  zones?: string[];
  /** 'http' (default): errors carry 4xx statuses. 200: errors come with HTTP 200, as some APIs do. */
  errorStatus?: 'http' | 200;
  /** 'all' (default): stats count every non-deleted permit. 'active': only those whose window contains now. */
  statsCounts?: 'all' | 'active';
  /** When true, a push whose permitNo is already on a non-deleted permit fails with 9022. Default false. */
  rejectDuplicatePermitNo?: boolean;
  now?: () => Date;
  /** Faults active from the start (the CLI's --fault flags); see faults.ts. */
  faults?: FaultInput[];
  /** Random source in [0, 1) for `probability` faults and latency jitter; default Math.random. */
  random?: () => number;
}

/** The settings that can change while the sandbox runs (`setOptions`, `POST /__sandbox/settings`). */
export interface SandboxRuntimeOptions {
  rejectDuplicatePermitNo?: boolean;
  errorStatus?: 'http' | 200;
}

export const DEFAULT_ZONES: readonly string[] = ['Lot 1', 'Lot 2', 'Lot 4', 'Street'];

export interface Settings {
  port: number;
  host: string;
  tokens: string[];
  zones: string[];
  errorStatus: 'http' | 200;
  statsCounts: StatsCounts;
  rejectDuplicatePermitNo: boolean;
}

/** Refuses a bad setup up front, in plain words, rather than serving something that can never answer right. */
export function checkOptions(options: SandboxOptions): Settings {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackBindHost(host))
    throw new Error(`The sandbox only listens on a loopback address (127.x.x.x or ::1), not "${host}"; use 127.0.0.1.`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`The sandbox port must be a whole number from 0 to 65535 (0 picks a free port), not ${port}.`);
  if (!Array.isArray(options.tokens) || options.tokens.length === 0)
    throw new Error('The sandbox needs at least one accepted API token.');
  options.tokens.forEach((token, index) => {
    // The value is not echoed: tokens are secrets and error messages end up in logs.
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token))
      throw new Error(
        `Accepted token #${index + 1} is not a valid API token: a token is 1 to 50 letters, digits or dashes.`,
      );
  });
  const zones = options.zones ?? [...DEFAULT_ZONES];
  if (!Array.isArray(zones) || zones.some((zone) => typeof zone !== 'string'))
    throw new Error('The sandbox zones must be a list of zone names.');
  const errorStatus = options.errorStatus ?? 'http';
  if (errorStatus !== 'http' && errorStatus !== 200)
    throw new Error(`errorStatus must be 'http' or 200, not ${String(errorStatus)}.`);
  const statsCounts = options.statsCounts ?? 'all';
  if (statsCounts !== 'all' && statsCounts !== 'active')
    throw new Error(`statsCounts must be 'all' or 'active', not ${String(statsCounts)}.`);
  return {
    port,
    host,
    tokens: [...options.tokens],
    zones: [...zones],
    errorStatus,
    statsCounts,
    rejectDuplicatePermitNo: options.rejectDuplicatePermitNo ?? false,
  };
}
