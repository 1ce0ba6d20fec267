import { readFile } from 'node:fs/promises';

/** Said whenever `--token` is used: a command line is visible to every local user. */
export const TOKEN_FLAG_WARNING =
  'Warning: --token is visible to every local user (ps, /proc); prefer --token-file or OPSCOM_TOKEN.';

/**
 * The API token from `--token-file <path>` (or `-` for standard input), so it never appears on a command line.
 * Trimmed; an empty or unreadable file is an error in plain words.
 */
export async function readTokenFile(
  file: string,
  stdin: () => AsyncIterable<Buffer | string> = () => process.stdin,
): Promise<string> {
  let text: string;
  try {
    text = file === '-' ? await readAll(stdin()) : await readFile(file, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new TokenFileError(`Could not read the API token from ${file === '-' ? 'standard input' : file} (${why}).`);
  }
  const token = text.trim();
  if (!token) throw new TokenFileError(`${file === '-' ? 'Standard input' : file} holds no API token.`);
  return token;
}

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

export class TokenFileError extends Error {
  override name = 'TokenFileError';
}
