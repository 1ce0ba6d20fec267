import { app } from 'electron';
import { launchFrom, type Launch } from './policy';

/** This process's launch: packaged or not, and the dev server only when unpackaged. */
export function currentLaunch(): Launch {
  return launchFrom({ packaged: app.isPackaged, env: process.env });
}
