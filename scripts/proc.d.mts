import type { SpawnOptions, SpawnSyncOptions } from 'node:child_process';

/** The project's root folder. */
export const ROOT: string;
/** True when the module at `metaUrl` is the script Node was started with. */
export function isMain(metaUrl: string): boolean;
/** Path of a locally installed CLI (node_modules/.bin). */
export function bin(name: string): string;
/** Run a command to completion with inherited stdio; returns its exit code. */
export function runSync(cmd: string, args: string[], options?: SpawnSyncOptions): number;
/** Build with electron-vite; exits the process if the build fails. */
export function buildOrExit(): void;
/** True when `target` is missing or any file under `sources` (files or dirs) is newer. */
export function isStale(target: string, sources: string[]): boolean;
/** Run a long-lived child with inherited stdio, pass signals on, and exit with its exit code. */
export function runAndExit(cmd: string, args: string[], options?: SpawnOptions): void;
