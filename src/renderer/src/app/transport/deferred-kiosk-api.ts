import type { EventName } from '../../../../shared/contract';
import type { KioskApi, KioskTransport } from '../../../../shared/kiosk-api';

type Listener = (payload: unknown) => void;

/**
 * The page's kiosk API over a raw transport (the preload's `window.kiosk` or the station's bridge), with every
 * answer and event checked against the contract as `createKioskApi` does. That check needs the contract's schemas
 * and zod, which stay out of the page's first load: `loadApi` fetches them in a chunk of their own, at once.
 *
 * Until they are there, nothing unchecked reaches the page and nothing changes order:
 * - a call waits, and goes to main once the checks are in place;
 * - an event listener subscribes at once (nothing is missed), and events are held, then delivered in the order
 *   they came, before any call goes out (so before any answer can arrive).
 */
export function createDeferredKioskApi(
  transport: KioskTransport,
  loadApi: () => Promise<(transport: KioskTransport) => KioskApi>,
): KioskApi {
  let api: KioskApi | null = null;
  /** Events that came before the checks, across all names, in order; null once they are delivered live. */
  let held: { event: EventName; payload: unknown }[] | null = [];
  /** One transport subscription per event name, shared by the page's listeners of that name. */
  const hub = new Map<EventName, { listeners: Set<Listener>; stop: () => void }>();
  /** `on` calls made before the checks: each attaches its checked listener when they come. */
  const waiting = new Set<() => void>();

  const emit = (event: EventName, payload: unknown) => {
    for (const listener of [...(hub.get(event)?.listeners ?? [])]) listener(payload);
  };

  /** What the checking API sits on: calls go straight through, events come through the hub. */
  const hubTransport: KioskTransport = {
    invoke: (channel, request) => transport.invoke(channel, request),
    subscribe(event, listener) {
      let entry = hub.get(event);
      if (!entry) {
        const stop = transport.subscribe(event, (payload) => {
          if (held) held.push({ event, payload });
          else emit(event, payload);
        });
        entry = { listeners: new Set(), stop };
        hub.set(event, entry);
      }
      const own = entry;
      const mine: Listener = (payload) => listener(payload);
      own.listeners.add(mine);
      return () => {
        own.listeners.delete(mine);
        if (own.listeners.size === 0 && hub.get(event) === own) {
          hub.delete(event);
          own.stop();
        }
      };
    },
  };

  const ready = loadApi().then((create) => {
    const checked = create(hubTransport);
    api = checked;
    for (const attach of [...waiting]) attach();
    waiting.clear();
    const early = held ?? [];
    held = null;
    for (const { event, payload } of early) emit(event, payload);
    return checked;
  });
  // A chunk that cannot load fails every call (`sendToMain` turns that into "not answering"); no unhandled rejection.
  ready.catch(() => undefined);

  return {
    async send(channel, request) {
      const checked = api ?? (await ready);
      return checked.send(channel, request);
    },

    on(event, listener) {
      if (api) return api.on(event, listener);
      // Hold this name's events from now on; the checked listener takes over when the checks come.
      const hold = hubTransport.subscribe(event, () => undefined);
      let stop = (): void => undefined;
      const attach = () => {
        if (api) stop = api.on(event, listener);
        hold();
      };
      waiting.add(attach);
      return () => {
        if (waiting.delete(attach)) hold();
        stop();
      };
    },
  };
}
