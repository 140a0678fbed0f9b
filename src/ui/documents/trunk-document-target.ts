import type { TrunkDocument, TrunkFile } from '../../core/documents/file/parse-trunk-file';
import type { EditorDocument, EditorDocuments } from '../editor-documents';
import { t } from '../l10n';
import type { PullTarget } from './pull-remote-values';
import type { TrunkFileServices } from './trunk-file-services';

export interface TrunkDocumentTarget {
  editorDocument: EditorDocument;
  file: TrunkFile;
  document: TrunkDocument;
}

/**
 * The document a lens or palette command acts on: `(uri, index)` from a code lens, else the
 * document under the cursor of the active trunk file.
 */
export async function resolveTrunkDocument(
  { files, documents }: { files: TrunkFileServices; documents: EditorDocuments },
  uriArg: unknown,
  indexArg: unknown,
): Promise<TrunkDocumentTarget> {
  let editorDocument: EditorDocument;
  let offset: number | undefined;
  const uri = documents.uriOf(uriArg);
  if (uri !== undefined) {
    editorDocument = await documents.open(uri);
  } else {
    const active = documents.activeTrunkFile();
    if (!active) throw new Error(t('Open a trunk file (*.trunk.yaml) and put the cursor in the document to use.'));
    editorDocument = active.document;
    offset = active.cursor;
  }
  const file = files.parse(editorDocument);
  const document =
    typeof indexArg === 'number'
      ? file.documents.find((d) => d.index === indexArg)
      : (file.documents.find((d) => offset !== undefined && offset >= d.range.start.offset && offset <= d.range.end.offset) ?? (file.documents.length === 1 ? file.documents[0] : undefined));
  if (!document) throw new Error(t('No trunk document at the cursor in {0}.', documents.displayPath(editorDocument.uri)));
  return { editorDocument, file, document };
}

/** The editor document as Pull writes into it (one edit: Undo reverts it). */
export function pullTargetOf(documents: EditorDocuments, { editorDocument, document }: TrunkDocumentTarget): PullTarget {
  return {
    document,
    text: () => editorDocument.getText(),
    version: () => editorDocument.version,
    applyEdits: (edits) => documents.applyEdits(editorDocument, edits),
  };
}
