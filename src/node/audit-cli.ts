import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../main/core/host/data-dir';
import { STORE_FILE } from '../main/core/storage/kiosk-store';
import { isSound, verifyStore } from '../main/core/storage/verify-store';
import { checkWal } from '../main/core/storage/wal-check';

/**
 * `npm run audit -- verify [--data-dir DIR]`: checks a kiosk's database without changing it, beside a running kiosk
 * too: SQLite's quick_check, every row's checksum, and the audit log's hash chain from its first row to its last.
 * Prints what it found; exit code 0 when all is sound, 1 when anything is damaged or broken, 2 on wrong use.
 */
const USAGE = 'Usage: npm run audit -- verify [--data-dir <folder>]   (default: the kiosk data folder of this machine)';

function main(): number {
  const { values, positionals } = parseArgs({
    options: { 'data-dir': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals[0] !== 'verify' || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const dir = values['data-dir'] ? path.resolve(values['data-dir']) : resolveDataDir();
  const file = path.join(dir, STORE_FILE);
  if (!fs.existsSync(file)) {
    console.error(`${file} does not exist: this folder holds no kiosk records.`);
    return 1;
  }
  // The WAL is read before SQLite opens the file: a damaged one would otherwise be replayed without a word.
  const walDamage = checkWal(`${file}-wal`);
  if (walDamage) {
    console.log(`${file}-wal: DAMAGED: ${walDamage}.`);
    console.log('Keep this folder as it is (copy it for the vendor) and call a supervisor.');
    return 1;
  }
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const check = verifyStore(db);
    const counts = Object.entries(check.rows)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ');
    console.log(`${file}: ${counts} rows.`);
    console.log(
      check.structure.length === 0 ? 'Structure: sound.' : `Structure: DAMAGED: ${check.structure.join('; ')}`,
    );
    console.log(
      check.damagedRows.length === 0
        ? 'Checksums: every row matches.'
        : `Checksums: DAMAGED rows: ${check.damagedRows.map((row) => `${row.table} ${row.key}`).join(', ')}`,
    );
    console.log(
      check.audit.broken === null
        ? `Audit log: the chain is whole over ${check.audit.rows} entries.`
        : `Audit log: BROKEN at row ${check.audit.broken.seq}: ${check.audit.broken.why}.`,
    );
    if (!isSound(check)) {
      console.log('Keep this folder as it is (copy it for the vendor) and call a supervisor.');
      return 1;
    }
    return 0;
  } catch (error) {
    console.error(`${file} cannot be read as a kiosk database: ${(error as Error).message}`);
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = main();
