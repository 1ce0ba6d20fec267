import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { hashPin } from '../main/core/settings/admin-pin';
import { checkProvisionText } from '../shared/settings/provisioning-file';
import { problemMessage } from '../shared/errors/problems';

/**
 * `npm run provision -- --check <file>`: is this kiosk-provision.json one a kiosk will take? Prints OK or every
 * problem, exit code 0 or 1.
 * `npm run provision -- --hash-pin`: reads an admin PIN from standard input and prints its hash for the file's
 * `adminPinHash` (`printf 4821 | npm run --silent provision -- --hash-pin`), so the PIN is never in the file.
 */
const USAGE = 'Usage: npm run provision -- --check <kiosk-provision.json> | --hash-pin (PIN on standard input)';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { check: { type: 'string' }, 'hash-pin': { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.check !== undefined) {
    let text: string;
    try {
      text = await readFile(values.check, 'utf8');
    } catch (error) {
      console.error(`${values.check}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return 1;
    }
    const checked = checkProvisionText(text);
    if (checked.ok) {
      console.log(`OK: ${values.check} sets ${Object.keys(checked.provision).join(', ') || 'nothing'}.`);
      return 0;
    }
    console.error(`${values.check} is not a valid provisioning file:`);
    for (const error of checked.errors) console.error(`  ${error}`);
    return 1;
  }
  if (values['hash-pin']) {
    const pin = (await readStdin()).trim();
    if (!/^\d{4,8}$/.test(pin)) {
      console.error(problemMessage({ code: 'pin-format' }));
      return 1;
    }
    console.log(await hashPin(pin));
    return 0;
  }
  console.error(USAGE);
  return 2;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Admin PIN (4 to 8 digits), then Enter and Ctrl-D: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exit(2);
  },
);
