import type { TextEdit } from '../core/documents/edit/text-edit';

/** A text document open in the editor, as a command sees it: no editor types, so flows run in unit tests. */
export interface EditorDocument {
  /** The document's URI as a string (e.g. `file:///w/main.trunk.yaml`, `untitled:Untitled-1`). */
  readonly uri: string;
  /** Changes on every edit: a command never writes over an edit made while it waited. */
  readonly version: number;
  /** Has unsaved changes. */
  readonly isDirty: boolean;
  getText(): string;
}

/** The trunk file in the active editor and where its cursor is. */
export interface ActiveTrunkFile {
  readonly document: EditorDocument;
  /** The cursor's offset in the text. */
  readonly cursor: number;
}

/**
 * What the document commands (Push, Diff, Pull, …) do to the editor's documents. Backed by
 * vscode.workspace and vscode.window in the extension and by an in-memory store in tests.
 */
export interface EditorDocuments {
  /** The URI string of a command argument that names a document or folder (a URI or its string); undefined otherwise. */
  uriOf(arg: unknown): string | undefined;
  /** Opens (loads) a document without showing it. */
  open(uri: string): Promise<EditorDocument>;
  /** The trunk file in the active editor, if any. */
  activeTrunkFile(): ActiveTrunkFile | undefined;
  /** The trunk files open in the editor. */
  openTrunkFiles(): EditorDocument[];
  /** The URIs of the workspace's trunk files (or those under `folder`), sorted by path. */
  findTrunkFiles(folder?: string): Promise<string[]>;
  /** Applies core text edits (offsets) as one edit: Undo reverts it. */
  applyEdits(document: EditorDocument, edits: readonly TextEdit[]): Promise<void>;
  save(document: EditorDocument): Promise<void>;
  /** How a URI is shown to the user: relative to the workspace. */
  displayPath(uri: string): string;
  /** A read-only document with this text, named like `name` (the remote side of a Diff); returns its URI. */
  putReadOnly(name: string, text: string): string;
  /** Opens a diff editor: `left` read-only, `right` as it is. */
  showDiff(left: string, right: string, title: string): Promise<void>;
  /** Opens a new untitled document with this language and text in an editor; returns its URI. */
  openUntitled(language: string, content: string): Promise<string>;
  /** Shows a document in an editor. */
  show(uri: string): Promise<void>;
}
