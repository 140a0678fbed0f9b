import * as fs from 'node:fs';
import type { PreconditionResult } from '../core/documents/apply/apply-plan';
import { setDocumentSid } from '../core/documents/edit/set-document-sid';
import { applyTextEdits } from '../core/documents/edit/text-edit';
import type { CheckedFile } from './check-trunk-files';
import { writeFileAtomic } from './write-file-atomic';

/**
 * Keeps apply honest about the files on disk: an operation is sent only while its file is still
 * the text the plan was made from (plus our own sid write-backs), and a new sid is written into
 * its document in place (one line; comments, order and the other documents untouched) only
 * after re-reading the file. Reads and writes are synchronous, so write-backs of documents of
 * one file cannot interleave.
 */
export class FileWriteBack {
  private readonly files = new Map<string, { absolute: string; text: string }>();
  /** Sids written, for the summary. */
  readonly written: { file: string; index: number; sid: string }[] = [];

  constructor(files: readonly CheckedFile[]) {
    for (const f of files) this.files.set(f.path.display, { absolute: f.path.absolute, text: f.text });
  }

  /** true while `file` is as planned; else why not (ApplyOptions.precondition). */
  unchanged(file: string): PreconditionResult {
    const entry = this.files.get(file);
    if (!entry) return true;
    let current: string;
    try {
      current = fs.readFileSync(entry.absolute, 'utf8');
    } catch (error) {
      return `${file} could not be read any more (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
    return current === entry.text || `${file} changed on disk since the plan was made`;
  }

  /** Writes `sid` into document `index` of `file`; throws (stopping that document's apply) when the file changed. */
  writeSid(file: string, index: number, sid: string): void {
    const entry = this.files.get(file);
    if (!entry) throw new Error(`${file} is not one of the planned files`);
    const check = this.unchanged(file);
    if (check !== true) throw new Error(typeof check === 'string' ? check : `${file} changed`);
    const next = applyTextEdits(entry.text, setDocumentSid(entry.text, index, sid));
    writeFileAtomic(entry.absolute, next);
    entry.text = next;
    this.written.push({ file, index, sid });
  }
}
