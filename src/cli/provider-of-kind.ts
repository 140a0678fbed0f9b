import { PROVIDER_OF_KIND, type TrunkKind } from '../core/documents/file/trunk-kinds';
import type { ProviderKind } from './cli-accounts';

/** Which provider's API a document kind is pushed to. */
export function providerOfKind(kind: TrunkKind): ProviderKind {
  return PROVIDER_OF_KIND[kind];
}
