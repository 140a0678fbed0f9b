// The trunk-file engine as the validate probe loads it: a bundle of its own, so that the probe
// can time loading it apart from the first validation (see validate-probe.ts).
export { parseTrunkFile } from '../src/core/documents/file/parse-trunk-file';
export { WorkspaceIndex } from '../src/core/documents/validate/workspace-index';
