import { parseAllDocuments } from 'yaml';
import { describeField } from './schema-documentation';
import { schemaAtPath } from './schema-at-path';
import { isTrunkKind } from '../file/trunk-kinds';
import { KIND_SCHEMAS, TRUNK_FILE_SCHEMA } from '../file/trunk-schemas';
import { nodeAtOffset, nodeSpan } from '../file/yaml-node-lookup';

export interface HoverData {
  /** Offsets of the key or value hovered. */
  range: { start: number; end: number };
  markdown: string;
}

/** The schema documentation of the key or value at `offset`, if it is one the schema knows. */
export function hoverAt(text: string, offset: number): HoverData | undefined {
  try {
    const document = parseAllDocuments(text, { prettyErrors: false }).find((d) => offset >= d.range[0] && offset <= d.range[2]);
    if (!document) return undefined;
    const hit = nodeAtOffset(document.contents, offset);
    if (!hit) return undefined;
    const kind: unknown = document.get('kind');
    const root = isTrunkKind(kind) ? KIND_SCHEMAS[kind] : TRUNK_FILE_SCHEMA;
    const schema = schemaAtPath(root, hit.path);
    const span = nodeSpan(hit.node);
    if (!schema || !span) return undefined;
    const last = hit.path[hit.path.length - 1];
    const name = typeof last === 'number' ? `${String(hit.path[hit.path.length - 2])}[${last}]` : (last ?? 'document');
    return { range: { start: span[0], end: span[1] }, markdown: describeField(name, schema) };
  } catch {
    return undefined;
  }
}
