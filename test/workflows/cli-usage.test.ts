import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { declaredCommands, usageOf } from './cli-usage.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('declaredCommands', () => {
  it('reads the command names from the COMMANDS table of src/cli/main.ts', () => {
    expect(declaredCommands(ROOT)).toEqual(expect.arrayContaining(['validate', 'extract', 'plan', 'reconcile']));
  });
});

describe('usageOf', () => {
  it('returns the usage text a command module exports, which names the command', async () => {
    expect(await usageOf(ROOT, 'plan')).toContain('sso-gitops plan');
  });
});
