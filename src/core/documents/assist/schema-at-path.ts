import type { JsonSchema } from '../file/trunk-schemas';

/** Follows a local `#/definitions/…` reference of `root`; other references are left as they are. */
export function resolveSchema(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref?.startsWith('#/definitions/') && hops < 8; hops++) {
    const target = root.definitions?.[current.$ref.slice('#/definitions/'.length)];
    if (!target) break;
    current = target;
  }
  return current;
}

/**
 * The schema of the value at `path` (property names and array indexes) inside a document of
 * the kind whose schema is `root`; undefined where the schema allows nothing there.
 */
export function schemaAtPath(root: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let current: JsonSchema | undefined = resolveSchema(root, root);
  for (const segment of path) {
    if (!current) return undefined;
    if (typeof segment === 'number') current = current.items ? resolveSchema(root, current.items) : undefined;
    else {
      const property: JsonSchema | undefined = current.properties?.[segment];
      current = property ? resolveSchema(root, property) : undefined;
    }
  }
  return current;
}

export function schemaTypes(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}
