import { parseAllDocuments, type Document } from 'yaml';
import { LineIndex } from './line-index';

export interface DocumentAt {
  document: Document.Parsed;
  lines: LineIndex;
}

/** The YAML document with that index (as TrunkDocument.index counts), freshly parsed from `text`. */
export function documentAt(text: string, index: number): DocumentAt {
  const document = parseAllDocuments(text, { prettyErrors: false })[index];
  if (!document) throw new RangeError(`The file has no document ${index + 1}.`);
  return { document, lines: new LineIndex(text) };
}
