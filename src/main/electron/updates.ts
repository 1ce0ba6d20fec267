/**
 * Updates that respect the booth (#13): electron-updater downloads from the generic feed (the `updateFeedUrl`
 * setting) in the background, and a downloaded update is installed only when the core's policy
 * (core/updates/update-policy.ts) says so — never while actions wait to be sent. The policy is asked on a timer
 * and whenever a shift, the outbox or the settings change. `updater` is electron-updater's `autoUpdater`, passed in
 * so the wiring is tested with a stand-in (updates.test.ts).
 */
import type { EventHub } from '../core/channels/event-hub';
import type { UpdateHost } from '../core/host/kiosk-core';
import type { Logger } from '../core/host/log';
import { updateDecision } from '../core/updates/update-policy';

/** The part of electron-updater's AppUpdater used here. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateWiringOptions {
  updater: Updater;
  host: UpdateHost;
  events: Pick<EventHub, 'subscribe'>;
  log: Logger;
  /** The running version, for the audit line. */
  currentVersion: string;
  now?: () => Date;
  /** How often to ask the feed; 4 h by default. */
  checkEveryMs?: number;
  /** How often to ask the policy about a downloaded update (the maintenance hour comes by the clock); 1 min. */
  policyEveryMs?: number;
}

export interface UpdateWiring {
  /** Asks the feed now (the timer does this too); resolves when electron-updater has answered. */
  check(): Promise<void>;
  /** Asks the policy now; true when it installed. */
  considerInstall(): boolean;
  stop(): void;
}

export function startUpdates(options: UpdateWiringOptions): UpdateWiring {
  const { updater, host, log } = options;
  const now = options.now ?? (() => new Date());
  // Downloaded in the background; installed only by considerInstall(), never on an ordinary quit (a quit with
  // actions waiting must not become an install).
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  let feed = '';
  let downloaded: string | null = null;
  let installing = false;

  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    host.record('update-downloaded', `version ${info.version} (running ${options.currentVersion})`);
    log.info(`Update ${info.version} downloaded; it is installed when the booth allows.`);
    considerInstall();
  });
  updater.on('error', (error) => log.warn(`Update check failed: ${error.message}`));

  async function check(): Promise<void> {
    const url = host.state().updateFeedUrl;
    if (url === '') return; // updates turned off in the settings
    if (url !== feed) {
      updater.setFeedURL({ provider: 'generic', url });
      feed = url;
    }
    try {
      await updater.checkForUpdates();
    } catch (error) {
      log.warn(`Update check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function considerInstall(): boolean {
    if (downloaded === null || installing) return false;
    const state = host.state();
    const decision = updateDecision({ ...state, now: now(), timeMode: 'local' });
    if (!decision.install) return false;
    installing = true;
    host.record('update-installed', `version ${downloaded} (from ${options.currentVersion}): ${decision.why}`);
    log.info(`Installing update ${downloaded} (${decision.why}); the kiosk restarts.`);
    // Silent on Windows (no installer pages at a booth), and the app starts again afterwards.
    updater.quitAndInstall(true, true);
    return true;
  }

  const unsubscribe = options.events.subscribe((event) => {
    if (event === 'shift:changed' || event === 'outbox:changed') considerInstall();
    if (event === 'kiosk:changed' && host.state().updateFeedUrl !== feed) void check();
  });
  const checkTimer = setInterval(() => void check(), options.checkEveryMs ?? 4 * 60 * 60 * 1000);
  const policyTimer = setInterval(considerInstall, options.policyEveryMs ?? 60 * 1000);
  void check();

  return {
    check,
    considerInstall,
    stop() {
      unsubscribe();
      clearInterval(checkTimer);
      clearInterval(policyTimer);
    },
  };
}
