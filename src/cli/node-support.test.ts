import { describe, expect, it } from 'vitest';
import { announceNodeSupport, SDK_NOTICE_SWITCH, unsupportedNodeNotice } from './node-support.js';

describe('unsupportedNodeNotice', () => {
  it('names an unsupported major and the supported ones', () => {
    expect(unsupportedNodeNotice('v20.20.2')).toBe('sso-gitops: Node 20.x is not supported; use Node 22 or 24');
    expect(unsupportedNodeNotice('v18.0.0')).toBe('sso-gitops: Node 18.x is not supported; use Node 22 or 24');
  });

  it.each(['v22.0.0', 'v22.12.1', 'v24.21.0', 'v26.0.0'])('says nothing on %s', (version) => {
    expect(unsupportedNodeNotice(version)).toBeUndefined();
  });

  it('compares majors as numbers, not as text (v3 is older than v22)', () => {
    expect(unsupportedNodeNotice('v3.0.0')).toMatch(/Node 3\.x is not supported/);
  });

  it('says nothing for a string that is not a Node version', () => {
    expect(unsupportedNodeNotice('')).toBeUndefined();
    expect(unsupportedNodeNotice('vNext')).toBeUndefined();
  });
});

describe('announceNodeSupport', () => {
  it('turns the SDK notice off and writes exactly one line on an unsupported Node', () => {
    const env: NodeJS.ProcessEnv = {};
    const lines: string[] = [];
    announceNodeSupport('v20.1.0', env, (l) => lines.push(l));
    expect(env[SDK_NOTICE_SWITCH]).toBe('true');
    expect(lines).toEqual(['sso-gitops: Node 20.x is not supported; use Node 22 or 24\n']);
  });

  it('turns the SDK notice off and writes nothing on a supported Node', () => {
    const env: NodeJS.ProcessEnv = { [SDK_NOTICE_SWITCH]: 'false' };
    const lines: string[] = [];
    announceNodeSupport('v24.0.0', env, (l) => lines.push(l));
    expect(env[SDK_NOTICE_SWITCH]).toBe('true');
    expect(lines).toEqual([]);
  });
});
