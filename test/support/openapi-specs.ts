import * as fs from 'node:fs';
import * as path from 'node:path';

/** The providers' OpenAPI specs, in ../shared/api beside the repository (CI lays it there too). */
export function sharedApiDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '..', 'shared', 'api');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no ../shared/api beside the repository above ${__dirname}`);
  }
}

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; required?: string[] } }> };
}

/** The form parameters an operation takes, and those it requires, as the spec says. */
export function formParameters(specFile: string, pathTemplate: string, method: 'post'): { names: string[]; required: string[] } {
  const spec = JSON.parse(fs.readFileSync(path.join(sharedApiDir(), specFile), 'utf8')) as { paths: Record<string, Record<string, OpenApiOperation>> };
  const operation = spec.paths[pathTemplate]?.[method];
  if (!operation) throw new Error(`${specFile} has no ${method.toUpperCase()} ${pathTemplate}`);
  const schema = operation.requestBody?.content?.['application/x-www-form-urlencoded']?.schema ?? {};
  return { names: Object.keys(schema.properties ?? {}), required: schema.required ?? [] };
}
