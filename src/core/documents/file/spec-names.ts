import { isScalar } from 'yaml';
import type { TrunkDocument } from './parse-trunk-file';
import { locatePath } from './yaml-node-lookup';

const NAME_FIELDS = ['friendly_name', 'name', 'domain_name'] as const;

/**
 * The name fields a document's text gives, read from its YAML even when the document is
 * invalid (its `spec` is then undefined): a refusal is titled by the name the user wrote.
 */
export function specNamesOf(document: TrunkDocument): Partial<Record<(typeof NAME_FIELDS)[number], string>> {
  const names: Partial<Record<(typeof NAME_FIELDS)[number], string>> = {};
  for (const field of NAME_FIELDS) {
    const node = locatePath(document.yaml.contents, ['spec', field]).node;
    if (isScalar(node) && typeof node.value === 'string') names[field] = node.value;
  }
  return names;
}
