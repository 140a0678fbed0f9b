import type { DocumentCommandContext } from '../documents/trunk-file-services';
import type { CommandDefinition } from './command';
import { diffDocument } from './diff-document';
import { newTrunkFile } from './new-trunk-file';
import { exportToFiles } from './export-to-files';
import { pullAllFields } from './pull-all-fields';
import { pullDocument } from './pull-document';
import { pushAll } from './push-all';
import { pushDocument } from './push-document';
import { refreshDocumentStatus } from './refresh-document-status';
import { showDocumentStatus } from './show-document-status';

/** The trunk-file commands: they act on documents open in the editor. */
export const DOCUMENT_COMMANDS: readonly CommandDefinition<DocumentCommandContext>[] = [
  pushDocument,
  diffDocument,
  pullDocument,
  pullAllFields,
  showDocumentStatus,
  refreshDocumentStatus,
  exportToFiles,
  pushAll,
  newTrunkFile,
];
