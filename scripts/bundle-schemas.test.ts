import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
// @ts-expect-error: a plain .mjs build script, without types
import { BUNDLED, bundledFiles } from './bundle-schemas.mjs';

const bundledDir = new URL('../schemas/bundled/', import.meta.url);
const files = bundledFiles() as Record<string, string>;

/** Every `$ref` in a schema. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (k === '$ref' && typeof v === 'string') out.push(v); else refs(v, out);
  }
  return out;
}

describe('bundled schemas (schemas/bundled/, for editors)', () => {
  for (const name of BUNDLED as string[]) {
    it(`${name} is up to date with schemas/ (else: node scripts/bundle-schemas.mjs)`, () => {
      expect(readFileSync(fileURLToPath(new URL(name, bundledDir)), 'utf8')).toBe(files[name]);
    });

    it(`${name} is self-contained: every $ref points inside the file, and ajv compiles it alone`, () => {
      const schema = JSON.parse(files[name]!);
      for (const ref of refs(schema)) {
        expect(ref.startsWith('#/$defs/')).toBe(true);
        expect(schema.$defs).toHaveProperty(ref.slice('#/$defs/'.length));
      }
      const ajv = new Ajv2020({ strict: false, discriminator: true });
      expect(() => ajv.compile(schema)).not.toThrow();
    });
  }

  it('the bundled extension schema accepts the example extensions and refuses an error-level check', () => {
    const ajv = new Ajv2020({ strict: false, discriminator: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(files['extension.schema.json']!));
    for (const example of ['rennes-2026.json', 'lorient-agglo-2026.json']) {
      const ext = JSON.parse(readFileSync(fileURLToPath(new URL(`../examples/extensions/${example}`, import.meta.url)), 'utf8'));
      expect(validate(ext), JSON.stringify(validate.errors)).toBe(true);
      ext.checks = [{ ...ext.checks?.[0], id: 'x.y', level: 'error', when: { '==': [1, 1] }, message: { fr: 'x' }, questions: ['x.y'] }];
      expect(validate(ext)).toBe(false);
    }
  });
});
