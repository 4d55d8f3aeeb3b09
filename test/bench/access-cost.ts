// The `access-engine` case: the access engine on a shape's organization, in a child
// process of its own (access-profile.ts) so its CPU time and peak RSS are the engine's
// and the generated data's alone. Pure computation: no sandbox, no API call. Saved as
// bench/access-engine-<shape>.json and rendered as its own section of bench/README.md,
// so measuring it never touches the other commands' results.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccessEngineProfile } from './access-profile.js';
import { describeMachine, type Machine } from './document.js';
import { runNode } from './measure.js';
import type { ShapeName } from './shapes.js';

const ACCESS_PROFILE_SCRIPT = fileURLToPath(new URL('./access-profile.js', import.meta.url));
/** The targets on L: under 2 s CPU and under 1 GiB. */
export const ACCESS_ENGINE_TARGET = { cpuSeconds: 2, peakRssMiB: 1024 };

export interface AccessEngineDocument {
  machine: Machine;
  startedAt: string;
  profile: AccessEngineProfile;
  /** The whole child process (generating the organization included). */
  process?: { cpuSeconds: number; peakRssMiB: number };
}

export async function measureAccessEngine(shape: ShapeName): Promise<AccessEngineDocument> {
  const startedAt = new Date().toISOString();
  // no AWS call is made: the target only fills the child's environment
  const run = await runNode(ACCESS_PROFILE_SCRIPT, [shape], { endpoint: 'http://127.0.0.1:9', accountId: '111111111111', toolTps: 1 });
  if (run.exitCode !== 0) throw new Error(`access-engine: ${run.stderr.trim()}`);
  return {
    machine: describeMachine(),
    startedAt,
    profile: JSON.parse(run.stdout) as AccessEngineProfile,
    ...(run.usage
      ? { process: { cpuSeconds: Number(run.usage.cpuSeconds.toFixed(2)), peakRssMiB: Number(run.usage.maxRssMiB.toFixed(0)) } }
      : {}),
  };
}

const accessFile = (dir: string, shape: string) => join(dir, `access-engine-${shape}.json`);

export function saveAccessEngine(dir: string, doc: AccessEngineDocument): string {
  mkdirSync(dir, { recursive: true });
  const file = accessFile(dir, doc.profile.shape);
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  return file;
}

export function readAccessEngineDocuments(dir: string, shapes: readonly ShapeName[]): AccessEngineDocument[] {
  return shapes
    .map((shape) => accessFile(dir, shape))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as AccessEngineDocument);
}

const n = (x: number) => x.toLocaleString('en-US');
const s = (x: number) => String(Number(x.toFixed(2)));

export function renderAccessEngine(docs: readonly AccessEngineDocument[]): string[] {
  if (docs.length === 0) return [];
  return [
    '### Access engine',
    '',
    `Effective access (one row per user, account and permission set) computed from the state files as \`sso-gitops access\` does: the assignments resolved against the organization, then the engine. Target on L: under ${ACCESS_ENGINE_TARGET.cpuSeconds} s CPU and under 1 GiB.`,
    '',
    '| shape | users | memberships | assignments (expanded) | rows | resolve s CPU | engine s CPU | engine wall s | peak RSS MiB | run |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...docs.map(({ profile: p, machine, startedAt }) =>
      [
        '',
        p.shape,
        n(p.users),
        n(p.memberships),
        n(p.assignments),
        n(p.rows),
        s(p.resolve.cpuSeconds),
        s(p.engine.cpuSeconds),
        s(p.engine.wallSeconds),
        n(Math.round(p.engine.peakRssMiB)),
        `${startedAt.slice(0, 16).replace('T', ' ')} UTC, ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`,
        '',
      ]
        .join(' | ')
        .trim(),
    ),
    '',
    'Peak RSS is the whole process at the end of the engine phase (the generated organization included).',
  ];
}
