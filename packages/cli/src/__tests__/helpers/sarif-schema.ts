import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

/**
 * The official SARIF 2.1.0 JSON schema, as Microsoft's SARIF Multitool ships it (the npm package
 * @microsoft/sarif-multitool installs one platform package, each holding `sarif-2.1.0.json`; it is
 * a JSON Schema 2020-12 document).
 */
export function sarifSchemaPath(): string {
  for (const platform of ['linux', 'darwin', 'win32']) {
    try {
      return require.resolve(`@microsoft/sarif-multitool-${platform}/sarif-2.1.0.json`);
    } catch {
      // not installed on this platform; try the next
    }
  }
  throw new Error('The SARIF 2.1.0 schema was not found: is @microsoft/sarif-multitool installed?');
}

let validator: ValidateFunction | undefined;

/** Validates a SARIF log against the schema, with formats (uri, date-time, uuid) checked too. */
export function validateSarif(log: unknown): { valid: boolean; errors: string } {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(sarifSchemaPath(), 'utf8')) as object);
  }
  const valid = validator(log);
  return { valid, errors: JSON.stringify(validator.errors ?? [], null, 2) };
}
