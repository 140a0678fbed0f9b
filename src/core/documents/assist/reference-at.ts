import { parseAllDocuments } from 'yaml';
import { isTrunkKind, type TrunkKind } from '../file/trunk-kinds';
import { nodeAtOffset, nodeSpan } from '../file/yaml-node-lookup';
import { documentKind } from '../kinds/document-kinds';
import type { ReferenceCandidate, ReferenceResolution } from '../references/document-reference';
import { candidateText } from '../references/spec-references';

/** A reference entry under the cursor (a trunk's `ip_access_control_lists: [Office]` entry). */
export interface ReferenceAt {
  /** The kind it names. */
  kind: TrunkKind;
  /** The document's account, when it names one. */
  account: string | undefined;
  value: string;
  /** Offsets of the value. */
  range: { start: number; end: number };
}

/** The reference value at `offset`, if the document's kind declares the field there a reference. */
export function referenceAt(text: string, offset: number): ReferenceAt | undefined {
  try {
    const document = parseAllDocuments(text, { prettyErrors: false }).find((d) => offset >= d.range[0] && offset <= d.range[2]);
    if (!document) return undefined;
    const kind: unknown = document.get('kind');
    if (!isTrunkKind(kind)) return undefined;
    const hit = nodeAtOffset(document.contents, offset);
    if (!hit || hit.path[0] !== 'spec') return undefined;
    const reference = (documentKind(kind).references ?? []).find((r) =>
      r.within !== undefined
        ? // a field of each item of a spec list: a CarrierX trunk group's trunks[i].endpoint
          hit.path.length === 4 && hit.path[1] === r.within && typeof hit.path[2] === 'number' && hit.path[3] === r.field
        : r.list
          ? hit.path.length === 3 && hit.path[1] === r.field && typeof hit.path[2] === 'number'
          : hit.path.length === 2 && hit.path[1] === r.field,
    );
    const span = nodeSpan(hit.node);
    const value = (hit.node as { value?: unknown } | undefined)?.value;
    if (!reference || !span || typeof value !== 'string') return undefined;
    const account: unknown = document.get('account');
    return { kind: reference.kind, account: typeof account === 'string' ? account : undefined, value, range: { start: span[0], end: span[1] } };
  } catch {
    return undefined;
  }
}

/** What completion offers at a reference entry: each candidate's name (its sid when it has none), with where it is from. */
export interface ReferenceChoice {
  value: string;
  detail: string;
}

export function referenceChoices(candidates: readonly ReferenceCandidate[], taken: readonly unknown[]): ReferenceChoice[] {
  const byName = new Map<string, number>();
  for (const c of candidates) if (c.name) byName.set(c.name, (byName.get(c.name) ?? 0) + 1);
  return candidates
    .map((c) => ({
      // A name two resources share would be ambiguous: offer the sid instead.
      value: c.name && byName.get(c.name) === 1 ? c.name : (c.sid ?? c.name ?? ''),
      detail: c.document ? (c.sid ? `${c.sid} · defined in ${c.document.uri}` : `not created yet · ${c.document.uri}`) : `${c.sid} · in the account`,
    }))
    .filter((c) => c.value !== '' && !taken.includes(c.value));
}

/** The hover of a reference: what it resolves to, and what the resource holds (a list's addresses or usernames). */
export function referenceHoverMarkdown(at: ReferenceAt, resolution: ReferenceResolution, account: string, summary: readonly string[] | undefined): string {
  const noun = documentKind(at.kind).noun;
  if (resolution.status === 'unknown') return `**No ${noun} named ${JSON.stringify(at.value)}** in account ${account} or in the workspace's trunk files.`;
  if (resolution.status === 'ambiguous') return `**${JSON.stringify(at.value)} names ${resolution.candidates.length} ${noun}s:**\n\n${resolution.candidates.map((c) => `- ${candidateText(c)}`).join('\n')}\n\nWrite the sid of the one you mean.`;
  const { reference } = resolution;
  const head = `**${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${JSON.stringify(reference.name ?? reference.value)}** ${reference.sid ? `\`${reference.sid}\`` : '(not created yet: Push creates it first)'}`;
  const where = reference.document ? `\n\nDefined in ${reference.document.uri} (document ${reference.document.index + 1}).` : '';
  const lines = summary === undefined ? '' : summary.length === 0 ? '\n\n(empty)' : `\n\n${summary.slice(0, 20).map((l) => `- ${l}`).join('\n')}${summary.length > 20 ? `\n- … ${summary.length - 20} more` : ''}`;
  return `${head}${where}${lines}`;
}
