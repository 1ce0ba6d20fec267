/**
 * OPSCOM's public "API Error Codes" table. Messages are copied word for word so a client under test sees
 * exactly what production sends; 9030–9033 are only described in the docs ("field too long / field
 * required / field too short / field value invalid"), so their wording here is that description.
 */
export const ERROR_MESSAGES = {
  9000: 'Client Code is missing from the request.',
  9001: 'API Token is missing from the request.',
  9002: 'The supplied API token does not have permission to perform that request.',
  9003: 'Could not parse the request.',
  9004: 'End Time is a required field.',
  9005: 'The end time value is invalid.',
  9006: 'Plate is a required field.',
  9007: 'The start time value is invalid.',
  9008: 'Reference ID is required.',
  9009: 'Record not found.',
  // The message says 50, the field table says 25; the sandbox enforces 25 but keeps the documented words.
  9021: "The vehicle's plate length exceeds 50 characters.",
  9022: 'A record already exists with the supplied details.',
  9030: 'Field too long.',
  9031: 'Field required.',
  9032: 'Field too short.',
  9033: 'Field value invalid.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** PascalCase keys, unlike the snake_case success body — that is how OPSCOM sends them. */
export interface OpscomErrorBody {
  ErrorCode: ErrorCode;
  ErrorMessage: string;
}

export function errorBody(code: ErrorCode): OpscomErrorBody {
  return { ErrorCode: code, ErrorMessage: ERROR_MESSAGES[code] };
}

/**
 * The HTTP status for an error in 'http' mode. OPSCOM does not document its statuses, so this is one
 * plausible mapping; the other mode (always 200) checks that a client classifies by ErrorCode first.
 */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 9000:
    case 9001:
      return 401;
    case 9002:
      return 403;
    case 9009:
      return 404;
    case 9022:
      return 409;
    default:
      return 400;
  }
}
