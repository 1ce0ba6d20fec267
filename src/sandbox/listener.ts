/**
 * The sandbox's listening socket, which can be closed for a while ("connection refused") and reopened on the
 * same port. It tracks connections itself so that refusing and closing can end every one of them, hanging ones
 * included. Knows nothing of what the requests say.
 */
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { check, RefuseBodySchema } from './faults';

/** Reopening after a refusal retries this long if the port is briefly busy. */
const REOPEN_ATTEMPTS = 20;
const REOPEN_RETRY_MS = 100;

export class Listener {
  port = 0;
  private readonly sockets = new Set<Socket>();
  private refusal: { until: number; timer: NodeJS.Timeout; waiters: Array<(error?: Error) => void> } | undefined;
  private reopening: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly server: Server,
    private readonly host: string,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  async start(port: number): Promise<void> {
    try {
      await listen(this.server, port, this.host);
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? new Error(`Port ${port} on ${this.host} is already in use; pick another or use 0.`)
        : error;
    }
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stops listening at once (synchronously, when not mid-reopen) and ends open connections except `spare`. */
  async refuse(forMs: number, spare?: Socket): Promise<void> {
    const checked = check(RefuseBodySchema, { forMs });
    if (!checked.ok) throw new Error(checked.message);
    if (this.reopening !== undefined) await this.reopening.catch(() => undefined);
    if (this.closed) return;
    const until = Date.now() + forMs;
    if (this.refusal === undefined) {
      this.server.close();
      for (const socket of this.sockets) if (socket !== spare) socket.destroy();
      this.refusal = { until, timer: setTimeout(() => this.reopen(), forMs), waiters: [] };
    } else if (until > this.refusal.until) {
      clearTimeout(this.refusal.timer);
      this.refusal.until = until;
      this.refusal.timer = setTimeout(() => this.reopen(), forMs);
    }
    const { waiters } = this.refusal;
    return new Promise<void>((resolve, reject) => waiters.push((error) => (error ? reject(error) : resolve())));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.refusal !== undefined) {
      clearTimeout(this.refusal.timer);
      this.refusal.waiters.forEach((done) => done());
      this.refusal = undefined;
    }
    if (this.reopening !== undefined) await this.reopening.catch(() => undefined);
    const stopped = this.server.listening
      ? new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())))
      : Promise.resolve();
    // fetch keeps connections alive, and a hang fault holds one open: end them all or close() would wait.
    for (const socket of this.sockets) socket.destroy();
    this.server.closeAllConnections();
    await stopped;
  }

  private reopen(): void {
    const refusal = this.refusal;
    if (refusal === undefined) return;
    this.reopening = this.listenAgain().then(
      () => {
        this.refusal = undefined;
        refusal.waiters.forEach((done) => done());
      },
      (error: unknown) => {
        this.refusal = undefined;
        const reason = error instanceof Error ? error.message : String(error);
        const failure = new Error(`The sandbox could not listen on port ${this.port} again after refusing: ${reason}`);
        refusal.waiters.forEach((done) => done(failure));
      },
    );
    void this.reopening.finally(() => (this.reopening = undefined));
  }

  private async listenAgain(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.closed) return;
      try {
        await listen(this.server, this.port, this.host);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= REOPEN_ATTEMPTS) throw error;
        await sleep(REOPEN_RETRY_MS);
      }
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
