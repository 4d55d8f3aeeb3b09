// A file that cannot be parsed is the one problem worth reading first: it is reported
// before everything else, and the "not declared" errors it causes (references to names
// that file may have declared) are not reported at all. One tab in users.yaml of the
// example organization used to bury its one real error under a page of them.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { listStateFiles } from '../../src/load/read-files.js';
import { loadFiles, type StateFiles } from './state-dir.js';

const example = fileURLToPath(new URL('../../identity/', import.meta.url));

async function exampleFiles(): Promise<StateFiles> {
  const files: StateFiles = {};
  for (const relative of await listStateFiles(example)) files[relative] = await readFile(`${example}${relative}`, 'utf8');
  return files;
}

describe('a state file that cannot be parsed', () => {
  test('one tab in users.yaml: the parse error comes first and the cascade is absent', async () => {
    const files = await exampleFiles();
    const users = files['users.yaml'] as string;
    files['users.yaml'] = users.replace('    displayName: Bob Builder', '\tdisplayName: Bob Builder');
    const result = await loadFiles(files);
    expect(result.lines).toEqual(['identity/users.yaml:11:1: YAML syntax error: Tabs are not allowed as indentation']);
    expect(result.state).toBeUndefined();
  });

  test('is reported before errors of files sorted ahead of it', async () => {
    const files = await exampleFiles();
    files['users.yaml'] = (files['users.yaml'] as string).replace('    displayName: Bob Builder', '\tdisplayName: Bob Builder');
    files['groups.yaml'] = (files['groups.yaml'] as string).replace('  - name: Auditors', '  - name: Auditors\n    colour: red');
    const result = await loadFiles(files);
    expect(result.lines).toEqual([
      'identity/users.yaml:11:1: YAML syntax error: Tabs are not allowed as indentation',
      'identity/groups.yaml:10:5: groups[2]: unknown field "colour"; expected name, description, members, previousNames, externalIds',
    ]);
  });

  test('references to kinds the broken file does not mention are still checked', async () => {
    const files = await exampleFiles();
    files['users.yaml'] = (files['users.yaml'] as string).replace('    displayName: Bob Builder', '\tdisplayName: Bob Builder');
    files['assignments.yaml'] = (files['assignments.yaml'] as string).replace('groups: [Auditors]', 'groups: [Auditor]');
    const result = await loadFiles(files);
    expect(result.lines).toEqual([
      'identity/users.yaml:11:1: YAML syntax error: Tabs are not allowed as indentation',
      'identity/assignments.yaml:18:14: assignment of "ReadOnly": group "Auditor" is not declared (did you mean "Auditors"?)',
    ]);
  });

  test('a file that is not UTF-8 may declare anything: no reference is reported as undeclared', async () => {
    const result = await loadFiles({
      'people.yaml': Buffer.concat([Buffer.from('users:\n  - userName: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      'groups.yaml': `groups:\n  - name: Devs\n    members: [bob@example.com]\n`,
    });
    expect(result.lines).toEqual(['identity/people.yaml:2:18: file is not valid UTF-8 (byte 0xe9); save it as UTF-8']);
  });
});
