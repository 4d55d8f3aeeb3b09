import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { anAccount } from '../testing/builders.js';
import { renderAccountsFile } from './accounts-file.js';

describe('renderAccountsFile', () => {
  it('pins every account name to its quoted id, sorted by name', () => {
    const text = renderAccountsFile(
      [anAccount({ id: '000000000042', name: 'prod' }), anAccount({ id: '111111111111', name: 'Management: old' })],
      '../schema/identity.schema.json',
    );
    expect(text).toBe(
      '# yaml-language-server: $schema=../schema/identity.schema.json\naccounts:\n  "Management: old": "111111111111"\n  prod: "000000000042"\n',
    );
    expect(parse(text)).toEqual({ accounts: { 'Management: old': '111111111111', prod: '000000000042' } });
  });

  it('pins no name that two accounts share', () => {
    const text = renderAccountsFile(
      [anAccount({ id: '000000000001', name: 'dup' }), anAccount({ id: '000000000002', name: 'dup' })],
      's.json',
    );
    expect(parse(text)).toEqual({ accounts: {} });
  });
});
