import type * as vscode from 'vscode';

/** Schemes whose trunk files are the user's own: not git history, not our Diff's remote side. */
const SCHEMES = ['file', 'untitled', 'vscode-vfs'] as const;

/** Trunk files: the `trunk-yaml` language, and `*.trunk.yaml` opened as plain YAML (files.associations). */
export const TRUNK_FILE_SELECTOR: vscode.DocumentSelector = SCHEMES.flatMap((scheme) => [
  { language: 'trunk-yaml', scheme },
  { language: 'yaml', scheme, pattern: '**/*.trunk.{yaml,yml}' },
]);

export const TRUNK_FILE_GLOB = '**/*.trunk.{yaml,yml}';

export function isTrunkFile(document: vscode.TextDocument): boolean {
  if (!(SCHEMES as readonly string[]).includes(document.uri.scheme)) return false;
  return document.languageId === 'trunk-yaml' || (document.languageId === 'yaml' && /\.trunk\.ya?ml$/i.test(document.uri.path));
}
