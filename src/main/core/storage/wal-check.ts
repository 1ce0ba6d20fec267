import fs from 'node:fs';

/**
 * Reads a SQLite write-ahead log (the file format is documented by SQLite: a 32-byte header, then frames of a
 * 24-byte header and one page, each with a running checksum) and says whether it is damaged in a way SQLite's
 * own recovery would hide.
 *
 * At start-up SQLite replays the WAL up to the first frame whose checksum fails and silently forgets the rest. That
 * is right for a commit torn by a crash (never confirmed: with synchronous=FULL a commit is confirmed only after
 * its frames are synced, and the next commit's frames are written only after that). It is wrong when the bad frame
 * is followed by frames that do chain on and that hold a commit: those were written after the bad frame was, so
 * the bad frame was once sound, and a flipped byte would drop confirmed transactions. Then this says what is wrong,
 * and the store refuses to start.
 *
 * Returns undefined when the WAL is absent, empty or sound.
 */
export function checkWal(file: string): string | undefined {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (buffer.length < 32) return undefined;
  const magic = buffer.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return 'its header is not a SQLite WAL header';
  const bigEndian = (magic & 1) === 1;
  const pageSize = buffer.readUInt32BE(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return 'its page size is not valid';
  const headerSum = checksum(buffer, 0, 24, [0, 0], bigEndian);
  if (headerSum[0] !== buffer.readUInt32BE(24) || headerSum[1] !== buffer.readUInt32BE(28)) {
    // SQLite then ignores the whole file. Only an empty WAL can have a header torn by a crash (32 bytes, one sector,
    // synced with the first commit after it): with frames behind it, the header was damaged, and every commit in
    // the file would be dropped.
    return buffer.length >= 32 + 24 + pageSize ? 'its header fails its checksum, and frames follow it' : undefined;
  }
  const salt1 = buffer.readUInt32BE(16);
  const salt2 = buffer.readUInt32BE(20);
  const frameSize = 24 + pageSize;
  const frames = Math.floor((buffer.length - 32) / frameSize);

  let running: [number, number] = headerSum;
  let firstBad = -1;
  for (let index = 0; index < frames; index += 1) {
    const at = 32 + index * frameSize;
    if (buffer.readUInt32BE(at + 8) !== salt1 || buffer.readUInt32BE(at + 12) !== salt2) break;
    const stored: [number, number] = [buffer.readUInt32BE(at + 16), buffer.readUInt32BE(at + 20)];
    if (firstBad < 0) {
      const sum = frameChecksum(buffer, at, pageSize, running, bigEndian);
      if (sum[0] === stored[0] && sum[1] === stored[1]) {
        running = sum;
        continue;
      }
      firstBad = index;
    } else {
      // After the bad frame: does this one chain on from the frame before it, as written? Then it was written after.
      const previous = 32 + (index - 1) * frameSize;
      const from: [number, number] = [buffer.readUInt32BE(previous + 16), buffer.readUInt32BE(previous + 20)];
      const sum = frameChecksum(buffer, at, pageSize, from, bigEndian);
      const commits = buffer.readUInt32BE(at + 4) !== 0;
      if (sum[0] === stored[0] && sum[1] === stored[1] && commits) {
        return `frame ${firstBad + 1} of ${frames} fails its checksum, and committed frames were written after it`;
      }
    }
  }
  return undefined;
}

function frameChecksum(
  buffer: Buffer,
  at: number,
  pageSize: number,
  from: [number, number],
  bigEndian: boolean,
): [number, number] {
  const head = checksum(buffer, at, 8, from, bigEndian);
  return checksum(buffer, at + 24, pageSize, head, bigEndian);
}

/** SQLite's WAL checksum: pairs of 32-bit words, each sum feeding the other. */
function checksum(
  buffer: Buffer,
  start: number,
  length: number,
  from: [number, number],
  bigEndian: boolean,
): [number, number] {
  let s0 = from[0];
  let s1 = from[1];
  for (let i = start; i < start + length; i += 8) {
    const x0 = bigEndian ? buffer.readUInt32BE(i) : buffer.readUInt32LE(i);
    const x1 = bigEndian ? buffer.readUInt32BE(i + 4) : buffer.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}
