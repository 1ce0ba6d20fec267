import type { OutboxStatus } from '../../../shared/outbox/outbox-view';
import type { ConnectionMonitor } from '../opscom/connection-monitor';
import type { ControllerLink } from '../opscom/controller-link';
import type { EventHub } from '../channels/event-hub';
import type { Courier } from '../outbox/courier';
import type { Outbox } from '../outbox/outbox';

/**
 * Keeps the page and the outbox current: every change to a permit or to the connection reaches the page, and a
 * stats call now and then says whether OPSCOM is there, sending what waits once it is. Returns a stop function.
 */
export function startLiveUpdates(parts: {
  outbox: Outbox;
  courier: Courier;
  events: EventHub;
  connection: ConnectionMonitor;
  controller: ControllerLink;
  outboxStatus: () => OutboxStatus;
  /** 0 turns the probe off. */
  probeEveryMs: number;
}): () => void {
  const { outbox, courier, events, connection, controller, outboxStatus } = parts;
  const stopForwarding = outbox.subscribe(({ tickets }) => {
    for (const ticket of tickets) {
      const permit = outbox.permit(ticket);
      if (permit) events.emit('permit:changed', permit);
    }
    events.emit('outbox:changed', outboxStatus());
  });
  const stopStatusOnConnection = events.subscribe((event) => {
    if (event === 'connection:changed') events.emit('outbox:changed', outboxStatus());
  });

  const probe = async (): Promise<void> => {
    const outcome = await controller.client.stats();
    connection.observe(outcome);
    if (outcome.kind !== 'transient') courier.flushNow();
  };
  void probe();
  courier.flushNow();
  const timer = parts.probeEveryMs > 0 ? setInterval(() => void probe(), parts.probeEveryMs) : undefined;
  timer?.unref();

  return () => {
    if (timer) clearInterval(timer);
    stopForwarding();
    stopStatusOnConnection();
  };
}
