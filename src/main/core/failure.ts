import type { KioskError } from '../../shared/domain';

/** Thrown inside the core to end a request with an error the attendant can read; the dispatcher unwraps it. */
export class KioskFailure extends Error {
  constructor(readonly error: KioskError) {
    super(error.message);
    this.name = 'KioskFailure';
  }
}

export function fail(code: KioskError['code'], message: string, field?: string): never {
  throw new KioskFailure(field === undefined ? { code, message } : { code, message, field });
}
