// What adding a kind touches: its own folder (src/kinds/<kind>/) and a handful of
// registrations, each checked complete here. No stage outside src/kinds switches on a
// change's kind (each asks the kind's descriptor), and the few files that relate kinds to
// each other (what a deletion takes with it, the lock-out guard) are named below, so that a
// new one is a decision and not an accident.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/kinds/phases.js';
import { descriptorOf, KINDS } from '../../src/kinds/registry.js';
import { SAMPLE_CHANGES } from '../../src/testing/change-samples.js';
import type { Change } from '../../src/plan/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KINDS_DIR = join(ROOT, 'src/kinds');
const kindNames = Object.keys(KINDS).sort();

/**
 * The files outside a kind's folder that a new kind must edit, and why. A kind that also
 * brings new desired state and new AWS calls edits the model, the loader's schema and the
 * AWS layer too (docs/plan-format.md, "Adding a kind"), but nothing in the stages.
 */
const REGISTRATIONS = {
  'src/plan/types.ts': 'its change type joins the Change union (the plan format)',
  'schema/plan.schema.json': 'the plan file shape of each of its actions',
  'src/kinds/registry.ts': 'its descriptor is registered',
  'src/kinds/phases.ts': 'its apply phases take their place among the others',
} as const;

/** Files outside src/kinds that name particular kinds because they relate kinds to each other. */
const RELATIONS = {
  'src/plan/diff/implied.ts': 'a deleted user, group or set takes its memberships and assignments with it',
  'src/plan/safety.ts': 'the lock-out guard reads the assignments and administrator sets the plan leaves',
  'src/access/plan-access.ts': "effective access is memberships joined with assignments: the plan's changes of both move it",
  'src/plan/expiry.ts': 'expiresAt sits on group members and assignment entries: their removals carry `expired`',
  'src/access/plan-application-access.ts':
    "the use of an application is its assignments, the assigned groups' memberships and assignmentRequired: the plan's changes of each move it",
  'src/plan/scoped/restrict.ts': 'a scoped plan keeps what goes with a removed object and the creates a kept change needs',
  'src/plan/scoped/access-needs.ts': "a scoped plan's access reads follow the memberships and assignments its changes move",
} as const;

/** Files outside src/kinds that import from a kind's folder directly, and why. */
const DIRECT_IMPORTS = {
  'src/aws/write/adopted-identity.ts': "compares an adopted user on the user kind's fields (USER_FIELDS)",
  'src/plan/safety.ts': 'the lock-out guard asks the assignment kind which assignments a protect entry covers',
} as const;

const SAMPLES: Change[] = Object.values(SAMPLE_CHANGES).flatMap((byAction) => Object.values(byAction) as Change[]);

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(path, keep);
    return keep(e.name) ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

const source = filesUnder(join(ROOT, 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
/** The reconciler's stages: everything but the kinds themselves and the sandbox (which never sees a plan). */
const stages = source.filter((f) => !f.startsWith('src/kinds/') && !f.startsWith('src/sandbox/'));
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

describe('adding a kind', () => {
  it('registers every kind folder, and nothing else', () => {
    const folders = readdirSync(KINDS_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const registered = [...read('src/kinds/registry.ts').matchAll(/from '\.\/([\w-]+)\/descriptor\.js'/g)].map((m) => m[1]).sort();
    expect(registered).toEqual(folders);
    expect(folders.length).toBe(kindNames.length);
  });

  it('finds each registration complete: every kind in the Change union and in the plan schema', () => {
    const types = read('src/plan/types.ts');
    for (const kind of kindNames) expect(types).toContain(`kind: '${kind}'`);
    const schema = JSON.parse(read('schema/plan.schema.json')) as {
      definitions: Record<
        string,
        {
          properties?: Record<string, { const?: string; enum?: string[] }>;
          allOf?: { then: { $ref: string } }[];
          anyOf?: { properties: { kind: { const: string }; action: { enum: string[] } } }[];
        }
      >;
    };
    const change = schema.definitions.change ?? {};
    expect([...(change.properties?.kind?.enum ?? [])].sort()).toEqual(kindNames);
    const shapes = (change.allOf ?? []).map((b) => b.then.$ref.replace('#/definitions/', '')).sort();
    const expected = Object.values(KINDS)
      .flatMap((k) => Object.keys(k.phases).map((action) => `${k.kind}-${action}`))
      .sort();
    expect(shapes).toEqual(expected);
    for (const shape of expected) {
      const [kind, action] = shape.split('-');
      expect(schema.definitions[shape]?.properties?.kind?.const).toBe(kind);
      expect(schema.definitions[shape]?.properties?.action?.const).toBe(action);
    }
    for (const k of Object.values(KINDS)) {
      const branch = (change.anyOf ?? []).find((b) => b.properties.kind.const === k.kind);
      expect([...(branch?.properties.action.enum ?? [])].sort()).toEqual(Object.keys(k.phases).sort());
    }
  });

  it('needs no switch on a kind outside src/kinds', () => {
    const switches = stages.filter((f) => /switch\s*\(\s*[\w.]*\.kind\s*\)/.test(read(f)));
    expect(switches).toEqual([]);
  });

  it('names particular kinds outside src/kinds only where kinds relate to each other', () => {
    const literal = new RegExp(`\\.kind\\s*[!=]==\\s*'(${kindNames.join('|')})'`);
    const naming = stages.filter((f) => literal.test(read(f))).sort();
    expect(naming).toEqual(Object.keys(RELATIONS).sort());
  });

  it('reaches a kind folder from outside src/kinds only through the registry', () => {
    const direct = source.filter((f) => !f.startsWith('src/kinds/') && /from '[./]*kinds\/[\w-]+\//.test(read(f)));
    expect(direct).toEqual(Object.keys(DIRECT_IMPORTS));
  });

  it('keeps every phase in use, so the phase list is a registration and not a leftover', () => {
    const used = new Set(SAMPLES.map((c) => descriptorOf(c).phases[c.action]));
    expect(PHASES.filter((p) => !used.has(p))).toEqual([]);
  });

  it('lists registrations that exist', () => {
    for (const file of Object.keys(REGISTRATIONS)) expect(read(file).length).toBeGreaterThan(0);
  });
});
