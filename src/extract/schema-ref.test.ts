import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findSchema, SCHEMA_ID, schemaRefs } from './schema-ref.js';

let scratch: string;
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh directory tree with an empty file at each of `files` (paths relative to it). */
function tree(...files: string[]): string {
  scratch = mkdtempSync(join(tmpdir(), 'sso-gitops-schema-ref-'));
  for (const f of files) {
    mkdirSync(dirname(join(scratch, f)), { recursive: true });
    writeFileSync(join(scratch, f), '{}');
  }
  mkdirSync(join(scratch, 'repo', 'identity'), { recursive: true });
  return join(scratch, 'repo', 'identity');
}

async function headerFor(dir: string, file: string): Promise<string> {
  return schemaRefs(dir, await findSchema(dir))(file);
}

describe('the $schema reference of an extracted file', () => {
  it("is the relative path to a template repository's schema/", async () => {
    const dir = tree('repo/schema/identity.schema.json');
    expect(await headerFor(dir, 'users.yaml')).toBe('../schema/identity.schema.json');
    expect(await headerFor(dir, 'permission-sets/Admin.yaml')).toBe('../../schema/identity.schema.json');
  });

  it('is the relative path to the installed package when the repository installs sso-gitops', async () => {
    const dir = tree('repo/node_modules/sso-gitops/schema/identity.schema.json');
    expect(await headerFor(dir, 'users.yaml')).toBe('../node_modules/sso-gitops/schema/identity.schema.json');
    expect(await headerFor(dir, 'permission-sets/Admin.yaml')).toBe('../../node_modules/sso-gitops/schema/identity.schema.json');
  });

  it("prefers the repository's own schema/ over the installed package's at the same level", async () => {
    const dir = tree('repo/schema/identity.schema.json', 'repo/node_modules/sso-gitops/schema/identity.schema.json');
    expect(await headerFor(dir, 'users.yaml')).toBe('../schema/identity.schema.json');
  });

  it('takes the nearest one: an installed package in the repository over a schema/ further up', async () => {
    const dir = tree('schema/identity.schema.json', 'repo/node_modules/sso-gitops/schema/identity.schema.json');
    expect(await headerFor(dir, 'users.yaml')).toBe('../node_modules/sso-gitops/schema/identity.schema.json');
  });

  it("ignores another package's schema in node_modules", async () => {
    const dir = tree('repo/node_modules/other-tool/schema/identity.schema.json');
    expect(await headerFor(dir, 'users.yaml')).toBe(SCHEMA_ID);
  });

  it("is the schema's $id when neither is found", async () => {
    const dir = tree();
    expect(await headerFor(dir, 'users.yaml')).toBe(SCHEMA_ID);
  });
});
