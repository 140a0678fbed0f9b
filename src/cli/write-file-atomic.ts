import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces `file` with `text` so that a crash at any instant leaves either the old or the new
 * content, never a mix: a temporary file in the same folder, fsync, rename over the file, fsync
 * of the folder (so the rename itself survives a power cut). A symbolic link stays a link: its
 * target is replaced. The file keeps its permissions. Throws the file system's error.
 */
export function writeFileAtomic(file: string, text: string): void {
  const target = resolveLink(file);
  const dir = path.dirname(target);
  const mode = modeOf(target);
  // Dot-prefixed and ending in .tmp: no scan mistakes it for a trunk file or a state file.
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (mode !== undefined) fs.chmodSync(temp, mode);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
}

function resolveLink(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function modeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Where folders cannot be opened (Windows), the rename is as durable as the platform makes it. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here; nothing better to do.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
