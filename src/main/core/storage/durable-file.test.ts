import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileIfExists, writeFileDurably, writeFileDurablySync } from './durable-file';

async function folder() {
  return mkdtemp(path.join(os.tmpdir(), 'durable-'));
}

describe('durable file replacement', () => {
  it.each([
    ['waiting', (file: string, text: string) => writeFileDurably(file, text)],
    ['blocking', async (file: string, text: string) => writeFileDurablySync(file, text)],
  ])('%s: replaces the content, owner-only, leaving no temporary file behind', async (_name, write) => {
    const dir = await folder();
    const file = path.join(dir, 'nested', 'state.json');
    await write(file, 'first');
    await write(file, 'second');
    expect(await readFile(file, 'utf8')).toBe('second');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(path.dirname(file))).toEqual(['state.json']);
  });

  it('reads a missing file as nothing, and any other failure as an error', async () => {
    const dir = await folder();
    expect(await readFileIfExists(path.join(dir, 'absent'))).toBeUndefined();
    await expect(readFileIfExists(dir)).rejects.toThrow();
  });
});
