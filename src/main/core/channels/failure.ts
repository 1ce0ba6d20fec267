import type { KioskError } from '../../../shared/errors/kiosk-error';
import { problemMessage, type Problem, type ProblemCode, type ProblemParams } from '../../../shared/errors/problems';

/** Thrown inside the core to end a request with a typed failure; the dispatcher unwraps it. */
export class KioskFailure extends Error {
  constructor(readonly error: KioskError) {
    super(error.message);
    this.name = 'KioskFailure';
  }
}

/** A failure of this kind, saying exactly what as a problem code with parameters (worded by the page). */
export function fail(
  code: KioskError['code'],
  problem: ProblemCode | Problem,
  options: { params?: ProblemParams; field?: string } = {},
): never {
  const full: Problem =
    typeof problem === 'string' ? { code: problem, ...(options.params ? { params: options.params } : {}) } : problem;
  const error: KioskError = { code, problem: full, message: problemMessage(full) };
  if (options.field !== undefined) error.field = options.field;
  throw new KioskFailure(error);
}
