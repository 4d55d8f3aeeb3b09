import { describe, expect, it } from 'vitest';
import { isApiCreatableProvider } from './applications.js';

describe('isApiCreatableProvider', () => {
  it('is true only for the customer managed OAuth 2.0 provider, in any partition', () => {
    expect(isApiCreatableProvider('arn:aws:sso::aws:applicationProvider/custom')).toBe(true);
    expect(isApiCreatableProvider('arn:aws-us-gov:sso::aws:applicationProvider/custom')).toBe(true);
    expect(isApiCreatableProvider('arn:aws:sso::aws:applicationProvider/custom-saml')).toBe(false);
    expect(isApiCreatableProvider('arn:aws:sso::aws:applicationProvider/catalog/Salesforce')).toBe(false);
    expect(isApiCreatableProvider('arn:aws:sso::aws:applicationProvider/custom/x')).toBe(false);
  });
});
