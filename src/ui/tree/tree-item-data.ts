/** A tree item as plain data: nodes build it without the editor, the view turns it into a vscode.TreeItem. */
export interface TreeItemData {
  /** Stable across refreshes, so expansion and selection survive them. */
  id: string;
  label: string;
  description?: string | undefined;
  /** Markdown. */
  tooltip?: string | undefined;
  /**
   * What the node can do, e.g. `trunkline:trunk.twilio.editable.deletable.console`; menus
   * match it with regular expressions.
   */
  contextValue: string;
  /** A codicon id and optional theme color id. */
  icon?: { id: string; color?: string | undefined } | undefined;
  collapsible: 'none' | 'collapsed' | 'expanded';
  command?: { id: string; title: string; arguments?: unknown[] } | undefined;
}
