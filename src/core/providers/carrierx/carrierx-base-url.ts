export const CARRIERX_PRODUCTION_BASE_URL = 'https://api.carrierx.com/core/v2';

/** The Core API v2 root: production, or `<override>/core/v2` for the emulator or a gateway. */
export function carrierXBaseUrl(override?: string): string {
  return override ? `${override.replace(/\/+$/, '')}/core/v2` : CARRIERX_PRODUCTION_BASE_URL;
}
