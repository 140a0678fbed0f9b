import type { Account } from '../../core/accounts/account';
import { createWithoutDuplicates } from '../../core/documents/apply/reconcile-create';
import { isProviderError } from '../../core/http/provider-error';
import { collect } from '../../core/providers/page';
import { BYOC_FRIENDLY_NAME_MAX, TARGET_PRIORITY_RANGE, TARGET_WEIGHT_RANGE } from '../../core/providers/twilio/field-names';
import type { ByocTrunk, ConnectionPolicy, ConnectionPolicyTarget } from '../../core/providers/twilio/models';
import { providerStepFailure, runCreateWizard, type StepPrompt } from '../create-wizard';
import { t } from '../l10n';
import { accountStep, soleAccount } from '../pickers/pick-account';
import { showCreated } from '../show-created';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';

/** Twilio's default priority and weight of a target (voice v1 spec text). */
const DEFAULT_PRIORITY = 10;
const DEFAULT_WEIGHT = 10;

/** What is wrong with a typed target ("sip:host[:port]", as Twilio takes it); undefined when fine. */
export function sipTargetProblem(value: string): string | undefined {
  const v = value.trim();
  if (/^sips:/i.test(v)) return t('Twilio does not support sips: for connection policy targets; use sip:, e.g. sip:sbc.example.com:5060.');
  if (!/^sip:\S+$/i.test(v)) return t('Enter a SIP URI starting with sip:, e.g. sip:sbc.example.com:5060.');
  if (v.length > 255) return t('At most {0} characters ({1} now).', 255, v.length);
  return undefined;
}

/** What is wrong with a typed whole number in [min, max]; undefined when fine. */
export function wholeNumberProblem(value: string, [min, max]: readonly [number, number]): string | undefined {
  if (!/^\d+$/.test(value.trim())) return t('Enter a whole number from {0} to {1}.', min, max);
  const n = Number(value.trim());
  return n < min || n > max ? t('Enter a whole number from {0} to {1}.', min, max) : undefined;
}

/** The steps that ask a target's friendly name, priority, weight and enabled (Add Target and Edit Target). */
export interface TargetAnswers {
  friendlyName: string | undefined;
  priority: string | undefined;
  weight: string | undefined;
  enabled: boolean | undefined;
}

export function targetSettingSteps<S extends TargetAnswers>(ctx: CommandContext, title: (a: S) => string) {
  const box = (a: S, prompt: StepPrompt) => ({ title: title(a), step: prompt.step, canGoBack: prompt.canGoBack, problem: prompt.problem });
  return [
    {
      id: 'friendly_name',
      async ask(a: S, prompt: StepPrompt) {
        a.friendlyName = await ctx.input.input({
          ...box(a, prompt),
          prompt: t('Friendly name (optional, up to {0} characters).', BYOC_FRIENDLY_NAME_MAX),
          value: a.friendlyName,
          validate: (v) => (v.length > BYOC_FRIENDLY_NAME_MAX ? t('At most {0} characters ({1} now).', BYOC_FRIENDLY_NAME_MAX, v.length) : undefined),
        });
      },
    },
    {
      id: 'priority',
      async ask(a: S, prompt: StepPrompt) {
        a.priority = (
          await ctx.input.input({
            ...box(a, prompt),
            prompt: t('Priority ({0}–{1}): Twilio sends calls to the lowest first, and to a higher one only when those fail.', ...TARGET_PRIORITY_RANGE),
            value: a.priority,
            validate: (v) => wholeNumberProblem(v, TARGET_PRIORITY_RANGE),
          })
        ).trim();
      },
    },
    {
      id: 'weight',
      async ask(a: S, prompt: StepPrompt) {
        a.weight = (
          await ctx.input.input({
            ...box(a, prompt),
            prompt: t('Weight ({0}–{1}): the share of calls among targets of the same priority; higher gets more.', ...TARGET_WEIGHT_RANGE),
            value: a.weight,
            validate: (v) => wholeNumberProblem(v, TARGET_WEIGHT_RANGE),
          })
        ).trim();
      },
    },
    {
      id: 'enabled',
      async ask(a: S, prompt: StepPrompt) {
        a.enabled = await ctx.input.pick(
          [
            { label: t('Enabled'), description: t('Twilio sends calls to it'), picked: a.enabled !== false, value: true },
            { label: t('Disabled'), description: t('kept, but Twilio sends no calls to it'), picked: a.enabled === false, value: false },
          ],
          { ...box(a, prompt), placeholder: t('Send calls to this target?') },
        );
      },
    },
  ];
}

/**
 * Which step a provider's refusal of a target's fields points at. A 404 is none of them: the
 * policy or target is gone (its message names the …/Targets path, not the field).
 */
export function targetStepOfFailure(e: unknown) {
  if (isProviderError(e) && e.status === 404) return undefined;
  return providerStepFailure(e, { friendly_name: /friendly.?name/i, priority: /priority/i, weight: /weight/i, target: /target/i });
}

interface AddTargetAnswers extends TargetAnswers {
  account: Account | undefined;
  accountGiven: boolean;
  policy: ConnectionPolicy | undefined;
  target: string | undefined;
}

/**
 * Trunkline: Add Target — a SIP address Twilio sends the calls of the policy's BYOC trunks to:
 * the address checked as it is typed, then name, priority, weight and enabled, with Back; a
 * refused create re-opens at the step it names.
 */
export const addConnectionPolicyTarget: CommandDefinition = {
  id: 'trunkline.addConnectionPolicyTarget',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Add Target');
    const from = refFromNode(node);
    const given = from?.kind === 'connectionPolicy' ? from : undefined;
    const via: ByocTrunk | undefined = given?.via;
    const account = given?.account ?? soleAccount(ctx, 'twilio');
    const answers: AddTargetAnswers = {
      account,
      accountGiven: account !== undefined,
      policy: given?.policy,
      target: undefined,
      friendlyName: undefined,
      priority: String(DEFAULT_PRIORITY),
      weight: String(DEFAULT_WEIGHT),
      enabled: true,
    };
    const titleOf = (a: AddTargetAnswers) => (a.policy ? `${title}: ${a.policy.friendly_name || a.policy.sid}` : title);
    const target = await runCreateWizard<AddTargetAnswers, ConnectionPolicyTarget>(
      {
        steps: [
          accountStep(ctx, 'twilio', title),
          {
            id: 'policy',
            shown: () => given === undefined,
            async ask(a, prompt) {
              const client = await ctx.connections.twilio(a.account!);
              a.policy = await ctx.input.pick(
                collect(client.connectionPolicies.list({ pageSize: 1000 })).then((all) =>
                  all.map((p) => ({ label: p.friendly_name || p.sid, description: p.sid, picked: p.sid === a.policy?.sid, value: p })),
                ),
                { title, placeholder: t('Choose a connection policy'), step: prompt.step, canGoBack: prompt.canGoBack, problem: prompt.problem },
              );
            },
          },
          {
            id: 'target',
            async ask(a, prompt) {
              const client = await ctx.connections.twilio(a.account!);
              const policy = a.policy!;
              a.target = (
                await ctx.input.input({
                  title: titleOf(a),
                  prompt: t('SIP address Twilio sends calls to (sip: only; sips: is not supported).'),
                  placeholder: 'sip:sbc.example.com:5060',
                  value: a.target,
                  step: prompt.step,
                  canGoBack: prompt.canGoBack,
                  problem: prompt.problem,
                  validate: sipTargetProblem,
                  // One address, one target: a second would make the policy's weights and a trunk file's targets ambiguous.
                  validateOnAccept: async (v) =>
                    (await collect(client.connectionPolicyTargets.list(policy.sid, { pageSize: 1000 }))).some((tg) => tg.target === v.trim())
                      ? t('"{0}" already has the target {1}; edit that one instead.', policy.friendly_name || policy.sid, v.trim())
                      : undefined,
                })
              ).trim();
            },
          },
          ...targetSettingSteps<AddTargetAnswers>(ctx, titleOf),
        ],
        submit: (a) =>
          ctx.workbench.withProgress(t('Adding {0} to "{1}"…', a.target!, a.policy!.friendly_name || a.policy!.sid), async (_report, signal) => {
            const client = await ctx.connections.twilio(a.account!);
            const policy = a.policy!;
            const sameTarget = async (s: AbortSignal | undefined) =>
              (await collect(client.connectionPolicyTargets.list(policy.sid, { pageSize: 1000, signal: s }))).find((tg) => tg.target === a.target);
            // The wizard may have been open for a while: a target someone added meanwhile is
            // refused at its step, not added twice (Twilio would take it again).
            if (await sameTarget(signal)) throw new TargetTaken(t('"{0}" already has the target {1}; edit that one instead.', policy.friendly_name || policy.sid, a.target!));
            // A lost answer or a 5xx: the target may exist now; it is looked up (by its SIP address) before anything is sent again.
            const { value } = await createWithoutDuplicates(
              {
                what: `target ${a.target!}`,
                create: () =>
                  client.connectionPolicyTargets.create(
                    policy.sid,
                    { target: a.target!, friendly_name: a.friendlyName || undefined, priority: Number(a.priority), weight: Number(a.weight), enabled: a.enabled },
                    { signal },
                  ),
                find: (_before, s) => sameTarget(s),
              },
              { signal },
            );
            return value;
          }),
        stepOfFailure: (e) => (e instanceof TargetTaken ? { stepId: 'target', message: e.message } : targetStepOfFailure(e)),
      },
      answers,
    );
    const policy = answers.policy!;
    const ref = { kind: 'connectionPolicyTarget' as const, account: answers.account!, policy, target, via };
    ctx.resourceChanges.fire({ account: ref.account.name, kind: 'TwilioByocTrunk', sid: via?.sid ?? policy.sid });
    await showCreated(ctx, { message: t('Added {0} to "{1}".', target.target ?? answers.target!, policy.friendly_name || policy.sid), ref, exportable: false });
    return target;
  },
};

/** The target was added to the policy while the wizard was open. */
class TargetTaken extends Error {}
