// Identity Center applications (their assignments and assignment configuration), as plain
// data. Facts and limits are from the sso-admin service model (2020-07-20); docs/aws-behaviour.md,
// "Applications and ABAC attributes", cites them.

import type { SourcePos } from './source-pos.js';

export type ApplicationStatus = 'ENABLED' | 'DISABLED';

export interface ApplicationState {
  name: string;
  applicationArn: string;
  providerArn: string;
  /**
   * True when the API can create and update the application from files: CreateApplication
   * makes only OAuth 2.0 customer managed applications (the model's documentation of the
   * operation), whose provider is `arn:aws:sso::aws:applicationProvider/custom`. SAML
   * applications (the catalogue's, and customer managed SAML 2.0) are made in the console
   * and can only be referenced by name.
   */
  customerManaged: boolean;
  status: ApplicationStatus;
  description?: string;
  /** GetApplicationAssignmentConfiguration: true (AWS's default) means only assigned principals get access */
  assignmentRequired: boolean;
  /** identity store user ids assigned to the application, sorted */
  users: string[];
  /** identity store group ids assigned to the application, sorted */
  groups: string[];
}

/**
 * One `applications:` entry of the state files. With `providerArn` the application is
 * customer managed (created and updated from the files); without it, it is a reference to
 * an application made in the console (a SAML one), which must exist. `description`,
 * `status` and `assignmentRequired` left out are not managed (kept as they are live);
 * `users` and `groups` are the whole set of assigned principals.
 */
export interface ApplicationEntry {
  name: string;
  providerArn?: string;
  description?: string;
  status?: ApplicationStatus;
  assignmentRequired?: boolean;
  users: string[];
  groups: string[];
  pos?: SourcePos;
}

/** What creating or updating an application from files sets. */
export interface ApplicationSpec {
  name: string;
  providerArn: string;
  description?: string;
  status?: ApplicationStatus;
}

/** The provider of the applications CreateApplication can make (OAuth 2.0, customer managed). */
export const API_CREATABLE_PROVIDER = /^arn:aws(-[a-z]{1,5}){0,3}:sso::aws:applicationProvider\/custom$/;

export function isApiCreatableProvider(providerArn: string): boolean {
  return API_CREATABLE_PROVIDER.test(providerArn);
}

/** sso-admin ApplicationProviderArn (model pattern, anchored). */
export const APPLICATION_PROVIDER_ARN = /^arn:aws(-[a-z]{1,5}){0,3}:sso::aws:applicationProvider\/[a-zA-Z0-9-/]+$/;

/** sso-admin ApplicationNameType: 1 to 100 characters. */
export const APPLICATION_NAME_LENGTH = { min: 1, max: 100 } as const;
