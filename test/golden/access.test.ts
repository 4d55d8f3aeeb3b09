// Golden files for the four `access` renderings, from the state files and from a live
// read (with grants the files do not manage). `UPDATE_GOLDEN=1 npx vitest run test/golden`
// rewrites them; review the diff before committing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AccessReport, AccessRow, AccessSource } from '../../src/access/types.js';
import { ACCESS_FORMATS, renderAccess } from '../../src/cli/commands/access.js';
import {
  expiringAccessRows,
  filesAccessRows,
  filesApplicationReport,
  GOLDEN_NOW,
  liveAccessRows,
  liveApplicationReport,
} from './access-rows.js';

const here = dirname(fileURLToPath(import.meta.url));
const EXTENSION = { text: 'txt', markdown: 'md', csv: 'csv', json: 'json' } as const;

function expectGolden(name: string, actual: string): void {
  const file = join(here, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`${file} is missing; run UPDATE_GOLDEN=1 npx vitest run test/golden`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe.each([
  ['files', 'files', filesAccessRows],
  ['live', 'live', liveAccessRows],
  ['expiring', 'files', expiringAccessRows],
] as [string, AccessSource, () => AccessRow[]][])('golden: access %s', (name, source, rows) => {
  it.each(ACCESS_FORMATS)('renders %s', (format) => {
    expectGolden(`access-${name}.${EXTENSION[format]}`, renderAccess(rows(), source, format, GOLDEN_NOW));
  });

  it('renders JSON that reads back as the rows, in the documented shape', () => {
    const doc = JSON.parse(renderAccess(rows(), source, 'json', GOLDEN_NOW)) as { version: number; source: string; rows: AccessRow[] };
    expect(doc.version).toBe(1);
    expect(doc.source).toBe(source);
    expect(doc.rows).toEqual(rows());
  });
});

// Application rows beside the account rows: text and markdown add a section, JSON the
// `applications` list, and the CSV is the application CSV (`access --applications`).
describe.each([
  ['files', 'files', filesApplicationReport],
  ['live', 'live', liveApplicationReport],
] as [string, AccessSource, () => AccessReport][])('golden: access with applications %s', (name, source, report) => {
  it.each(ACCESS_FORMATS)('renders %s', (format) => {
    const { rows, applications } = report();
    expectGolden(`access-applications-${name}.${EXTENSION[format]}`, renderAccess(rows, source, format, GOLDEN_NOW, { applications, csv: 'applications' }));
  });

  it('renders JSON with the account rows unchanged and the application rows beside them', () => {
    const { rows, applications } = report();
    const doc = JSON.parse(renderAccess(rows, source, 'json', GOLDEN_NOW, { applications })) as { version: number } & AccessReport;
    expect(doc.version).toBe(1);
    expect(doc.rows).toEqual(rows);
    expect(doc.applications).toEqual(applications);
    expect(renderAccess(rows, source, 'csv', GOLDEN_NOW, { applications })).toBe(renderAccess(rows, source, 'csv', GOLDEN_NOW));
  });
});

describe('access renderings with no row', () => {
  it.each(ACCESS_FORMATS)('%s says so, and CSV still has its header', (format) => {
    const out = renderAccess([], 'files', format, GOLDEN_NOW);
    if (format === 'csv') expect(out).toBe('userName,displayName,email,status,accountId,accountName,permissionSet,via,expiresAt\r\n');
    else if (format === 'json') expect(JSON.parse(out)).toEqual({ version: 1, source: 'files', rows: [], applications: [] });
    else expect(out).toMatch(/No access matches|0 people on 0 accounts/);
  });
});
