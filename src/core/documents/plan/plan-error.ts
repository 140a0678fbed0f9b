import type { YamlPath } from '../file/yaml-node-lookup';

/** A reason a document cannot be pushed as it is, pointing at the value concerned. */
export interface PlanError {
  message: string;
  /** Path of the value in the document, e.g. ['spec', 'phone_numbers', 2]. */
  path: YamlPath;
  /** Offsets of that value in the file text, when it could be located. */
  offsets?: [number, number] | undefined;
}

/** What planning one kind of document produced, before it becomes a DocumentPlan. */
export interface KindPlan<Op> {
  operations: Op[];
  errors: PlanError[];
  warnings: string[];
}
