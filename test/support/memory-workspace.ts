import { applyTextEdits, type TextEdit } from '../../src/core/documents/edit/text-edit';
import type { ActiveTrunkFile, EditorDocument, EditorDocuments } from '../../src/ui/editor-documents';
import type { WorkspaceFiles, WorkspaceFolder } from '../../src/ui/workspace-files';

/** A document open in the memory editor: its text, a version per edit, and whether it is saved. */
export class MemoryDocument implements EditorDocument {
  version = 1;
  isDirty = false;
  constructor(
    readonly uri: string,
    public text: string,
  ) {}
  getText(): string {
    return this.text;
  }
}

const TRUNK_FILE = /\.trunk\.ya?ml$/i;

/**
 * The editor and the workspace's files in memory, for command unit tests: files on "disk",
 * documents opened from them (edits bump the version and leave them dirty until saved), a
 * workspace folder, and a record of what a command showed (editors, diffs).
 */
export class MemoryWorkspace implements EditorDocuments, WorkspaceFiles {
  /** The files on disk, by URI. */
  readonly disk = new Map<string, string>();
  readonly directories = new Set<string>();
  /** Documents open in the editor, by URI. */
  readonly openDocuments = new Map<string, MemoryDocument>();
  /** Read-only documents (the remote side of a Diff), by URI. */
  readonly readOnly = new Map<string, string>();
  readonly diffs: { left: string; right: string; title: string }[] = [];
  /** The URIs shown in an editor, in order. */
  readonly shown: string[] = [];
  /** The trunk file and cursor of the active editor. */
  active: ActiveTrunkFile | undefined;
  private untitled = 0;
  private readOnlyCount = 0;

  /** `root` is the workspace folder's URI (e.g. file:///work); undefined = no folder open. */
  constructor(readonly root: string | undefined) {
    if (root) this.directories.add(root);
  }

  /** Writes a file to disk (creating its folder); returns its URI. */
  writeDisk(relative: string, text: string): string {
    const uri = `${this.root}/${relative}`;
    this.disk.set(uri, text);
    this.directories.add(uri.slice(0, uri.lastIndexOf('/')));
    return uri;
  }

  /** What a user sees of a file: the editor's text when open, else the disk's. */
  textOf(uri: string): string | undefined {
    return this.openDocuments.get(uri)?.text ?? this.disk.get(uri);
  }

  /** Types into an open document the way the editor does (a new version, unsaved). */
  async type(uri: string, edits: readonly TextEdit[]): Promise<void> {
    await this.applyEdits(await this.open(uri), edits);
  }

  uriOf(arg: unknown): string | undefined {
    return typeof arg === 'string' ? arg : undefined;
  }

  async open(uri: string): Promise<MemoryDocument> {
    const open = this.openDocuments.get(uri);
    if (open) return open;
    const text = this.disk.get(uri);
    if (text === undefined) throw new Error(`cannot open ${uri}: no such file`);
    const document = new MemoryDocument(uri, text);
    this.openDocuments.set(uri, document);
    return document;
  }

  activeTrunkFile(): ActiveTrunkFile | undefined {
    return this.active;
  }

  openTrunkFiles(): EditorDocument[] {
    return [...this.openDocuments.values()].filter((d) => TRUNK_FILE.test(d.uri) || d.uri.startsWith('untitled:'));
  }

  async findTrunkFiles(folder?: string): Promise<string[]> {
    const under = folder ?? this.root;
    return [...this.disk.keys()].filter((uri) => TRUNK_FILE.test(uri) && (!under || uri.startsWith(`${under}/`))).sort();
  }

  async applyEdits(document: EditorDocument, edits: readonly TextEdit[]): Promise<void> {
    if (edits.length === 0) return;
    const open = this.openDocuments.get(document.uri);
    if (!open) throw new Error(`${document.uri} is not open`);
    // The editor applies an edit asynchronously: edits computed from the same text can race.
    await new Promise((resolve) => setImmediate(resolve));
    open.text = applyTextEdits(open.text, edits);
    open.version++;
    open.isDirty = true;
  }

  async save(document: EditorDocument): Promise<void> {
    const open = this.openDocuments.get(document.uri);
    if (!open) throw new Error(`${document.uri} is not open`);
    this.disk.set(open.uri, open.text);
    open.isDirty = false;
  }

  displayPath(uri: string): string {
    return this.root && uri.startsWith(`${this.root}/`) ? uri.slice(this.root.length + 1) : uri;
  }

  putReadOnly(name: string, text: string): string {
    const uri = `trunkline-remote:/${name}?${++this.readOnlyCount}`;
    this.readOnly.set(uri, text);
    return uri;
  }

  async showDiff(left: string, right: string, title: string): Promise<void> {
    this.diffs.push({ left, right, title });
  }

  async openUntitled(_language: string, content: string): Promise<string> {
    const document = new MemoryDocument(`untitled:Untitled-${++this.untitled}`, content);
    document.isDirty = true;
    this.openDocuments.set(document.uri, document);
    this.shown.push(document.uri);
    return document.uri;
  }

  async show(uri: string): Promise<void> {
    await this.open(uri);
    this.shown.push(uri);
  }

  folder(): WorkspaceFolder | undefined {
    return this.root ? { name: this.root.slice(this.root.lastIndexOf('/') + 1), uri: this.root } : undefined;
  }

  join(base: string, ...segments: string[]): string {
    return [base, ...segments].join('/');
  }

  async exists(uri: string): Promise<boolean> {
    return this.disk.has(uri) || this.directories.has(uri);
  }

  async createDirectory(uri: string): Promise<void> {
    for (let dir = uri; this.root && dir.length > this.root.length; dir = dir.slice(0, dir.lastIndexOf('/'))) this.directories.add(dir);
  }

  async readDirectory(uri: string): Promise<string[]> {
    if (!this.directories.has(uri)) throw new Error(`no such folder: ${uri}`);
    const names = new Set<string>();
    for (const entry of [...this.disk.keys(), ...this.directories]) {
      if (entry.startsWith(`${uri}/`)) names.add(entry.slice(uri.length + 1).split('/')[0]!);
    }
    return [...names];
  }

  async writeFile(uri: string, text: string): Promise<void> {
    if (!this.directories.has(uri.slice(0, uri.lastIndexOf('/')))) throw new Error(`no such folder for ${uri}`);
    this.disk.set(uri, text);
  }
}
