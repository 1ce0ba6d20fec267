/** What the parts of one running sandbox share: its settings, its permits, its faults and its request log. */
import type { ControllerContext } from './controller';
import { check, SettingsBodySchema, type FaultRegistry } from './faults';
import type { SandboxRuntimeOptions, Settings } from './options';
import type { RequestLog } from './request-log';

export interface SandboxState {
  /** As checked at start; `errorStatus` changes at runtime. */
  readonly settings: Settings;
  /** The controller's view (store, tokens, stats rule); `rejectDuplicatePermitNo` changes at runtime. */
  readonly controller: ControllerContext;
  readonly faults: FaultRegistry;
  readonly log: RequestLog;
  readonly now: () => Date;
  /** Aborted by close(), so a request waiting out a latency fault stops waiting. */
  readonly closed: AbortSignal;
}

/** Applies a runtime change and returns the settings now; a bad value throws a plain-words Error, changing nothing. */
export function setRuntimeOptions(state: SandboxState, patch: SandboxRuntimeOptions): SandboxRuntimeOptions {
  const checked = check(SettingsBodySchema, patch);
  if (!checked.ok) throw new Error(checked.message);
  if (checked.value.errorStatus !== undefined) state.settings.errorStatus = checked.value.errorStatus;
  if (checked.value.rejectDuplicatePermitNo !== undefined)
    state.controller.rejectDuplicatePermitNo = checked.value.rejectDuplicatePermitNo;
  return { rejectDuplicatePermitNo: state.controller.rejectDuplicatePermitNo, errorStatus: state.settings.errorStatus };
}
