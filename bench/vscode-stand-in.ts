// A minimal stand-in for the `vscode` module, for timing bundle load + activate() under plain
// node (activation-probe.ts resolves `vscode` to this file). It implements what activation
// touches with the cheapest behaviour that keeps activate() on its real path; anything else is
// answered by an inert stub (the probe wraps this module so that every missing export is one)
// and recorded in `touchedStubs`, so a benchmark can say when activate() started using more of
// the API.

/** API members activate() reached that this stand-in does not implement. */
export const touchedStubs = new Set<string>();

/**
 * When activation reached the moments the probe times (performance.now()): every language
 * feature registered, the first diagnostics published, and the tree view's data provider.
 */
export const marks = {
  registrations: [] as number[],
  firstDiagnostics: undefined as number | undefined,
  treeDataProvider: undefined as { getChildren(element?: unknown): Promise<unknown[]> | unknown[]; getTreeItem(element: unknown): unknown } | undefined,
};
const registered = () => {
  marks.registrations.push(performance.now());
  return new Disposable();
};

type Listener = (value: unknown) => void;

export class Disposable {
  constructor(private readonly onDispose: () => void = () => {}) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private readonly listeners = new Set<Listener>();
  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.add(listener as Listener);
    return new Disposable(() => this.listeners.delete(listener as Listener));
  };
  fire(value: T): void {
    for (const l of this.listeners) l(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

/**
 * An inert value for an API member this file does not implement: callable, constructible,
 * every property another stub. Only the member itself is recorded, not what is done with it.
 */
export function stub(name: string, record = true): unknown {
  if (record) touchedStubs.add(name);
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get: (_, prop) => {
      if (prop === 'then') return undefined; // not a thenable: `await stub` must not hang
      if (prop === 'dispose') return () => {};
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === Symbol.iterator) return function* () {};
      return stub(`${name}.${String(prop)}`, false);
    },
    apply: () => stub(`${name}()`, false),
    construct: () => stub(`new ${name}`, false) as object,
  });
}

/** A namespace with the given members; any other member becomes a recorded stub. */
function namespace(name: string, members: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(members, {
    get: (target, prop) => (prop in target || typeof prop === 'symbol' ? target[prop as string] : stub(`${name}.${String(prop)}`)),
  });
}

const noEvent = (): Disposable => new Disposable();
const resolved = <T>(value: T) => (): Promise<T> => Promise.resolve(value);

const configuration = { get: <T>(_key: string, fallback?: T) => fallback, has: () => false, inspect: () => undefined, update: resolved(undefined) };

const logChannel = () =>
  namespace('LogOutputChannel', {
    name: 'Trunkline',
    logLevel: 2,
    onDidChangeLogLevel: noEvent,
    trace() {},
    debug() {},
    info() {},
    warn() {},
    error() {},
    append() {},
    appendLine() {},
    replace() {},
    clear() {},
    show() {},
    hide() {},
    dispose() {},
  });

export const version = '1.90.0';
export const ExtensionMode = { Production: 1, Development: 2, Test: 3 };
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
/** What the explorer builds for each row (the editor's own classes hold their fields the same way). */
export class TreeItem {
  id?: string;
  description?: string;
  contextValue?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  command?: unknown;
  constructor(
    public label: string,
    public collapsibleState = 0,
  ) {}
}
export class MarkdownString {
  constructor(public value = '') {}
}
export class ThemeColor {
  constructor(public id: string) {}
}
export class ThemeIcon {
  constructor(
    public id: string,
    public color?: ThemeColor,
  ) {}
}
export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 };
export const CompletionItemKind = { Text: 0, Property: 9, Value: 11, Reference: 17, EnumMember: 19, Snippet: 14 };
export const CodeActionKind = { QuickFix: { value: 'quickfix' }, Refactor: { value: 'refactor' } };

export const l10n = namespace('l10n', {
  t: (message: string | { message: string; args?: unknown[] }, ...args: unknown[]) => {
    const text = typeof message === 'string' ? message : message.message;
    const values = typeof message === 'string' ? args : (message.args ?? []);
    return text.replace(/\{(\d+)\}/g, (whole, i: string) => (values[Number(i)] !== undefined ? String(values[Number(i)]) : whole));
  },
  bundle: undefined,
  uri: undefined,
});

const treeView = () =>
  namespace('TreeView', { dispose() {}, onDidChangeSelection: noEvent, onDidExpandElement: noEvent, onDidCollapseElement: noEvent, onDidChangeVisibility: noEvent, visible: false, selection: [] });

export const window = namespace('window', {
  createOutputChannel: logChannel,
  createTreeView: (_id: string, options: { treeDataProvider: typeof marks.treeDataProvider }) => {
    marks.treeDataProvider = options.treeDataProvider;
    return treeView();
  },
  registerTreeDataProvider: () => new Disposable(),
  withProgress: (_options: unknown, task: (progress: { report(): void }, token: unknown) => unknown) => Promise.resolve(task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: noEvent })),
  showInformationMessage: resolved(undefined),
  showWarningMessage: resolved(undefined),
  showErrorMessage: resolved(undefined),
  onDidChangeActiveTextEditor: noEvent,
  onDidChangeVisibleTextEditors: noEvent,
  activeTextEditor: undefined,
  visibleTextEditors: [],
});

export const commands = namespace('commands', {
  registerCommand: () => new Disposable(),
  executeCommand: resolved(undefined),
});

export const workspace = namespace('workspace', {
  getConfiguration: () => configuration,
  onDidChangeConfiguration: noEvent,
  onDidOpenTextDocument: noEvent,
  onDidCloseTextDocument: noEvent,
  onDidChangeTextDocument: noEvent,
  onDidSaveTextDocument: noEvent,
  onDidChangeWorkspaceFolders: noEvent,
  onDidGrantWorkspaceTrust: noEvent,
  /** The probe puts a trunk file here for the "a trunk file open" round. */
  textDocuments: [] as unknown[],
  workspaceFolders: undefined,
  isTrusted: true,
  findFiles: resolved([]),
  registerTextDocumentContentProvider: registered,
  asRelativePath: (p: string | { fsPath: string }) => (typeof p === 'string' ? p : p.fsPath),
  createFileSystemWatcher: () => namespace('FileSystemWatcher', { onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {} }),
});

export const languages = namespace('languages', {
  createDiagnosticCollection: () =>
    namespace('DiagnosticCollection', {
      set() {
        marks.firstDiagnostics ??= performance.now();
      },
      delete() {},
      clear() {},
      forEach() {},
      get: () => undefined,
      has: () => false,
      dispose() {},
    }),
  registerCompletionItemProvider: registered,
  registerHoverProvider: registered,
  registerCodeActionsProvider: registered,
  registerCodeLensProvider: registered,
  registerDocumentSymbolProvider: registered,
});

export const env = namespace('env', { language: 'en', appName: 'Visual Studio Code', uiKind: 1 });
