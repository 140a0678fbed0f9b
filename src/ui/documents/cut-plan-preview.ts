import { t } from '../l10n';

/** A confirmation stays readable: longer plans are cut there and written whole to the log. */
const MAX_PREVIEW_LINES = 40;

/** The lines of a plan a confirmation shows: the first 40, then how many more the log has. */
export function cutPlanPreview(lines: readonly string[]): string[] {
  return lines.length > MAX_PREVIEW_LINES ? [...lines.slice(0, MAX_PREVIEW_LINES), t('… {0} more lines in the log', lines.length - MAX_PREVIEW_LINES)] : [...lines];
}
