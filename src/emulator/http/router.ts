/** One route: `{Name}` segments capture path parameters, optionally checked against a pattern. */
export interface RouteDefinition<H> {
  method: string;
  /** e.g. `/v1/Trunks/{TrunkSid}/PhoneNumbers/{Sid}` or `/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json` */
  template: string;
  /** A parameter that does not match its pattern makes the route not match (→ 404). */
  params?: Readonly<Record<string, RegExp>>;
  handler: H;
}

export type RouteMatch<H> =
  | { kind: 'found'; route: RouteDefinition<H>; params: Record<string, string> }
  | { kind: 'method-not-allowed'; template: string }
  | { kind: 'not-found' };

interface CompiledRoute<H> {
  definition: RouteDefinition<H>;
  regex: RegExp;
  names: string[];
}

/** A tiny path-template router: linear, exact, no wildcards. */
export class Router<H> {
  private readonly routes: CompiledRoute<H>[] = [];

  add(definition: RouteDefinition<H>): this {
    const names: string[] = [];
    const source = definition.template.replace(/\{(\w+)\}|[^{}]+/g, (part, name?: string) => {
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ definition, regex: new RegExp(`^${source}$`), names });
    return this;
  }

  addAll(definitions: readonly RouteDefinition<H>[]): this {
    for (const d of definitions) this.add(d);
    return this;
  }

  match(method: string, pathname: string): RouteMatch<H> {
    let otherMethod: string | undefined;
    for (const route of this.routes) {
      const params = this.params(route, pathname);
      if (!params) continue;
      if (route.definition.method === method) return { kind: 'found', route: route.definition, params };
      otherMethod ??= route.definition.template;
    }
    return otherMethod ? { kind: 'method-not-allowed', template: otherMethod } : { kind: 'not-found' };
  }

  private params(route: CompiledRoute<H>, pathname: string): Record<string, string> | undefined {
    const m = route.regex.exec(pathname);
    if (!m) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < route.names.length; i++) {
      const name = route.names[i] as string;
      const value = safeDecode(m[i + 1] ?? '');
      const pattern = route.definition.params?.[name];
      if (value === undefined || (pattern && !pattern.test(value))) return undefined;
      params[name] = value;
    }
    return params;
  }
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
