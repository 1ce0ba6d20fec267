import type { ChannelName, EventName } from '../../../../shared/contract';
import { BRIDGE_SECRET_HEADER, BRIDGE_SECRET_META } from '../../../../shared/bridge';
import type { KioskTransport } from '../../../../shared/kiosk-api';
import { problemMessage } from '../../../../shared/errors/problems';

/**
 * The browser station's side of the bridge. The station injects a per-launch secret into the page it serves;
 * every call carries it, and the station answers 401 to anything without it.
 */

export function createStationTransport(doc: Document = document): KioskTransport {
  const secret = doc.querySelector<HTMLMetaElement>(`meta[name="${BRIDGE_SECRET_META}"]`)?.content ?? '';
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  /** One stream for the page, opened on the first subscription; each event name is listened to once. */
  const listen = (name: EventName): Set<(payload: unknown) => void> => {
    source ??= new EventSource(`/bridge/events?secret=${encodeURIComponent(secret)}`);
    const known = listeners.get(name);
    if (known) return known;
    const set = new Set<(payload: unknown) => void>();
    source.addEventListener(name, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of set) listener(payload);
    });
    listeners.set(name, set);
    return set;
  };

  return {
    async invoke(channel: ChannelName, request: unknown) {
      const response = await fetch(`/bridge/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [BRIDGE_SECRET_HEADER]: secret },
        body: JSON.stringify(request ?? {}),
      });
      if (response.status === 401) {
        const problem = { code: 'station-link-lost' } as const;
        return { ok: false, error: { code: 'unreachable', problem, message: problemMessage(problem) } };
      }
      return response.json();
    },
    subscribe(event, listener) {
      const set = listen(event);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}
