// Portal settings go into the config verbatim: anything that could add or hide a line is refused.
import { describe, expect, it } from 'vitest';
import { checkRegion, checkSessionName, checkStartUrl, defaultSessionName } from './portal.js';

describe('portal settings', () => {
  it('a start URL must be https and hold no whitespace', () => {
    expect(checkStartUrl('https://d-1234567890.awsapps.com/start')).toBeUndefined();
    expect(checkStartUrl('http://d-1234567890.awsapps.com/start')).toMatch(/https/);
    expect(checkStartUrl('https://x.awsapps.com/start\n[profile evil]')).toMatch(/whitespace/);
    expect(checkStartUrl('d-1234567890.awsapps.com')).toMatch(/not a URL/);
  });

  it('a region looks like one', () => {
    expect(checkRegion('eu-west-1')).toBeUndefined();
    expect(checkRegion('us-gov-west-1')).toBeUndefined();
    expect(checkRegion('eu-west-1 # x')).toMatch(/not a region/);
  });

  it('the session name defaults to the portal host first label; a given one must be safe', () => {
    expect(defaultSessionName('https://d-1234567890.awsapps.com/start')).toBe('d-1234567890');
    expect(checkSessionName('acme-prod')).toBeUndefined();
    expect(checkSessionName('acme prod')).toBe('may contain only letters, digits, ".", "_" and "-" (for example "acme-prod")');
  });
});
