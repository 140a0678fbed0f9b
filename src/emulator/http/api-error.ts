/**
 * An error answer already in its provider's wire format. Handlers throw it; the provider
 * front end writes `status` and `body` as they are.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`HTTP ${status}`);
    this.name = 'ApiError';
  }
}
