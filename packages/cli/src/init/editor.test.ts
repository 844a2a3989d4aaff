/**
 * The editor support a territorial developer gets, proved with VS Code's own JSON language
 * service: the extension written by `olva init` names a bundled schema in `$schema`; loading
 * that one file (no network, no resolver beyond reading it) gives completion and validation
 * inside a question of the extension.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getLanguageService, type JSONDocument, type LanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { main } from '../cli.js';

const silent = { write: () => undefined };

/** Writes a skeleton with `olva init` and returns its path and text. */
async function initExtension(): Promise<{ file: string; text: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'olva-editor-')), 'my-extension.json');
  const code = await main(['init', 'extension', '--territory', 'epci:200040293', '--out', file], { stdout: silent, stderr: silent, env: {} });
  expect(code).toBe(0);
  return { file, text: readFileSync(file, 'utf8') };
}

/** A JSON language service that knows exactly one schema: the file `$schema` points at. */
function serviceFor(file: string, text: string): { service: LanguageService; schemaUri: string; fetched: string[] } {
  const schemaPath = resolve(dirname(file), JSON.parse(text).$schema as string);
  const schemaUri = pathToFileURL(schemaPath).href;
  const fetched: string[] = [];
  const service = getLanguageService({
    // Reads the one bundled file; anything else (a urn:, an http URL) would be a failure.
    schemaRequestService: async (uri) => {
      fetched.push(uri);
      if (uri !== schemaUri) throw new Error(`the bundled schema asked for another document: ${uri}`);
      return readFileSync(schemaPath, 'utf8');
    },
    // What VS Code does with a relative `$schema`: resolve it from the document's folder.
    workspaceContext: { resolveRelativePath: (relativePath, resource) => new URL(relativePath, resource).href },
  });
  // No schema association: the document's own `$schema` line is what picks the schema.
  service.configure({ validate: true, allowComments: false });
  return { service, schemaUri, fetched };
}

function open(file: string, text: string): { doc: TextDocument; json: JSONDocument; service: LanguageService; fetched: string[] } {
  const { service, fetched } = serviceFor(file, text);
  const doc = TextDocument.create(pathToFileURL(file).href, 'json', 1, text);
  return { doc, json: service.parseJSONDocument(doc), service, fetched };
}

describe('editor support through the bundled schema (VS Code JSON language service)', () => {
  it('the skeleton of olva init validates cleanly against the schema its $schema names', async () => {
    const { file, text } = await initExtension();
    // Written outside the repository: the bundled schema copied beside it.
    expect(JSON.parse(text).$schema).toBe('./.olva/extension.schema.json');
    const { doc, json, service, fetched } = open(file, text);
    const diagnostics = await service.doValidation(doc, json);
    expect(diagnostics.map((d) => d.message)).toEqual([]);
    expect(fetched.length).toBe(1);
  });

  it('completes the property names of a question inside the extension', async () => {
    const { file, text } = await initExtension();
    // A new, empty question in the extension's section: the cursor inside its braces.
    const marker = '"items": [\n';
    const at = text.indexOf(marker, text.indexOf('"sections"')) + marker.length;
    const edited = `${text.slice(0, at)}        {  },\n${text.slice(at)}`;
    const { doc, json, service } = open(file, edited);
    const completion = await service.doComplete(doc, doc.positionAt(at + '        { '.length), json);
    const labels = completion!.items.map((i) => i.label);
    for (const name of ['id', 'type', 'label', 'choices', 'visibleWhen', 'rows']) expect(labels).toContain(name);
  });

  it('completes the question types as values of "type" in a new question', async () => {
    const { file, text } = await initExtension();
    const marker = '"items": [\n';
    const at = text.indexOf(marker, text.indexOf('"sections"')) + marker.length;
    const edited = `${text.slice(0, at)}        { "type": "" },\n${text.slice(at)}`;
    const { doc, json, service } = open(file, edited);
    const completion = await service.doComplete(doc, doc.positionAt(at + '        { "type": "'.length), json);
    const labels = completion!.items.map((i) => i.label.replace(/"/g, ''));
    for (const type of ['single', 'multiple', 'matrix', 'scale', 'boolean', 'text', 'commune']) expect(labels).toContain(type);
  });

  it('reports a wrong question type and a missing label inside a question, where they are', async () => {
    const { file, text } = await initExtension();
    const edited = text.replace('"type": "integer"', '"type": "number"');
    const { doc, json, service } = open(file, edited);
    const diagnostics = await service.doValidation(doc, json);
    expect(diagnostics.length).toBeGreaterThan(0);
    const line = doc.positionAt(edited.indexOf('"type": "number"')).line;
    // The problem is placed on the question (VS Code underlines it), not on the document's top.
    expect(diagnostics.some((d) => d.range.start.line >= line - 3 && d.range.start.line <= line + 1)).toBe(true);
    expect(diagnostics.every((d) => d.range.start.line > 0)).toBe(true);
  });

  it('reports an extension check at level "error" (the schema allows warnings only)', async () => {
    const { file, text } = await initExtension();
    const edited = text.replace('"level": "warning"', '"level": "error"');
    const { doc, json, service } = open(file, edited);
    const diagnostics = await service.doValidation(doc, json);
    const line = doc.positionAt(edited.indexOf('"level": "error"')).line;
    expect(diagnostics.some((d) => d.range.start.line === line)).toBe(true);
  });

  it('the source schema (not bundled) is what VS Code could not use: its urn: $ref does not load', async () => {
    const { file, text } = await initExtension();
    const source = fileURLToPath(new URL('../../../../schemas/extension.schema.json', import.meta.url));
    const edited = text.replace(/"\$schema": "[^"]*"/, `"$schema": ${JSON.stringify(pathToFileURL(source).href)}`).replace('"type": "integer"', '"type": "number"');
    const service = getLanguageService({
      schemaRequestService: async (uri) => {
        if (!uri.startsWith('file:')) throw new Error(`cannot load ${uri}`);
        return readFileSync(new URL(uri), 'utf8');
      },
    });
    service.configure({ validate: true });
    const doc = TextDocument.create(pathToFileURL(file).href, 'json', 1, edited);
    const messages = (await service.doValidation(doc, service.parseJSONDocument(doc))).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
    expect(messages.some((m) => m.includes('urn:olva:schema:questionnaire:1'))).toBe(true);
  });

  it('the core and the example extensions name a bundled schema, and the editor finds nothing wrong in them', async () => {
    const root = new URL('../../../../', import.meta.url);
    for (const path of ['packages/core-questionnaire/olva-core.json', 'examples/extensions/rennes-2026.json', 'examples/extensions/lorient-agglo-2026.json']) {
      const file = fileURLToPath(new URL(path, root));
      const text = readFileSync(file, 'utf8');
      expect(JSON.parse(text).$schema, path).toMatch(/^\.\.\/\.\.\/schemas\/bundled\/(questionnaire|extension)\.schema\.json$/);
      const { doc, json, service, fetched } = open(file, text);
      expect((await service.doValidation(doc, json)).map((d) => d.message), path).toEqual([]);
      expect(fetched.length, path).toBe(1);
    }
  });
});
