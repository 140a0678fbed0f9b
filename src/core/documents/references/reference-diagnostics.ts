import type { TrunkDocument } from '../file/parse-trunk-file';
import type { LineIndex } from '../file/line-index';
import type { TrunkKind } from '../file/trunk-kinds';
import { locatePath, nodeSpan } from '../file/yaml-node-lookup';
import { documentKind } from '../kinds/document-kinds';
import { closestMatch } from '../validate/closest-match';
import type { QuickFix, TrunkDiagnostic } from '../validate/trunk-diagnostic';
import { toTrunkYaml } from '../render/to-trunk-yaml';
import { AccountReferences } from './account-references';
import type { ReferableDocument, ReferableResource } from './document-reference';
import { referenceProblem, specReferences } from './spec-references';

/** The account's last listing of a kind (ReferenceListings.get), or undefined when it was never listed. */
export type ListedReferables = (account: string, kind: TrunkKind) => readonly ReferableResource[] | undefined;

/**
 * Errors at each reference entry of a document that names no resource or several, computed
 * while the user types: against the workspace's documents and the account's resources as last
 * listed, never a request. An account not listed yet gives no "unknown" (it may have the name),
 * only what the workspace alone proves: a name that two of its documents give.
 */
export function referenceDiagnostics(document: TrunkDocument, lines: LineIndex, workspace: readonly ReferableDocument[], listed: ListedReferables): TrunkDiagnostic[] {
  const { kind, account } = document;
  if (!kind || !account) return [];
  const spec = writtenSpec(document);
  const diagnostics: TrunkDiagnostic[] = [];
  for (const entry of specReferences(kind, spec)) {
    const referencedKind = entry.reference.kind;
    if (documentKind(referencedKind).identity.sidPattern.test(entry.value)) continue;
    const remote = listed(account, referencedKind);
    const resolution = new AccountReferences(account, new Map([[referencedKind, remote ?? []]]), workspace).resolve(referencedKind, entry.value);
    if (resolution.status === 'resolved' || (resolution.status === 'unknown' && remote === undefined)) continue;
    const span = nodeSpan(locatePath(document.yaml.contents, entry.path).node);
    if (!span) continue;
    const range = lines.range(span[0], span[1]);
    if (resolution.status === 'ambiguous') {
      diagnostics.push({ severity: 'error', code: 'ambiguous-reference', message: referenceProblem(resolution, account), range, source: 'trunkline' });
      continue;
    }
    const close = closestMatch(entry.value, resolution.names);
    const noun = documentKind(referencedKind).noun;
    const message = `No ${noun} named ${JSON.stringify(entry.value)} in account ${account} or in the workspace's trunk files.${close ? ` Did you mean ${JSON.stringify(close)}?` : ''} Write the sid or the exact name of one${resolution.names.length > 0 && !close ? ` (there are ${listNames(resolution.names)})` : ''}, or add a document that defines it.`;
    diagnostics.push({
      severity: 'error',
      code: 'unknown-reference',
      message,
      range,
      source: 'trunkline',
      fixes: [
        ...(close ? [{ title: `Change to ${JSON.stringify(close)}`, isPreferred: true, edits: [{ start: span[0], end: span[1], newText: yamlScalar(close) }] }] : []),
        ...newDocumentFix(referencedKind, account, entry.value, lines.text),
      ],
    });
  }
  return diagnostics;
}

/**
 * "Create a TwilioIpAccessControlList document named …": the document appended to the file,
 * with its name alone (the rest is the user's to fill in; Push creates it before what names it).
 */
function newDocumentFix(kind: TrunkKind, account: string, name: string, text: string): QuickFix[] {
  // The spec key that holds the kind's name: friendly_name, or a CarrierX endpoint's name.
  const field = ['friendly_name', 'name'].find((f) => documentKind(kind).identity.nameOf({ [f]: name }) === name);
  if (!field) return [];
  const yaml = toTrunkYaml({ apiVersion: 'trunkline/v1', kind, account, spec: { [field]: name } });
  const separator = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  return [{ title: `Create a ${kind} document named ${JSON.stringify(name)} in this file`, edits: [{ start: text.length, end: text.length, newText: `${separator}---\n${yaml}` }] }];
}

/** The spec, or as written for a document that has errors elsewhere (its references and name still count while typing). */
export function writtenSpec(document: Pick<TrunkDocument, 'spec' | 'yaml'>): Readonly<Record<string, unknown>> | undefined {
  if (document.spec) return document.spec as Readonly<Record<string, unknown>>;
  try {
    const value: unknown = document.yaml.toJS();
    const spec = value && typeof value === 'object' ? (value as Record<string, unknown>).spec : undefined;
    return spec && typeof spec === 'object' && !Array.isArray(spec) ? (spec as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A name as a plain YAML scalar when it reads back as the same string, else quoted. */
function yamlScalar(name: string): string {
  return /^[A-Za-z_][\w .-]*$/.test(name) && !/ $/.test(name) && !/^(true|false|null|yes|no|on|off|~)$/i.test(name) ? name : JSON.stringify(name);
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((n) => JSON.stringify(n));
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}
