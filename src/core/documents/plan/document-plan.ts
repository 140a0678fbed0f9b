import type { PlanError } from './plan-error';
import type { PlanOperation } from './plan-operations';
import type { RemoteFingerprint } from '../sync/remote-fingerprint';
import type { RemoteState, RemoteTarget } from './remote-state';
import type { TrunkKind } from '../file/trunk-kinds';
import type { DocumentKey } from '../references/document-reference';
import type { PendingCreateKey } from '../sync/sync-state';

/** What Push would do to one document's resource. No operations: in sync. */
export interface DocumentPlan {
  uri: string;
  /** The document's index in its file (TrunkDocument.index): write-back and sync state take it. */
  index: number;
  kind: TrunkKind;
  account: string;
  /** The resource's sid when planned; undefined when the plan creates it. */
  sid: string | undefined;
  /** e.g. `Twilio trunk "Acme main"`, for previews and summaries. */
  title: string;
  /** In the order they will be applied. */
  operations: PlanOperation[];
  /** Worth reading before applying; nothing stops on them (e.g. a same-named trunk group exists). */
  warnings: string[];
  /** The remote version planned against; undefined when creating. */
  remoteFingerprint: RemoteFingerprint | undefined;
  /**
   * Set when the remote changed since the document was last pushed or pulled and the plan
   * would overwrite it: applying refuses unless the caller passes `overwrite: true`.
   */
  remoteChanged: { fields: string[] } | undefined;
  /** What fetching needs to read the resource again after applying. */
  target: RemoteTarget;
  /** The resource as it was planned against (the call-readiness checks read it); undefined when creating. */
  remote?: RemoteState | undefined;
  /**
   * Documents of the same push that this one names (references/): applied first. Those not
   * created yet must be created before an operation of this plan can send their sid.
   */
  dependsOn?: DocumentKey[] | undefined;
  /**
   * Journaled creates of interrupted pushes that were this document's (plan-documents.ts): the
   * apply forgets them once the document has its sid.
   */
  journaled?: PendingCreateKey[] | undefined;
}

export type PlanRefusalReason = 'invalid' | 'remote-missing' | 'plan-errors' | 'unavailable';

/** Why a document was not planned, for the UI to show as it is. */
export interface PlanRefusal {
  uri: string;
  index: number;
  kind: TrunkKind | undefined;
  account: string | undefined;
  sid: string | undefined;
  title: string;
  reason: PlanRefusalReason;
  /** One sentence saying what is wrong and what to do. */
  message: string;
  /** For `plan-errors`: each problem, with where it is in the file. */
  errors: PlanError[];
  /** For `unavailable`: what failed (often a ProviderError). */
  cause?: unknown;
}

export type PlanOutcome = { status: 'planned'; plan: DocumentPlan } | { status: 'refused'; refusal: PlanRefusal };
