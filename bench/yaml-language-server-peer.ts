import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'yaml-language-server';

/** Red Hat's YAML language service (`yaml-language-server`), validating against our schemas. */
export interface YamlValidator {
  /** Diagnostics of one version of the text, as the language server computes them on a change. */
  validate(text: string): Promise<Diagnostic[]>;
}

/**
 * The language service with the same JSON Schema the extension contributes through
 * `yamlValidation` (schemas/trunk-file.schema.json and the kind schemas it refers to), read
 * from disk by its schema request service exactly as the YAML extension would.
 */
export async function yamlLanguageServerPeer(repoRoot: string): Promise<YamlValidator> {
  // An ES module package: loaded with import(), which the bundle keeps as is.
  const yls = (await import('yaml-language-server')) as typeof import('yaml-language-server');
  const schemaUri = pathToFileURL(path.join(repoRoot, 'schemas', 'trunk-file.schema.json')).toString();
  const service = yls.getLanguageService({
    schemaRequestService: (uri) => readFile(fileURLToPath(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
  });
  service.configure({ validate: true, hover: false, completion: false, format: false, schemas: [{ uri: schemaUri, fileMatch: ['*.trunk.yaml'] }] });
  const documentUri = pathToFileURL(path.join(repoRoot, 'bench', 'bench.trunk.yaml')).toString();
  let version = 0;
  return {
    validate: (text) => service.doValidation(TextDocument.create(documentUri, 'yaml', ++version, text), false),
  };
}
