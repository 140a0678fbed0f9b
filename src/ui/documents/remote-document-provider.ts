import * as vscode from 'vscode';

export const REMOTE_SCHEME = 'trunkline-remote';

/**
 * Read-only virtual documents: the remote side of a Diff and plan previews. Content is
 * registered before the document is opened; the URI carries a unique id so each Diff is fresh.
 */
export class VirtualDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private counter = 0;

  /** A URI whose content is `text`, named like `name` (its extension picks the language). */
  put(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${name}`, query: String(++this.counter) });
    this.contents.set(uri.toString(), text);
    // Keep the memory bounded: a long session opens many diffs.
    if (this.contents.size > 50) this.contents.delete(this.contents.keys().next().value!);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }
}
