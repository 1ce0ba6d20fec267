import { resolveControllerConfig, type ConfigInputs, type ConfigSource } from './controller-config';
import type { Logger } from '../host/log';
import type { OpscomClient } from './client';

/** The controller in force: where requests go, with which token, and why (flag, environment, settings, demo). */
export interface Controller {
  url: string;
  token: string;
  source: ConfigSource | 'demo';
}

/** A stand-in controller for demo mode, started by the platform (the core never imports the sandbox). */
export interface DemoController {
  url: string;
  token: string;
  close(): Promise<void>;
}
export type StartDemoController = (zones: string[]) => Promise<DemoController>;

export class DemoUnavailableError extends Error {
  override name = 'DemoUnavailableError';
}

interface Deps {
  /** Flags, environment and what is saved, read afresh each time (the saved part may have changed). */
  inputs: () => Promise<ConfigInputs>;
  startDemo: StartDemoController | undefined;
  zones: () => string[];
  makeClient: (controller: Controller) => OpscomClient;
  log: Logger;
}

/**
 * Which controller the kiosk talks to, and the client for it. Demo mode is chosen once, at start-up, when nothing
 * is configured; otherwise a saved URL or token is taken up at once by `reapply`.
 */
export class ControllerLink {
  private controllerNow: Controller;
  private clientNow: OpscomClient;

  private constructor(
    private readonly deps: Deps,
    controller: Controller,
    private readonly demo: DemoController | undefined,
  ) {
    this.controllerNow = controller;
    this.clientNow = deps.makeClient(controller);
  }

  static async open(deps: Deps): Promise<ControllerLink> {
    const config = resolveControllerConfig(await deps.inputs());
    if (config.mode === 'demo') {
      if (!deps.startDemo)
        throw new DemoUnavailableError('No controller is configured, and this kiosk has no demo mode.');
      const demo = await deps.startDemo(deps.zones());
      deps.log.info(`Demo mode: no controller configured, using the built-in sandbox at ${demo.url}`);
      return new ControllerLink(deps, { url: demo.url, token: demo.token, source: 'demo' }, demo);
    }
    const { url, token, source } = config;
    deps.log.info(`Controller ${new URL(url).host} (URL from ${source.url}, token from ${source.token})`);
    return new ControllerLink(deps, { url, token, source: source.url }, undefined);
  }

  get controller(): Controller {
    return this.controllerNow;
  }

  get client(): OpscomClient {
    return this.clientNow;
  }

  get isDemo(): boolean {
    return this.demo !== undefined;
  }

  get host(): string {
    return new URL(this.controllerNow.url).host;
  }

  /** Saved controller settings changed: use them now (demo mode keeps its sandbox until the next start). */
  async reapply(): Promise<OpscomClient | undefined> {
    if (this.demo) {
      this.deps.log.info(
        'Controller settings saved; they take effect when the kiosk next starts (it is in demo mode).',
      );
      return undefined;
    }
    const next = resolveControllerConfig(await this.deps.inputs());
    if (next.mode === 'demo') return undefined;
    const changed = next.url !== this.controllerNow.url || next.token !== this.controllerNow.token;
    this.controllerNow = { url: next.url, token: next.token, source: next.source.url };
    this.clientNow = this.deps.makeClient(this.controllerNow);
    if (changed) this.deps.log.info(`Controller settings changed: now ${this.host}; the outbox resumes.`);
    return this.clientNow;
  }

  close(): Promise<void> {
    return this.demo?.close() ?? Promise.resolve();
  }
}
