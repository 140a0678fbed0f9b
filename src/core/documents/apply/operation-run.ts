import type { TrunkKind } from '../file/trunk-kinds';
import type { CreateOutcome, CreateProcedure } from './reconcile-create';
import type { SyncClients } from './sync-clients';
import type { ResolvedReference } from '../references/document-reference';
import type { SecretRequest } from './secret-request';

/** What one operation did to the document's resource. */
export interface OperationEffect {
  /** The document's resource got this sid (created, found after an unknown outcome, or adopted). */
  sid?: string;
  /** The outcome was unknown and a look-up found the resource. */
  reconciled?: boolean;
}

/**
 * What a kind's operation needs to send one request the way every kind does (executeOperation
 * makes it): creates that never duplicate, deletes of what is gone that count as done, and the
 * claims that keep two documents from taking one resource.
 */
export interface OperationRun {
  account: string;
  kind: TrunkKind;
  clients: SyncClients;
  signal: AbortSignal | undefined;
  /** The document's resource sid; throws when it has not been created yet. */
  need(): string;
  /** Sends `send`; a 404 (already gone) counts as done. */
  gone(send: () => Promise<void>): Promise<OperationEffect>;
  /** A create that looks the resource up before sending it again (reconcile-create.ts). */
  create<T>(procedure: CreateProcedure<T>, journalAs?: string): Promise<CreateOutcome<T>>;
  /**
   * The create of a document's resource without unique key: one per name at a time, journaled
   * as `journalAs`, its sid claimed once known.
   */
  createDocumentResource<T>(name: string, sidOf: (item: T) => string, procedure: CreateProcedure<T>, journalAs: string | undefined): Promise<CreateOutcome<T>>;
  /** Same-named resources a lost create may have made: none that a document already owns. */
  unclaimed<T>(items: readonly T[], sidOf: (item: T) => string): T[];
  /**
   * The sid a reference names: its own, or the one its document got earlier in this push
   * (created before this one: DocumentPlan.dependsOn). Throws when that document was not created.
   */
  referenced(reference: ResolvedReference): string;
  /** A secret the caller gathered before applying (ApplyOptions.secrets); throws, saying which, when it did not. */
  secret(request: SecretRequest): string;
}
