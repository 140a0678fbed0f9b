import { ENDPOINT_ADDRESS_DEFAULT_PORT, isEndpointHost, isSipPort } from '../core/providers/carrierx/endpoint-address-rules';
import { ENDPOINT_ADDRESS_DIRECTIONS, ENDPOINT_ADDRESS_TRANSPORTS, type EndpointAddressFields } from '../core/providers/carrierx/models';
import type { CommandContext } from './commands/command';
import { providerStepFailure, type StepFailure, type WizardStep } from './create-wizard';
import { t } from './l10n';

/** The answers about one endpoint address, as a wizard collects them. */
export interface AddressAnswers {
  ip: string | undefined;
  port: number | undefined;
  transport: (typeof ENDPOINT_ADDRESS_TRANSPORTS)[number] | undefined;
  direction: (typeof ENDPOINT_ADDRESS_DIRECTIONS)[number] | undefined;
}

/** What is wrong with a typed host (IPv4, IPv6 or a host name; no scheme or port); undefined when fine. */
export function endpointHostProblem(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return t('Enter the IP address or host name of your SIP equipment, e.g. 203.0.113.10 or sbc.example.com.');
  if (/^sips?:/i.test(text) || text.includes('/')) return t('Enter only the host, e.g. sbc.example.com: no "sip:" and no path.');
  if (!text.includes('::') && /:\d+$/.test(text) && !isEndpointHost(text)) return t('Enter the port in the next step, not after the host.');
  if (!isEndpointHost(text)) return t('"{0}" is not an IPv4 or IPv6 address or a host name.', text);
  return undefined;
}

export function sipPortProblem(value: string): string | undefined {
  return isSipPort(value.trim()) ? undefined : t('Enter a port from 1 to 65535 (SIP uses 5060, or 5061 for TLS).');
}

/**
 * The steps that ask for an address: host, port (checked as they are typed), transport and
 * direction. Direction values are offered as CarrierX names them: its documents do not say
 * which addresses it uses for which calls, so Trunkline does not pretend to know.
 */
export function endpointAddressSteps<S extends { address: AddressAnswers }>(ctx: CommandContext, title: () => string): WizardStep<S>[] {
  return [
    {
      id: 'ip',
      async ask(s, prompt) {
        s.address.ip = (
          await ctx.input.input({
            title: title(),
            prompt: t('IP address or host name where CarrierX sends the calls (your SBC or PBX).'),
            placeholder: 'sbc.example.com',
            value: s.address.ip,
            step: prompt.step,
            canGoBack: prompt.canGoBack,
            problem: prompt.problem,
            validate: endpointHostProblem,
          })
        ).trim();
      },
    },
    {
      id: 'port',
      async ask(s, prompt) {
        const typed = await ctx.input.input({
          title: title(),
          prompt: t('SIP port of {0}.', s.address.ip ?? ''),
          value: String(s.address.port ?? ENDPOINT_ADDRESS_DEFAULT_PORT),
          step: prompt.step,
          canGoBack: prompt.canGoBack,
          problem: prompt.problem,
          validate: sipPortProblem,
        });
        s.address.port = Number(typed.trim());
      },
    },
    {
      id: 'transport',
      async ask(s, prompt) {
        const current = s.address.transport ?? 'udp';
        s.address.transport = await ctx.input.pick(
          ENDPOINT_ADDRESS_TRANSPORTS.map((v) => ({ label: v, description: v === 'udp' ? t('CarrierX\'s default') : v === 'tls' ? t('encrypted signalling') : undefined, picked: v === current, value: v })),
          { title: title(), placeholder: t('Transport'), step: prompt.step, canGoBack: prompt.canGoBack, problem: prompt.problem },
        );
      },
    },
    {
      id: 'direction',
      async ask(s, prompt) {
        const current = s.address.direction ?? 'any';
        s.address.direction = await ctx.input.pick(
          ENDPOINT_ADDRESS_DIRECTIONS.map((v) => ({ label: v, description: v === 'any' ? t('CarrierX\'s default') : undefined, picked: v === current, value: v })),
          { title: title(), placeholder: t('Direction, as CarrierX names it'), step: prompt.step, canGoBack: prompt.canGoBack, problem: prompt.problem },
        );
      },
    },
  ];
}

/** The fields the answers set (the rest of an edited address is kept by the caller). */
export function addressFieldsOf(a: AddressAnswers): Pick<EndpointAddressFields, 'ip' | 'port' | 'transport' | 'direction'> {
  return { ip: a.ip!, port: a.port!, transport: a.transport!, direction: a.direction! };
}

/** The address step CarrierX's refusal points at (it names fields like `addresses.0.ip`). */
export function addressStepFailure(e: unknown, extra: Record<string, RegExp> = {}): StepFailure | undefined {
  return providerStepFailure(e, { ...extra, ip: /(^|\.)ip$/, port: /(^|\.)port$/, transport: /transport/, direction: /direction/ });
}
