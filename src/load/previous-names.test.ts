// previousNames as the loader reads them: groups carry them, users refuse them with the
// reason, and one previous name points at one group only.
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../test/load/state-dir.js';

const ALICE = 'users:\n  - userName: alice\n    displayName: Alice\n    givenName: Alice\n    familyName: L\n';

describe('previousNames', () => {
  it('are loaded for a group, in the order written and without repeats', async () => {
    const result = await loadFiles({ 'groups.yaml': 'groups:\n  - name: Customer Support\n    previousNames: [Support, Helpdesk]\n' });
    expect(result.lines).toEqual([]);
    expect(result.state?.groups[0]?.previousNames).toEqual(['Support', 'Helpdesk']);
  });

  it('are a load error on a user, saying why', async () => {
    const result = await loadFiles({ 'users.yaml': `${ALICE}    previousNames: [alice.old]\n` });
    expect(result.lines).toEqual([
      'identity/users.yaml:6:20: users[0].previousNames: is not supported for users: AWS does not document renaming a user (UpdateUser changing userName), ' +
        'and sso-gitops will not replace one for a new name (the new user would get a new id and lose its memberships and access); keep the userName as AWS has it',
    ]);
  });

  it('may not name another declared group, in any case', async () => {
    const result = await loadFiles({
      'groups.yaml': 'groups:\n  - name: Support\n  - name: Customer Support\n    previousNames: [Helpdesk, SUPPORT]\n',
    });
    expect(result.lines).toEqual([
      'identity/groups.yaml:4:31: group "Customer Support": previous name "SUPPORT" is also declared as group "Support" (identity/groups.yaml:2:5); ' +
        "a name is either a group's current name or a previous one",
    ]);
  });

  it('may not be claimed by two groups', async () => {
    const result = await loadFiles({
      'a.yaml': 'groups:\n  - name: Customer Support\n    previousNames: [Support]\n',
      'b.yaml': 'groups:\n  - name: Partner Support\n    previousNames: [support]\n',
    });
    expect(result.lines).toEqual([
      'identity/b.yaml:3:21: group "Partner Support": previous name "support" is also a previous name of group "Customer Support" (identity/a.yaml:3:21); ' +
        'one live group cannot be renamed into two',
    ]);
  });
});
