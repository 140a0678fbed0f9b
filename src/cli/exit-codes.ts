// What `trunkline` exits with; pipelines gate on these, so they never change meaning.

export const ExitCode = {
  /** Clean: no problems (validate), no changes (plan), everything applied (apply), everything written (export). */
  ok: 0,
  /** Problems in the trunk files or their plan, or something was not applied or written. */
  problems: 1,
  /** Usage, configuration, credentials, network or file-system trouble: the run itself could not be done. */
  setup: 2,
  /** `plan` only: the plan has changes to apply. */
  changesPending: 3,
  /** `drift` only: a resource changed at the provider, outside the trunk files, since the last sync. */
  drift: 4,
  /** Interrupted (Ctrl-C), as shells report SIGINT. */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
