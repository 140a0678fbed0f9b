import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';
import { globBase, globToRegExp, isGlob } from './glob-pattern';

/** A trunk file found from the command line. */
export interface TrunkFilePath {
  /** As shown in output and used as the document's uri: relative to the cwd when inside it. */
  display: string;
  absolute: string;
}

const TRUNK_FILE = /\.trunk\.ya?ml$/i;
/** Never worth descending into. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.trunkline']);

/** Where a scan says which symbolic links it followed out of the tree or skipped (CliRuntime). */
export interface ScanReporter {
  note(message: string): void;
  warn(message: string): void;
}

/**
 * Files, directories (every `*.trunk.yaml` / `*.trunk.yml` below them) and globs, in the order
 * given, each file once. Anything that finds nothing is an error: in CI a typo must not pass
 * as "no problems".
 *
 * Symbolic links are followed, as the editor's search does: a linked file or folder inside the
 * scanned tree silently; one that leads out of it with a warning naming where it leads. A link
 * back into a folder already being scanned (a loop), a broken link and a second path to a file
 * already found are skipped with a note: a file is planned once, whatever the paths to it.
 */
export function findTrunkFiles(args: readonly string[], cwd: string, reporter?: ScanReporter): TrunkFilePath[] {
  const seen = new Map<string, string>();
  const found: TrunkFilePath[] = [];
  const add = (absolute: string) => {
    const real = realpathOrSelf(absolute);
    const display = displayPath(absolute, cwd);
    const first = seen.get(real);
    if (first !== undefined) {
      if (first !== display) reporter?.note(`Skipped ${display}: it is the same file as ${first}.`);
      return;
    }
    seen.set(real, display);
    found.push({ absolute, display });
  };
  for (const arg of args.length > 0 ? args : ['.']) {
    const absolute = path.resolve(cwd, arg);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      add(absolute);
    } else if (stat?.isDirectory()) {
      const files = scan(absolute, cwd, reporter, (f) => TRUNK_FILE.test(f));
      if (files.length === 0) throw new CliError(`No trunk files (*.trunk.yaml) in ${arg === '.' ? 'the current directory' : arg}.`, ExitCode.setup, 'not-found');
      files.forEach(add);
    } else if (isGlob(arg)) {
      const pattern = toSlashes(path.resolve(cwd, arg));
      const regex = globToRegExp(pattern);
      const base = globBase(pattern);
      const files = statOrUndefined(base)?.isDirectory() ? scan(base, cwd, reporter, (f) => regex.test(toSlashes(f))) : [];
      if (files.length === 0) throw new CliError(`No files match ${arg}.`, ExitCode.setup, 'not-found');
      files.forEach(add);
    } else {
      throw new CliError(`No such file or directory: ${arg}`, ExitCode.setup, 'not-found');
    }
  }
  return found;
}

/** Relative to the cwd when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

/**
 * The files below `root` that `wanted` accepts, in name order. Files reached through a link come
 * after the real ones, so that a file both present and linked is listed under its own path.
 */
function scan(root: string, cwd: string, reporter: ScanReporter | undefined, wanted: (file: string) => boolean): string[] {
  const rootReal = realpathOrSelf(root);
  const direct: string[] = [];
  const linked: string[] = [];
  const walk = (dir: string, real: string, ancestors: ReadonlySet<string>) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new CliError(`Cannot read the directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.setup, 'io');
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const sub = path.join(real, entry.name);
        // Reached through a link, a plain folder can be one this scan is already in.
        if (!SKIPPED_DIRS.has(entry.name) && !ancestors.has(sub)) walk(full, sub, new Set([...ancestors, sub]));
      } else if (entry.isFile()) {
        if (wanted(full)) direct.push(full);
      } else if (entry.isSymbolicLink()) {
        const display = displayPath(full, cwd);
        const target = statOrUndefined(full);
        const targetReal = realpathOrSelf(full);
        const outside = !isInside(targetReal, rootReal);
        if (target?.isDirectory()) {
          if (SKIPPED_DIRS.has(entry.name)) continue;
          if (ancestors.has(targetReal) || isInside(rootReal, targetReal)) {
            reporter?.note(`Skipped the link ${display}: it leads back to ${displayPath(targetReal, cwd)}, a folder this scan is already in (a loop).`);
            continue;
          }
          if (outside) reporter?.warn(`Following the link ${display} to ${targetReal}, outside ${displayPath(root, cwd)}.`);
          walk(full, targetReal, new Set([...ancestors, targetReal]));
        } else if (wanted(full)) {
          if (!target) {
            reporter?.note(`Skipped ${display}: a broken symbolic link (its target does not exist).`);
          } else if (target.isFile()) {
            if (outside) reporter?.warn(`Following the link ${display} to ${targetReal}, outside ${displayPath(root, cwd)}.`);
            linked.push(full);
          }
        }
      }
    }
  };
  walk(root, rootReal, new Set([rootReal]));
  return [...direct, ...linked];
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}
