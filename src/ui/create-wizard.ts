import { isProviderError } from '../core/http/provider-error';
import { isGoBack, type StepInfo } from './user-input';

/** What a step is told when it asks: where it is, whether Back is offered, and why it is asked again. */
export interface StepPrompt {
  readonly step: StepInfo;
  readonly canGoBack: boolean;
  /** The provider's (or a check's) message about this step's last answer. */
  readonly problem: string | undefined;
}

/** One question of a create wizard. It reads its earlier answer from the state and writes the new one there. */
export interface WizardStep<S> {
  /** Names the step, so a provider's complaint can be routed back to it. */
  readonly id: string;
  /** Whether the step is asked at all, e.g. no account step when the tree node gave the account. */
  readonly shown?: (state: S) => boolean;
  ask(state: S, prompt: StepPrompt): Promise<void>;
}

/** A failed create that one step's answer caused: the wizard re-opens there. */
export interface StepFailure {
  readonly stepId: string;
  readonly message: string;
}

export interface CreateWizard<S, R> {
  readonly steps: readonly WizardStep<S>[];
  /** Sends the create. */
  submit(state: S): Promise<R>;
  /** The step a failed create points at (e.g. Twilio 21248: the domain); undefined = not one step's fault. */
  stepOfFailure(error: unknown, state: S): StepFailure | undefined;
}

/**
 * Runs a create wizard: the steps in order with an honest count (skipped steps are not
 * counted), Back to the previous step, and — when the create fails because of one answer —
 * the wizard again at that step, with every answer kept and the provider's message shown
 * there, instead of losing what was typed.
 */
export async function runCreateWizard<S, R>(wizard: CreateWizard<S, R>, state: S): Promise<R> {
  let from = 0;
  let problems = new Map<string, string>();
  for (;;) {
    await askSteps(wizard.steps, state, from, problems);
    try {
      return await wizard.submit(state);
    } catch (e) {
      const failure = wizard.stepOfFailure(e, state);
      const index = failure ? wizard.steps.findIndex((s) => s.id === failure.stepId && isShown(s, state)) : -1;
      if (!failure || index < 0) throw e;
      from = index;
      problems = new Map([[failure.stepId, failure.message]]);
    }
  }
}

async function askSteps<S>(steps: readonly WizardStep<S>[], state: S, from: number, problems: Map<string, string>): Promise<void> {
  // Back from the first step asked walks to the shown steps before it.
  const history = steps.slice(0, from).flatMap((s, i) => (isShown(s, state) ? [i] : []));
  let i = from;
  while (i < steps.length) {
    const step = steps[i]!;
    if (!isShown(step, state)) {
      i++;
      continue;
    }
    const shown = steps.filter((s) => isShown(s, state));
    try {
      await step.ask(state, {
        step: { step: shown.indexOf(step) + 1, totalSteps: shown.length },
        canGoBack: history.length > 0,
        problem: problems.get(step.id),
      });
      problems.delete(step.id);
      history.push(i);
      i++;
    } catch (e) {
      if (!isGoBack(e) || history.length === 0) throw e;
      i = history.pop()!;
    }
  }
}

function isShown<S>(step: WizardStep<S>, state: S): boolean {
  return step.shown?.(state) ?? true;
}

const REFUSED_VALUE_STATUSES = new Set([400, 409, 422]);

/**
 * The step a provider's refusal points at, from the fields it names (CarrierX's field errors)
 * or its message (Twilio names the parameter in words): `steps` maps a step id to what
 * identifies its field, e.g. `{ domain_name: /domain/i }`. Only refusals of what was sent
 * (a definite 400, 409 or 422) are one step's fault; outages, lost answers, a resource gone
 * meanwhile (404) and rate limits are not.
 */
export function providerStepFailure(e: unknown, steps: Record<string, RegExp>): StepFailure | undefined {
  if (!isProviderError(e) || e.outcomeUnknown || !REFUSED_VALUE_STATUSES.has(e.status ?? 0)) return undefined;
  const message = e.toDisplayString();
  for (const [stepId, pattern] of Object.entries(steps)) {
    if (e.fieldErrors.some((f) => f.field !== null && pattern.test(f.field)) || pattern.test(e.message)) return { stepId, message };
  }
  return undefined;
}
