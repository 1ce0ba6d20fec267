/**
 * OPSCOM's documented error codes, what each means for the kiosk, and the words an attendant sees.
 * Classification goes by ErrorCode first, whatever HTTP status carried it (the docs do not say which).
 */
export type ErrorKind = 'rejected' | 'unauthorised' | 'not-found' | 'duplicate';

interface ErrorCodeInfo {
  kind: ErrorKind;
  field?: string;
  plain: string;
}

export const OPSCOM_ERROR_CODES: Readonly<Record<number, ErrorCodeInfo>> = {
  9000: {
    kind: 'unauthorised',
    plain: 'OPSCOM says the client code is missing. Ask a supervisor to check the kiosk settings.',
  },
  9001: { kind: 'unauthorised', plain: 'OPSCOM says the API token is missing. Ask a supervisor to set it.' },
  9002: { kind: 'unauthorised', plain: 'OPSCOM refused this kiosk’s API token. Ask a supervisor to check it.' },
  9003: { kind: 'rejected', plain: 'OPSCOM could not read the request.' },
  9004: { kind: 'rejected', field: 'endTime', plain: 'OPSCOM needs an end time.' },
  9005: { kind: 'rejected', field: 'endTime', plain: 'OPSCOM did not accept the end time.' },
  9006: { kind: 'rejected', field: 'plate', plain: 'OPSCOM needs a licence plate.' },
  9007: { kind: 'rejected', field: 'startTime', plain: 'OPSCOM did not accept the start time.' },
  9008: { kind: 'rejected', field: 'referenceId', plain: 'OPSCOM needs the permit’s reference id.' },
  9009: { kind: 'not-found', field: 'referenceId', plain: 'OPSCOM has no record of this permit.' },
  9021: { kind: 'rejected', field: 'plate', plain: 'OPSCOM says the licence plate is too long.' },
  9022: { kind: 'duplicate', plain: 'OPSCOM already has a permit with these details.' },
  9030: { kind: 'rejected', plain: 'OPSCOM says a field is too long.' },
  9031: { kind: 'rejected', plain: 'OPSCOM says a required field is missing.' },
  9032: { kind: 'rejected', plain: 'OPSCOM says a field is too short.' },
  9033: { kind: 'rejected', plain: 'OPSCOM says a field has a value it does not accept.' },
};

/** A documented code, or undefined: an undocumented one does not say whether OPSCOM acted on the request. */
export function describeErrorCode(code: number): ErrorCodeInfo | undefined {
  return Object.hasOwn(OPSCOM_ERROR_CODES, code) ? OPSCOM_ERROR_CODES[code] : undefined;
}
