import { errorLine } from '../core/http/provider-error';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { networkOptionsFromEnv, type NetworkOptions } from '../core/http/dispatcher-pool';
import type { Logger } from '../core/http/redacting-logger';

/**
 * Network options from the settings: `trunkline.network.proxy`, else VS Code's `http.proxy`,
 * else HTTPS_PROXY; `http.noProxy` and NO_PROXY; extra CA files from
 * `trunkline.network.caCertificates`. TLS verification itself cannot be turned off.
 */
export function readNetworkSettings(log: Logger): NetworkOptions {
  const trunkline = vscode.workspace.getConfiguration('trunkline.network');
  const http = vscode.workspace.getConfiguration('http');
  const env = networkOptionsFromEnv(process.env);
  const proxy = trunkline.get<string>('proxy') || http.get<string>('proxy') || env.proxy;
  const noProxy = [...(http.get<string[]>('noProxy') ?? []), env.noProxy].filter(Boolean).join(',');
  if (http.get<boolean>('proxyStrictSSL') === false) {
    log.warn('http.proxyStrictSSL is false; Trunkline still verifies TLS certificates. Add your proxy CA to trunkline.network.caCertificates instead.');
  }
  const extraCaCertificates: string[] = [];
  for (const file of trunkline.get<string[]>('caCertificates') ?? []) {
    try {
      extraCaCertificates.push(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      log.error(`Could not read the CA certificate file ${file} (trunkline.network.caCertificates): ${errorLine(e)}`);
    }
  }
  return { proxy: proxy || undefined, noProxy: noProxy || undefined, extraCaCertificates };
}
