import type { ConnectionState } from '../../../shared/kiosk/kiosk-info-view';
import { toInstant, type Clock } from '../../../shared/time';
import type { EventHub } from '../channels/event-hub';
import type { OpscomOutcome } from './client';

/**
 * Whether OPSCOM answered lately. Any answer from the controller, even an error, proves it is reachable;
 * only a transient failure (no answer, timeout, 5xx) says offline.
 */
export class ConnectionMonitor {
  private state: ConnectionState = { state: 'unknown', problem: null, checkedAt: null };

  constructor(
    private readonly events: EventHub,
    private readonly clock: Clock,
  ) {}

  current(): ConnectionState {
    return this.state;
  }

  observe(outcome: OpscomOutcome<unknown>): void {
    const online = outcome.kind !== 'transient';
    const next: ConnectionState = {
      state: online ? 'online' : 'offline',
      problem: outcome.kind === 'transient' ? outcome.problem : null,
      checkedAt: toInstant(this.clock.now()),
    };
    const changed =
      next.state !== this.state.state || JSON.stringify(next.problem) !== JSON.stringify(this.state.problem);
    this.state = next;
    if (changed) this.events.emit('connection:changed', next);
  }
}
