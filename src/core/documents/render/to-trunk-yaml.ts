import { Document, isMap, isScalar, isSeq, visit } from 'yaml';

/**
 * YAML text of a value styled as trunk files are written: `recording` and each origination
 * URL, small fixed records, in flow style; everything else in block style.
 */
export function toTrunkYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      if (pair.key.value === 'recording' && isMap(pair.value)) pair.value.flow = true;
      if (pair.key.value === 'origination_urls' && isSeq(pair.value)) for (const item of pair.value.items) if (isMap(item)) item.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
