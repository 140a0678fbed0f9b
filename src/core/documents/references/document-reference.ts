import type { TrunkKind } from '../file/trunk-kinds';

// What a reference between documents is, once read and once resolved. Types only: kind
// descriptors, planners and the generic code that resolves references all name them, so this
// file imports nothing that could lead back to them.

/**
 * A spec field that names another resource of the account : by its sid, or by the
 * name its kind's `identity.nameOf` gives (friendly_name), resolved among the account's
 * resources and the workspace's documents of `kind`. ARCHITECTURE.md "References between documents".
 */
export interface KindReference {
  /** The spec key that holds it. */
  field: string;
  /** The key holds a list, each entry a reference; otherwise the key's one value. */
  list: boolean;
  /** The kind of the resource it names (a kind with `referable`). */
  kind: TrunkKind;
}

/** A document of the workspace, as plans and sync state key it. */
export interface DocumentKey {
  uri: string;
  /** TrunkDocument.index */
  index: number;
}

/** A resource of the account that documents may name, as its kind's `referable.list` gives it. */
export interface ReferableResource {
  sid: string;
  name: string | null;
}

/** A document of the workspace that defines a resource others may name. */
export interface ReferableDocument extends DocumentKey {
  kind: TrunkKind;
  account: string;
  /** Absent: not created yet (Push creates it). */
  sid: string | undefined;
  name: string | undefined;
  /** The document's spec (for hover), when it is valid. */
  spec: Readonly<Record<string, unknown>> | undefined;
}

/** One resource a reference may mean: an account's resource, a document's, or both (a document with its sid). */
export interface ReferenceCandidate {
  sid: string | undefined;
  name: string | null;
  /** The document that defines it, when the workspace has one. */
  document?: ReferableDocument | undefined;
}

/**
 * A reference resolved to one resource. `sid` is undefined when the resource is a document
 * of the workspace not created yet: the push creates that document first and the operation
 * that needs the sid asks for it then (OperationRun.referenced).
 */
export interface ResolvedReference {
  kind: TrunkKind;
  /** What the file says: a sid or a name. */
  value: string;
  sid: string | undefined;
  /** The resource's name, when known (for previews). */
  name: string | null;
  /** The document that defines it, when the workspace has one. */
  document?: DocumentKey | undefined;
}

export type ReferenceResolution =
  | { status: 'resolved'; reference: ResolvedReference }
  /** No resource of the kind has this name; `names`: the names there are (for the message and completion). */
  | { status: 'unknown'; kind: TrunkKind; value: string; names: string[] }
  /** Several resources have this name: use the sid of the one meant. */
  | { status: 'ambiguous'; kind: TrunkKind; value: string; candidates: ReferenceCandidate[] };

/** Resolves references of one account (plan context, assist): see account-references.ts. */
export interface ReferenceResolver {
  readonly account: string;
  resolve(kind: TrunkKind, value: string): ReferenceResolution;
  /** Every resource of the kind the account and the workspace have (completion). */
  candidates(kind: TrunkKind): ReferenceCandidate[];
  /** What is wrong with a reference that did not resolve, and what to do. */
  problem(resolution: Exclude<ReferenceResolution, { status: 'resolved' }>): string;
}
