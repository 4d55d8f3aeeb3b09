// A desired state from one YAML text, through the ordinary loader (for tests that compare
// two versions of the files, as `--changed-since` does).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadState } from '../../src/load/load.js';
import type { DesiredState } from '../../src/model/types.js';

export async function loadStateFromYaml(yaml: string): Promise<DesiredState> {
  const d = await mkdtemp(join(tmpdir(), 'sso-gitops-state-'));
  try {
    await writeFile(join(d, 'state.yaml'), yaml);
    const { state } = await loadState(d);
    if (!state) throw new Error('state does not load');
    return state;
  } finally {
    await rm(d, { recursive: true, force: true });
  }
}
