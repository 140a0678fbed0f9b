/** What commands do to the workbench besides prompting. Backed by vscode.window and vscode.env. */
export interface Workbench {
  /** An information notification; resolves with the action the user clicked, if any. */
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  /** Runs `task` with a cancellable progress notification. */
  withProgress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Promise<T>;
  writeClipboard(text: string): Promise<void>;
  openExternal(url: string): Promise<boolean>;
  /** Runs another command (e.g. Export to Trunk File from a notification's button). */
  executeCommand(id: string, ...args: unknown[]): Promise<unknown>;
  /** Opens a text document (virtual or file) in an editor. */
  openDocument?(uri: string): Promise<void>;
}
