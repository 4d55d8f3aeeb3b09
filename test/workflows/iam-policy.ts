// Reads the IAM policy documents under iam/ as plain data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
}

export interface PolicyDocument {
  Version: string;
  Statement: Statement[];
}

export function readPolicy(root: string, name: string): PolicyDocument {
  return JSON.parse(readFileSync(join(root, 'iam', name), 'utf8')) as PolicyDocument;
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every action an Allow statement grants, as written (wildcards included). */
export function allowedActions(policy: PolicyDocument): Set<string> {
  return new Set(policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => asList(s.Action)));
}

/** Statements that would grant more than their list says (NotAction) — never wanted here. */
export function notActionStatements(policy: PolicyDocument): Statement[] {
  return policy.Statement.filter((s) => s.NotAction !== undefined);
}
