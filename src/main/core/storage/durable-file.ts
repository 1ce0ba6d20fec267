import fs from 'node:fs';
import path from 'node:path';

/**
 * Replace a file so that after a crash it holds either the old or the new content, never a mix:
 * write a temporary file (mode 0600), fsync it, rename it over the old one, fsync the folder.
 */
export async function writeFileDurably(file: string, content: string): Promise<void> {
  const dir = path.dirname(file);
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = temporaryName(file);
  const handle = await fs.promises.open(temp, 'w', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** The same replacement, blocking: for the outbox journal, whose every step must finish before it answers. */
export function writeFileDurablySync(file: string, content: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = temporaryName(file);
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, content, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectorySync(dir);
}

// The pid keeps two processes that share a data folder by mistake from writing one temporary file.
const temporaryName = (file: string) => `${file}.${process.pid}.tmp`;

// Windows cannot open a folder for fsync; the rename is as durable as it gets there.
const canSyncFolders = process.platform !== 'win32';

async function syncDirectory(dir: string): Promise<void> {
  if (!canSyncFolders) return;
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync a folder, so a file just created in it survives a crash (a no-op on Windows). */
export function syncDirectorySync(dir: string): void {
  if (!canSyncFolders) return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
