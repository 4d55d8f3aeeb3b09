// The access filters: each narrows, together they all must hold, names case-insensitively.
import { describe, expect, it } from 'vitest';
import { filterRows } from './filter.js';
import type { AccessRow } from './types.js';

const row = (userName: string, accountName: string, permissionSet: string, via: string[]): AccessRow => ({
  userName,
  displayName: null,
  email: null,
  status: 'enabled',
  accountId: accountName === 'prod' ? '111111111111' : '222222222222',
  accountName,
  permissionSet,
  via,
});

const rows = [
  row('Ana', 'dev', 'ReadOnly', ['group:Ops']),
  row('Ana', 'prod', 'Admin', ['direct', 'group:Ops']),
  row('bob', 'prod', 'Admin', ['group:Admins']),
];
const keys = (list: AccessRow[]) => list.map((r) => `${r.userName} ${r.accountName} ${r.permissionSet}`);

describe('filterRows', () => {
  it('no filter keeps every row', () => {
    expect(filterRows(rows, {})).toEqual(rows);
  });

  it('a user and a group compare without case; the group is a via, not membership alone', () => {
    expect(keys(filterRows(rows, { user: 'ana', group: 'OPS' }))).toEqual(['Ana dev ReadOnly', 'Ana prod Admin']);
    expect(keys(filterRows(rows, { group: 'Admins', user: 'ana' }))).toEqual([]);
  });

  it('an account by name or by id, combined with a permission set', () => {
    expect(keys(filterRows(rows, { account: 'prod', permissionSet: 'admin' }))).toEqual(['Ana prod Admin', 'bob prod Admin']);
    expect(keys(filterRows(rows, { account: '222222222222' }))).toEqual(['Ana dev ReadOnly']);
    expect(keys(filterRows(rows, { account: 'PROD' }))).toEqual([]);
  });
});
