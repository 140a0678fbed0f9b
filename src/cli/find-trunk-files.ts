import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './cli-error';
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

/**
 * Files, directories (every `*.trunk.yaml` / `*.trunk.yml` below them) and globs, in the order
 * given, each file once. Anything that finds nothing is an error: in CI a typo must not pass
 * as "no problems".
 */
export function findTrunkFiles(args: readonly string[], cwd: string): TrunkFilePath[] {
  const seen = new Set<string>();
  const found: TrunkFilePath[] = [];
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    found.push({ absolute, display: displayPath(absolute, cwd) });
  };
  for (const arg of args.length > 0 ? args : ['.']) {
    const absolute = path.resolve(cwd, arg);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      add(absolute);
    } else if (stat?.isDirectory()) {
      const files = walk(absolute).filter((f) => TRUNK_FILE.test(f));
      if (files.length === 0) throw new CliError(`No trunk files (*.trunk.yaml) in ${arg === '.' ? 'the current directory' : arg}.`);
      files.forEach(add);
    } else if (isGlob(arg)) {
      const pattern = toSlashes(path.resolve(cwd, arg));
      const regex = globToRegExp(pattern);
      const base = globBase(pattern);
      const files = statOrUndefined(base)?.isDirectory() ? walk(base).filter((f) => regex.test(toSlashes(f))) : [];
      if (files.length === 0) throw new CliError(`No files match ${arg}.`);
      files.forEach(add);
    } else {
      throw new CliError(`No such file or directory: ${arg}`);
    }
  }
  return found;
}

/** Relative to the cwd when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new CliError(`Cannot read the directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...walk(full));
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
  return out;
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
