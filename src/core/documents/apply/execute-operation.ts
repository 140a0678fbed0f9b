import { isProviderError } from '../../http/provider-error';
import { documentKind } from '../kinds/document-kinds';
import type { DocumentPlan } from '../plan/document-plan';
import type { PlanOperation } from '../plan/plan-operations';
import type { OperationEffect, OperationRun } from './operation-run';
import { createWithoutDuplicates, type CreateProcedure } from './reconcile-create';
import type { ResourceClaims } from './resource-claims';
import type { SyncClients } from './sync-clients';
import type { ResolvedReference } from '../references/document-reference';
import type { SecretRequest } from './secret-request';

export interface ExecuteOptions {
  signal?: AbortSignal | undefined;
  maxCreateAttempts?: number | undefined;
  /**
   * Journals the create of a document's resource that has no unique key (a trunk without
   * domain_name, BYOC trunk, trunk group) just before it is sent: its name and the same-named
   * resources that existed.
   */
  journalCreate?: ((name: string, before: ReadonlySet<string>) => Promise<void>) | undefined;
  /** Resources other documents own: a lost create's look-up never adopts one (see ResourceClaims). */
  claims?: ResourceClaims | undefined;
  /** Secrets the operations need (SecretRequest.key → value), in memory only. */
  secrets?: ReadonlyMap<string, string> | undefined;
}

/**
 * Sends one operation. `sid` is the document's resource (undefined until created). Deleting
 * or detaching what is already gone counts as done: a retried DELETE that the provider had
 * committed answers 404, and so does a number another operation of the push moved away.
 * What each operation sends is its kind's (DocumentKindDescriptor.operations).
 */
export async function executeOperation(op: PlanOperation, plan: DocumentPlan, sid: string | undefined, clients: SyncClients, options: ExecuteOptions = {}): Promise<OperationEffect> {
  const { signal } = options;
  const create = <T>(procedure: CreateProcedure<T>, journalAs?: string) =>
    createWithoutDuplicates(procedure, {
      signal,
      maxAttempts: options.maxCreateAttempts,
      beforeSend: journalAs !== undefined && options.journalCreate ? (before) => options.journalCreate!(journalAs, before) : undefined,
    });
  const claims = options.claims;
  /** Same-named resources a lost create may have made: none that a document already owns. */
  const unclaimed = <T>(items: readonly T[], sidOf: (item: T) => string): T[] => (claims ? items.filter((i) => !claims.has(sidOf(i))) : [...items]);
  /** A document's resource without unique key: one create per name at a time, its sid claimed once known. */
  const createDocumentResource = async <T>(name: string, sidOf: (item: T) => string, procedure: CreateProcedure<T>, journalAs: string | undefined) => {
    const run = () => create(procedure, journalAs);
    const result = claims ? await claims.oneAtATime(plan.account, plan.kind, name, run) : await run();
    claims?.add(sidOf(result.value));
    return result;
  };
  const need = (): string => {
    if (sid === undefined) throw new Error(`${op.description}: the ${plan.title} has not been created.`);
    return sid;
  };
  const gone = async (send: () => Promise<void>): Promise<OperationEffect> => {
    try {
      await send();
    } catch (error) {
      if (!(isProviderError(error) && error.isNotFound)) throw error;
    }
    return {};
  };

  const referenced = (reference: ResolvedReference): string => {
    const found = reference.sid ?? (reference.document ? claims?.documentSid(reference.document) : undefined);
    if (found === undefined) {
      const where = reference.document ? ` (${reference.document.uri}, document ${reference.document.index + 1})` : '';
      throw new Error(`${op.description}: ${JSON.stringify(reference.value)}${where} has not been created; push it first.`);
    }
    return found;
  };

  const secret = (request: SecretRequest): string => {
    const value = options.secrets?.get(request.key);
    if (value === undefined) throw new Error(`${op.description}: ${request.what} was not given (it is never read from a file; the CLI reads it from ${request.envVar}).`);
    return value;
  };

  if (op.type === 'adopt') return { sid: op.sid };
  const run: OperationRun = { account: plan.account, kind: plan.kind, clients, signal, need, gone, create, createDocumentResource, unclaimed, referenced, secret };
  const execute = documentKind(plan.kind).operations[op.type] as ((op: PlanOperation, run: OperationRun) => Promise<OperationEffect>) | undefined;
  if (!execute) throw new Error(`${op.description}: a ${plan.kind} document has no operation ${op.type}.`);
  return execute(op, run);
}
