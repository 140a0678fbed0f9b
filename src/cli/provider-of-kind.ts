import type { TrunkKind } from '../core/documents/file/trunk-kinds';
import { documentKind } from '../core/documents/kinds/document-kinds';
import type { ProviderKind } from './cli-accounts';

/** Which provider's API a document kind is pushed to. */
export function providerOfKind(kind: TrunkKind): ProviderKind {
  return documentKind(kind).provider;
}
