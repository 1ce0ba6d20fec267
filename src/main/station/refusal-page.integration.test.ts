import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/testing/fault-shim';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a station whose records are damaged', () => {
  it('refuses to start, and its screen says why in both languages, naming the file', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'refusal-'));
    dirs.push(dataDir);
    fs.writeFileSync(path.join(dataDir, 'kiosk.db'), 'not a database at all '.repeat(300));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main/station/cli.ts', '--port', '0', '--no-open', '--data-dir', dataDir],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, OPSCOM_URL: 'http://127.0.0.1:9', OPSCOM_TOKEN: 'REFUSAL-TEST' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /reason is shown at (http:\/\/\S+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
    });
    const response = await fetch(url);
    const page = await response.text();
    expect(response.status).toBe(503);
    expect(page).toContain('This kiosk cannot start');
    expect(page).toContain('Ce kiosque ne peut pas démarrer');
    expect(page).toContain(path.join(dataDir, 'kiosk.db'));
    expect(err).toMatch(/Cannot start the station: .*kiosk\.db.*Do not delete the file/);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(3);
    // The damaged file is left as it was.
    expect(fs.readFileSync(path.join(dataDir, 'kiosk.db'), 'utf8')).toMatch(/^not a database at all/);
  }, 30_000);
});
