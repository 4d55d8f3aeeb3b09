// The one mapping between the identitystore User (SDK shape, PascalCase members) and the
// model's User (camelCase, Name parts flattened). Reading (users.ts), CreateUser and
// UpdateUser (write/identity-store-writer.ts) all go through it, so what is read is
// exactly what is written back. Shapes from the identitystore service model
// (@aws-sdk/client-identitystore models_0.d.ts: User, CreateUserRequest, Name, Email,
// Address, PhoneNumber, Photo, Role, ExternalId; UserStatus in enums.d.ts).
import type { CreateUserRequest, User as SdkUser } from '@aws-sdk/client-identitystore';
import type { DocumentType } from '@smithy/types';
import type { EnterpriseAttributes, ExternalId, User, UserAddress, UserPhoto, UserTypedValue } from '../../model/types.js';

/** CreateUserRequest.Extensions: "aws:identitystore:enterprise is the only supported extension name". */
export const ENTERPRISE_EXTENSION = 'aws:identitystore:enterprise';
const ENTERPRISE_TEXT = ['employeeNumber', 'costCenter', 'organization', 'division', 'department'] as const;

/** Model Name part → identitystore Name member. */
export const NAME_PARTS = {
  givenName: 'GivenName',
  familyName: 'FamilyName',
  middleName: 'MiddleName',
  honorificPrefix: 'HonorificPrefix',
  honorificSuffix: 'HonorificSuffix',
  formattedName: 'Formatted',
} as const;

/** Model text attribute → identitystore User member (top level). */
export const TEXT_MEMBERS = {
  displayName: 'DisplayName',
  nickName: 'NickName',
  title: 'Title',
  userType: 'UserType',
  preferredLanguage: 'PreferredLanguage',
  locale: 'Locale',
  timezone: 'Timezone',
  profileUrl: 'ProfileUrl',
  website: 'Website',
  birthdate: 'Birthdate',
} as const;

/** Model list attribute → identitystore User member. */
export const LIST_MEMBERS = {
  emails: 'Emails',
  addresses: 'Addresses',
  phoneNumbers: 'PhoneNumbers',
  photos: 'Photos',
  roles: 'Roles',
} as const;

type Struct = Record<string, unknown>;
const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Same members with the first letter of each key changed; empty members dropped. */
function rekey(item: object, key: (k: string) => string): Struct {
  return Object.fromEntries(
    Object.entries(item)
      .filter(([, v]) => present(v))
      .map(([k, v]) => [key(k), v]),
  );
}

function fromSdkList<T>(items: readonly object[] | undefined): T[] | undefined {
  const out = (items ?? []).map((i) => rekey(i, lowerFirst)).filter((i) => Object.keys(i).length > 0);
  return out.length > 0 ? (out as T[]) : undefined;
}

/** The SDK list member for a model list (Emails, Addresses, ...), PascalCase keys. */
export function toSdkList(items: readonly object[]): Struct[] {
  return items.map((i) => rekey(i, upperFirst));
}

function enterpriseOf(doc: DocumentType | undefined): EnterpriseAttributes | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const d = doc as Struct;
  const out: EnterpriseAttributes = {};
  for (const k of ENTERPRISE_TEXT) if (typeof d[k] === 'string' && d[k] !== '') out[k] = d[k];
  const manager = d.manager as Struct | undefined;
  if (typeof manager?.value === 'string' && manager.value !== '') out.manager = { value: manager.value };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The extension document CreateUser/UpdateUser take for the enterprise attributes. */
export function enterpriseDocument(e: EnterpriseAttributes): Record<string, DocumentType> {
  return { ...e };
}

/** Every attribute of a live user in model terms (ids, timestamps and creators are not attributes). */
export function userFromSdk(u: SdkUser): Omit<User, 'pos'> {
  const text: Record<string, string> = {};
  for (const [field, member] of Object.entries(NAME_PARTS)) {
    const v = u.Name?.[member];
    if (present(v)) text[field] = v as string;
  }
  for (const [field, member] of Object.entries(TEXT_MEMBERS)) {
    const v = u[member];
    if (present(v)) text[field] = v as string;
  }
  const lists = {
    emails: fromSdkList<UserTypedValue>(u.Emails),
    addresses: fromSdkList<UserAddress>(u.Addresses),
    phoneNumbers: fromSdkList<UserTypedValue>(u.PhoneNumbers),
    photos: fromSdkList<UserPhoto>(u.Photos),
    roles: fromSdkList<UserTypedValue>(u.Roles),
  };
  const enterprise = enterpriseOf(u.Extensions?.[ENTERPRISE_EXTENSION]);
  const externalIds: ExternalId[] = (u.ExternalIds ?? []).map((x) => ({ issuer: x.Issuer ?? '', id: x.Id ?? '' }));
  const user: Struct = {
    userName: u.UserName ?? '',
    // Identity Center requires these; a SCIM-provisioned user may still lack them, and
    // validation then names the user instead of the read failing.
    displayName: '',
    givenName: '',
    familyName: '',
    ...text,
    ...lists,
    ...(enterprise ? { enterprise } : {}),
    ...(externalIds.length > 0 ? { externalIds } : {}),
    ...(u.UserStatus === 'DISABLED' ? { status: 'disabled' } : {}),
  };
  return Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined)) as unknown as User;
}

/**
 * What a live user carries that the model cannot hold: another extension than the
 * enterprise one, or a member of it the model does not know. Extract refuses such a user
 * by name rather than write files that would lose it. The members of Name, Email, ...
 * are fixed by the SDK model, so nothing else can be unknown.
 */
export function unmodelledUserAttributes(u: SdkUser): string[] {
  const out: string[] = [];
  for (const [name, doc] of Object.entries(u.Extensions ?? {})) {
    if (name !== ENTERPRISE_EXTENSION) {
      out.push(`Extensions["${name}"]`);
      continue;
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      out.push(`Extensions["${name}"]`);
      continue;
    }
    for (const [key, value] of Object.entries(doc as Struct)) {
      const known =
        ((ENTERPRISE_TEXT as readonly string[]).includes(key) && typeof value === 'string') ||
        (key === 'manager' && typeof value === 'object' && value !== null && Object.keys(value).every((k) => k === 'value'));
      if (!known) out.push(`Extensions["${name}"].${key}`);
    }
  }
  return out;
}

/** The CreateUser request for a model user: every attribute it holds, nothing empty. */
export function createUserInput(identityStoreId: string, u: User): CreateUserRequest {
  const name: Struct = {};
  for (const [field, member] of Object.entries(NAME_PARTS)) {
    const v = u[field as keyof typeof NAME_PARTS];
    if (present(v)) name[member] = v;
  }
  const input: Struct = { IdentityStoreId: identityStoreId, UserName: u.userName, Name: name };
  for (const [field, member] of Object.entries(TEXT_MEMBERS)) {
    const v = u[field as keyof typeof TEXT_MEMBERS];
    if (present(v)) input[member] = v;
  }
  for (const [field, member] of Object.entries(LIST_MEMBERS)) {
    const v = u[field as keyof typeof LIST_MEMBERS];
    if (v && v.length > 0) input[member] = toSdkList(v);
  }
  if (u.enterprise) input.Extensions = { [ENTERPRISE_EXTENSION]: enterpriseDocument(u.enterprise) };
  return input as unknown as CreateUserRequest;
}
