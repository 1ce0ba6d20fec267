/**
 * The browser station as a child process, started the way an installation starts it (plain `node --import
 * tsx`), in its own process group so a kill -9 takes the whole of it at once, as a power cut would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { BRIDGE_SECRET_HEADER, BRIDGE_SECRET_META } from '../../src/shared/bridge';
import { channels, resultSchema, type ChannelName, type RequestOf, type ResponseOf } from '../../src/shared/contract';
import type { KioskError } from '../../src/shared/errors/kiosk-error';

const READY = /Kiosk station ready at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 120_000;
/** A bridge call only journals and fsyncs; anything this slow is a hung station, not a busy one. */
const CALL_TIMEOUT_MS = 60_000;

/** The bridge could not be asked or did not answer: the attendant saw no confirmation. */
export class BridgeUnreachable extends Error {}

export type BridgeAnswer<C extends ChannelName> = { ok: true; value: ResponseOf<C> } | { ok: false; error: KioskError };

export interface StationOptions {
  repoRoot: string;
  dataDir: string;
  /** Everything the station prints goes here (it logs every failed delivery: far too much for a terminal). */
  logFile: string;
  env: Record<string, string>;
  /** More environment for each start (its number from 1): the disk-fault mode of that start. */
  envForStart?: (start: number) => Record<string, string>;
  /** Starts to try before giving up, when the station exits before it is ready (a failing disk at start-up). */
  startAttempts?: number;
}

/** The station's renderer must be built: the station serves the page that carries the bridge secret. */
export function ensureRendererBuilt(repoRoot: string): void {
  if (existsSync(path.join(repoRoot, 'out/renderer/index.html'))) return;
  console.log('Building the renderer (out/renderer/index.html is missing)…');
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('"npx electron-vite build" failed; the station cannot serve its page.');
}

export class Station {
  private child: ChildProcess | undefined;
  private url = '';
  private secret = '';
  private readonly log: WriteStream;
  /** Goes up with every kill -9 (before the signal), so a caller can tell whether a failed call met a kill. */
  killsStarted = 0;
  private starts = 0;

  constructor(private readonly options: StationOptions) {
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the station, waits for its ready line and reads the bridge secret from the page it serves. */
  async start(): Promise<void> {
    const attempts = this.options.startAttempts ?? 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.startOnce();
      } catch (error) {
        if (attempt >= attempts || this.running) throw error;
        this.failedStarts += 1;
        this.log.write(`\n=== soak: the station did not start (${(error as Error).message.split('\n')[0]}) ===\n`);
      }
    }
  }

  /** Starts that ended before the station was ready (under disk faults: the disk failed while it opened). */
  failedStarts = 0;

  private async startOnce(): Promise<void> {
    this.starts += 1;
    this.log.write(`\n=== soak: starting station (start ${this.starts}) ===\n`);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main/station/cli.ts', '--port', '0', '--no-open', '--data-dir', this.options.dataDir],
      {
        cwd: this.options.repoRoot,
        // The token goes in the environment, never on the command line (where `ps` shows it to everyone).
        env: { ...process.env, ...this.options.env, ...this.options.envForStart?.(this.starts) },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    this.child = child;
    this.url = await waitForReady(child, this.log);
    this.secret = await this.readSecret();
  }

  /** kill -9 of the whole process group: no shutdown handler runs, nothing is flushed. */
  async kill9(): Promise<void> {
    this.killsStarted += 1;
    this.log.write('\n=== soak: kill -9 ===\n');
    await this.signal('SIGKILL');
  }

  /** A polite stop (SIGTERM), then SIGKILL if the station has not gone after a while. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const stopped = this.signal('SIGTERM');
    const timer = setTimeout(() => void this.signal('SIGKILL'), 10_000);
    await stopped;
    clearTimeout(timer);
  }

  /** Last resort when the soak itself is stopping: no waiting. */
  killNow(): void {
    if (this.running && this.child?.pid !== undefined) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  closeLog(): Promise<void> {
    return new Promise((resolve) => this.log.end(resolve));
  }

  /**
   * One bridge call as the served page makes it. An answer is checked against the contract, so a kiosk that
   * answers out of contract fails loudly instead of being miscounted. Throws BridgeUnreachable when no answer
   * came (refused, reset, killed mid-call).
   */
  async invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<BridgeAnswer<C>> {
    let text: string;
    try {
      const response = await fetch(`${this.url}bridge/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [BRIDGE_SECRET_HEADER]: this.secret },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      text = await response.text();
      if (response.status !== 200) throw new BridgeUnreachable(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    } catch (error) {
      if (error instanceof BridgeUnreachable) throw error;
      throw new BridgeUnreachable(error instanceof Error ? error.message : String(error));
    }
    const parsed = resultSchema(channels[channel].response).safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`The kiosk answered ${channel} out of contract: ${text.slice(0, 300)}`);
    return parsed.data as BridgeAnswer<C>;
  }

  /** Like invoke, but an error answer is a failure of the soak's own set-up. */
  async must<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const answer = await this.invoke(channel, request);
    if (!answer.ok) throw new Error(`${channel} failed: ${answer.error.code}: ${answer.error.message}`);
    return answer.value;
  }

  private async readSecret(): Promise<string> {
    const page = await (await fetch(this.url)).text();
    const match = new RegExp(`<meta name="${BRIDGE_SECRET_META}" content="([^"]+)"`).exec(page);
    if (!match?.[1]) throw new Error('The station served a page without the bridge secret.');
    return match[1];
  }

  private signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    return new Promise<void>((resolve) => {
      if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid, signal);
      } catch {
        resolve();
      }
    });
  }
}

function waitForReady(child: ChildProcess, log: WriteStream): Promise<string> {
  let seen = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(`did not say it was ready within ${START_TIMEOUT_MS / 1000} s`),
      START_TIMEOUT_MS,
    );
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(`The station ${why}. Its last output:\n${seen.slice(-2000)}`));
    };
    const onData = (chunk: Buffer): void => {
      log.write(chunk);
      // Only the start-up output is searched; after that the log file has it all.
      if (seen.length < 64 * 1024) seen += chunk.toString();
      const match = READY.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before it was ready`));
  });
}
