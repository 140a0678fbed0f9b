/** A workspace folder: its name as shown and its URI. */
export interface WorkspaceFolder {
  readonly name: string;
  readonly uri: string;
}

/**
 * The workspace's files, for the commands that write new ones (Export, New Trunk File).
 * Backed by vscode.workspace.fs in the extension and by an in-memory store in tests.
 */
export interface WorkspaceFiles {
  /** The first workspace folder; undefined when no folder is open. */
  folder(): WorkspaceFolder | undefined;
  /** The URI of `segments` under `base` (a folder URI). */
  join(base: string, ...segments: string[]): string;
  exists(uri: string): Promise<boolean>;
  /** Creates a folder and its parents; fine when it exists. */
  createDirectory(uri: string): Promise<void>;
  /** The names of a folder's entries. */
  readDirectory(uri: string): Promise<string[]>;
  writeFile(uri: string, text: string): Promise<void>;
}
