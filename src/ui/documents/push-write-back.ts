import type { PreconditionResult } from '../../core/documents/apply/apply-plan';
import { setDocumentSid } from '../../core/documents/edit/set-document-sid';
import type { EditorDocument, EditorDocuments } from '../editor-documents';

/**
 * The one way Push and Push All write into the files they push. A created resource's sid goes
 * into its document at once (and the file is saved when it had no unsaved changes, so the file
 * on disk names what exists); before each operation the push checks that the file is still the
 * text the plan was made from, give or take those write-backs. Write-backs into one file never
 * interleave (documents of one file are applied in parallel).
 */
export class PushWriteBack {
  private readonly byUri = new Map<string, EditorDocument>();
  /** The version each file must have: as read for the plan, then as the last write-back left it. */
  private readonly versions = new Map<string, number>();
  private readonly writes = new Map<string, Promise<void>>();

  /** `files` as read for the plan (their versions now are the expected ones). */
  constructor(
    private readonly documents: EditorDocuments,
    files: readonly EditorDocument[],
  ) {
    for (const file of files) {
      this.byUri.set(file.uri, file);
      this.versions.set(file.uri, file.version);
    }
  }

  /** The precondition of an operation on a document of `uri`: true while the file is unchanged, else `reason`. */
  unchanged(uri: string, reason: () => string): PreconditionResult {
    const file = this.byUri.get(uri);
    return !file || file.version === this.versions.get(uri) || reason();
  }

  /** Writes `sid` into document `index` of the file `uri` (after any write-back to that file still running). */
  writeSid(uri: string, index: number, sid: string): Promise<void> {
    const file = this.byUri.get(uri);
    if (!file) return Promise.reject(new Error(`${uri} was not read for this push.`));
    const write = (this.writes.get(uri) ?? Promise.resolve()).then(async () => {
      const wasDirty = file.isDirty;
      await this.documents.applyEdits(file, setDocumentSid(file.getText(), index, sid));
      if (!wasDirty) await this.documents.save(file);
      this.versions.set(uri, file.version);
    });
    this.writes.set(uri, write.catch(() => undefined));
    return write;
  }
}
