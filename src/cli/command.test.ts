import { describe, expect, it } from 'vitest';
import { AwsCallError, AwsSetupError, EndpointAnswerError, SettingError } from '../aws/errors.js';
import { PlanFileError } from '../plan/plan-file.js';
import { UserError, isUserFacing } from './command.js';

describe('which errors main prints as one line', () => {
  it.each<[string, Error]>([
    ['UserError', new UserError('x')],
    ['PlanFileError', new PlanFileError('plan.json: not a plan file')],
    ['SettingError', new SettingError('SSO_GITOPS_TPS', 'abc', 'must be a number')],
    ['AwsCallError', new AwsCallError('sso-admin', 'ListInstances', new Error('AccessDenied'))],
    ['AwsSetupError', new AwsSetupError('no instance')],
    ['EndpointAnswerError', new EndpointAnswerError(500, 'https://sso.example', 'text/html')],
  ])('%s: user-facing', (_name, err) => {
    expect(isUserFacing(err)).toBe(true);
  });

  it('a bug is not, whatever its name says: the test is by the marker, not by a list of names', () => {
    const pretender = new Error('looks expected');
    pretender.name = 'PlanFileError';
    expect(isUserFacing(pretender)).toBe(false);
    expect(isUserFacing(new TypeError('x is undefined'))).toBe(false);
    expect(isUserFacing('a string')).toBe(false);
  });
});
