import * as vscode from 'vscode';
import type { TrunkFileDiagnostics } from './trunk-file-diagnostics';

/** Which workspace trunk files already claim a trunk domain (as relative paths), for the create wizard's check. */
export function domainClaimLookup(files: { readonly diagnostics: TrunkFileDiagnostics }): (domain: string) => string[] {
  return (domain) => files.diagnostics.index.claimants('domain-name', domain).map((uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
}
