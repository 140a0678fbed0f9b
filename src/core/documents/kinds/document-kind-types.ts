// The types of each document kind, keyed by kind. Each kinds/<kind>.ts adds its own entry:
//
//   declare module './document-kind-types' {
//     interface DocumentKindTypes { MyKind: KindTypes<MySpec, MyRemote, { remote: MyRemote }, MyOperation> }
//   }
//
// and TrunkKind, TrunkSpecByKind, RemoteByKind, RemoteStateByKind and PlanOperation are computed
// from it. An interface that the kind files extend (rather than a map computed from the
// registry's `typeof`) keeps the generic code that names these types free of any import of the
// kinds, which import it: no import cycle, even a type-only one. This file imports nothing.

/** What a kind's types are. */
export interface KindTypes<
  Spec,
  Remote,
  State extends { remote: unknown },
  Operation extends { type: string },
> {
  /** The document's `spec` as the planner receives it (only from a valid document). */
  spec: Spec;
  /** The remote side in the renderer's shape (renderSpec, renderDocument, identity.sidOf). */
  remote: Remote;
  /** What a fetch gives beyond the kind and sid. */
  state: State;
  /** The plan operations of the kind, each one provider request (without description/changes). */
  operation: Operation;
}

/** Every document kind's types, by kind: the kind files extend it (see above). */
export interface DocumentKindTypes {}
