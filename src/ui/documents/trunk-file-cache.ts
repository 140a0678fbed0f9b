import type * as vscode from 'vscode';
import { parseTrunkFile, type TrunkFile } from '../../core/documents/file/parse-trunk-file';
import type { AccountRegistry } from '../../core/accounts/account-registry';

/**
 * One parse per document version, shared by diagnostics, code lenses, code actions and
 * commands: typing re-parses once, not once per feature, and only the YAML document edited.
 */
export class TrunkFileCache {
  private readonly entries = new Map<string, { version: number; accountsKey: string; file: TrunkFile }>();

  constructor(private readonly accounts: AccountRegistry) {}

  get(document: vscode.TextDocument): TrunkFile {
    const key = document.uri.toString();
    const accounts = this.accounts.list();
    const names = accounts.map((a) => a.name);
    const accountsKey = accounts.map((a) => `${a.name}\u0000${a.provider}`).join('\n');
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version && cached.accountsKey === accountsKey) return cached.file;
    // With no account connected yet, every `account:` would be "unknown": skip that rule until one is.
    // The previous version lends its unchanged documents: typing re-reads only the edited one.
    const file = parseTrunkFile(document.getText(), names.length > 0 ? { knownAccounts: names, accountProviders: new Map(accounts.map((a) => [a.name, a.provider])) } : {}, cached?.file);
    this.entries.set(key, { version: document.version, accountsKey, file });
    return file;
  }

  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }
}
