/**
 * OPSCOM's documented error codes, what each means for the kiosk, and the words an attendant sees.
 * Classification goes by ErrorCode first, whatever HTTP status carried it (the docs do not say which).
 */
export type ErrorKind = 'rejected' | 'unauthorised' | 'not-found' | 'duplicate';

/** The words for each code are in src/shared/errors/problems.ts ('opscom-error'), in both languages. */
interface ErrorCodeInfo {
  kind: ErrorKind;
  field?: string;
}

export const OPSCOM_ERROR_CODES: Readonly<Record<number, ErrorCodeInfo>> = {
  9000: {
    kind: 'unauthorised',
  },
  9001: { kind: 'unauthorised' },
  9002: { kind: 'unauthorised' },
  9003: { kind: 'rejected' },
  9004: { kind: 'rejected', field: 'endTime' },
  9005: { kind: 'rejected', field: 'endTime' },
  9006: { kind: 'rejected', field: 'plate' },
  9007: { kind: 'rejected', field: 'startTime' },
  9008: { kind: 'rejected', field: 'referenceId' },
  9009: { kind: 'not-found', field: 'referenceId' },
  9021: { kind: 'rejected', field: 'plate' },
  9022: { kind: 'duplicate' },
  9030: { kind: 'rejected' },
  9031: { kind: 'rejected' },
  9032: { kind: 'rejected' },
  9033: { kind: 'rejected' },
};

/** A documented code, or undefined: an undocumented one does not say whether OPSCOM acted on the request. */
export function describeErrorCode(code: number): ErrorCodeInfo | undefined {
  return Object.hasOwn(OPSCOM_ERROR_CODES, code) ? OPSCOM_ERROR_CODES[code] : undefined;
}
