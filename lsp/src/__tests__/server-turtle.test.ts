import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompletionRequest,
  DefinitionRequest,
  HoverRequest,
  type CompletionItem,
  type Hover,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { FIXTURES, TestClient, messageOf, uriOf } from './helpers/lsp-client.js';

const workspace = join(FIXTURES, 'workspace');
const brandFile = join(workspace, '.brandsafe', 'brand.ttl');
const brandText = readFileSync(brandFile, 'utf8');

describe('brandsafe-lsp over stdio: Turtle brand files', function () {
  let client: TestClient;

  before(async function () {
    client = new TestClient({ workspaceFolder: workspace });
    await client.initialize(workspace);
  });
  after(async function () {
    await client.shutdown();
  });

  const completions = async (uri: string, line: number, character: number): Promise<string[]> => {
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    return ((result ?? []) as CompletionItem[]).map((i) => i.label);
  };

  it('publishes nothing for a valid brand file', async function () {
    const uri = await client.open(brandFile, 'turtle');
    assert.deepEqual(await client.diagnostics(uri), []);
  });

  it('reports a Turtle syntax error at the offending token', async function () {
    const text = brandText.replace('rdfs:label "Home" .', 'rdfs:label "Home" ;;; ] .');
    const uri = await client.open(join(workspace, 'broken.ttl'), 'turtle', text);
    const [diagnostic, ...rest] = await client.diagnostics(uri);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.code, 'brand-kit/turtle-syntax');
    assert.equal(diagnostic?.source, 'brandsafe');
    assert.deepEqual(diagnostic?.range, { start: { line: 15, character: 24 }, end: { line: 15, character: 25 } });
  });

  it('reports a SHACL violation at the position of the subject it concerns', async function () {
    const text = brandText.replace('bs:stability bs:volatile .', '.');
    const uri = await client.open(join(workspace, 'shacl.ttl'), 'turtle', text);
    const [diagnostic] = await client.diagnostics(uri);
    assert.equal(diagnostic?.code, 'brand-kit/shacl');
    assert.match(diagnostic ? messageOf(diagnostic) : '', /bs:stability/);
    assert.equal(diagnostic?.range.start.line, 30);
  });

  it('hovers a bs: term with its label and comment from the vocabulary', async function () {
    const uri = uriOf(brandFile);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 17, character: 24 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*Approved selector\*\*/);
    assert.match(value, /https:\/\/brandsafe\.dev\/ns#ApprovedSelector/);
    assert.match(value, /CSS selector the brand approves/);
  });

  it('completes bs: terms after the prefix and prefixes at the start of a term', async function () {
    const text = '@prefix bs: <https://brandsafe.dev/ns#> .\n<#x> a bs:Appr\n';
    const uri = await client.open(join(workspace, 'typing.ttl'), 'turtle', text);
    const terms = await completions(uri, 1, 14);
    assert.ok(terms.includes('bs:ApprovedSelector'), terms.join(' '));
    assert.ok(terms.includes('bs:stability'));
    const prefixes = await completions(uri, 1, 7);
    assert.ok(prefixes.includes('bs:') && prefixes.includes('rdfs:'), prefixes.join(' '));
  });

  it('goes to the definition of a subject described in another workspace file', async function () {
    const text = '@prefix ex: <https://fixture.example/brand#> .\n@prefix bs: <https://brandsafe.dev/ns#> .\nex:banner bs:pageType ex:home .\n';
    const uri = await client.open(join(workspace, 'elsewhere.ttl'), 'turtle', text);
    const result = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 2, character: 26 } })) as Location[];
    assert.deepEqual(
      result.filter((l) => l.uri === uriOf(brandFile)).map((l) => l.range.start.line),
      [14],
    );
  });
});
