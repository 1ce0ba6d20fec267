import type { Result } from '../../../../shared/errors/kiosk-error';

/**
 * Refused means not stored; confirmed means kept (#19). A sale's request id is what lets main answer a retry from
 * what it recorded (PermitService answers a known id from the outbox) instead of selling the car twice. So when the
 * page cannot know whether its call was taken (the answer was lost), the retry of the same action on the same
 * thing must carry the same id; any answer that says what main did (ok, or a refusal) ends it, and the next action
 * gets a fresh one.
 *
 * An action is named by its kind and its subject: what it acts on, not how it is paid. A retry after a lost answer
 * is the same sale even when the driver hands over another note, so the tender is not part of it: if main took the
 * first try, it answers with the tender it recorded; if it did not, it takes the retry as sent.
 */

export type ActionKind = 'issue' | 'extend' | 'cancel' | 'fix-plate';

/** Answers after which the page cannot be sure main kept nothing. */
const UNSURE: ReadonlySet<string> = new Set(['unreachable', 'internal', 'storage']);

/**
 * True when the answer leaves the page not sure what main did: the transport failed or main cannot be reached
 * (`unreachable`); the answer could not be read, or main failed in a way it did not foresee (`internal`); or the
 * disk refused a write (`storage`). With one transaction per action a storage refusal keeps nothing, but a store
 * of several files may have kept part, and keeping the id costs nothing: the retry after a supervisor frees space
 * is the same sale, answered from the record if there is one. Every other refusal is main's own, made before it
 * recorded anything.
 */
export function answerLost(result: Result<unknown>): boolean {
  return !result.ok && UNSURE.has(result.error.code);
}

/** The same value whatever the order of its keys, so `{ a, b }` and `{ b, a }` name the same action. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const entries = Object.entries(inner as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

export interface RequestIdsOptions {
  newId?: () => string;
  now?: () => number;
  /**
   * How long an unanswered id waits for its retry. Past this the attendant has moved on, and the same car back for
   * a new permit is a new sale (main would otherwise answer with the old one).
   */
  keepMs?: number;
  /** At most this many unanswered actions are remembered; the oldest goes first. */
  max?: number;
}

export interface RequestIds {
  /** Sends `send` with the id for this action: the one kept from a try whose answer was lost, else a new one. */
  send<T>(kind: ActionKind, subject: unknown, send: (requestId: string) => Promise<Result<T>>): Promise<Result<T>>;
  /** The id the next `send` of this action would use (for a test or a log); does not create one. */
  pending(kind: ActionKind, subject: unknown): string | undefined;
  clear(): void;
}

export function createRequestIds(options: RequestIdsOptions = {}): RequestIds {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => Date.now());
  const keepMs = options.keepMs ?? 15 * 60_000;
  const max = options.max ?? 20;
  const unanswered = new Map<string, { id: string; at: number }>();
  const keyOf = (kind: ActionKind, subject: unknown) => `${kind} ${fingerprint(subject)}`;

  const live = (key: string) => {
    const kept = unanswered.get(key);
    if (kept && now() - kept.at > keepMs) unanswered.delete(key);
    return unanswered.get(key);
  };

  return {
    async send<T>(
      kind: ActionKind,
      subject: unknown,
      send: (requestId: string) => Promise<Result<T>>,
    ): Promise<Result<T>> {
      const key = keyOf(kind, subject);
      const requestId = live(key)?.id ?? newId();
      let result: Result<T>;
      try {
        result = await send(requestId);
      } catch (error) {
        // A send that throws has lost its answer too.
        remember(key, requestId);
        throw error;
      }
      if (answerLost(result)) remember(key, requestId);
      else unanswered.delete(key);
      return result;
    },
    pending(kind, subject) {
      return live(keyOf(kind, subject))?.id;
    },
    clear() {
      unanswered.clear();
    },
  };

  function remember(key: string, id: string) {
    unanswered.delete(key);
    unanswered.set(key, { id, at: now() });
    while (unanswered.size > max) unanswered.delete(unanswered.keys().next().value!);
  }
}

/** The page's one memory of actions whose answer was lost (a reload forgets it, as it forgets the typed plate). */
export const requestIds = createRequestIds();
