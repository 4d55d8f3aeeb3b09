import { describe, expect, it } from 'vitest';
import { ACCESS_CONTROL_KEY, ACCESS_CONTROL_SOURCE, isApiCreatableProvider, sameAttributes } from './applications.js';

describe('isApiCreatableProvider', () => {
  it('is true only for the customer managed OAuth 2.0 provider, in any partition', () => {
    expect(isApiCreatableProvider('arn:aws:sso::aws:applicationProvider/custom')).toBe(true);
    expect(isApiCreatableProvider('arn:aws-us-gov:sso::aws:applicationProvider/custom')).toBe(true);
    expect(isApiCreatableProvider('arn:aws:sso::aws:applicationProvider/custom-saml')).toBe(false);
    expect(isApiCreatableProvider('arn:aws:sso::aws:applicationProvider/catalog/Salesforce')).toBe(false);
    expect(isApiCreatableProvider('arn:aws:sso::aws:applicationProvider/custom/x')).toBe(false);
  });
});

describe('ABAC attribute rules', () => {
  it('compares attribute sets regardless of order, but not regardless of sources', () => {
    const a = { key: 'a', source: ['${path:title}'] };
    const b = { key: 'b', source: ['${path:name.givenName}'] };
    expect(sameAttributes([a, b], [b, a])).toBe(true);
    expect(sameAttributes([a], [{ key: 'a', source: ['${path:displayName}'] }])).toBe(false);
    expect(sameAttributes([a], [a, b])).toBe(false);
  });

  it('follows the model patterns of keys and sources', () => {
    expect(ACCESS_CONTROL_KEY.pattern.test('CostCenter')).toBe(true);
    expect(ACCESS_CONTROL_KEY.pattern.test('Kostenstelle-ä')).toBe(true);
    expect(ACCESS_CONTROL_KEY.pattern.test('')).toBe(false);
    expect(ACCESS_CONTROL_KEY.pattern.test('has#hash')).toBe(false);
    expect(ACCESS_CONTROL_SOURCE.pattern.test('${path:enterprise.costCenter}')).toBe(true);
    expect(ACCESS_CONTROL_SOURCE.pattern.test('')).toBe(true);
    expect(ACCESS_CONTROL_SOURCE.pattern.test('semi;colon')).toBe(false);
  });
});
