// Inline policy documents: parsing the JSON-string form and measuring what AWS measures.
import type { PolicyDocument } from '../model/types.js';

/**
 * AWS limits of an inline policy of a permission set. 32,768: sso-admin's
 * PermissionSetPolicyDocument (max length, service model sso-admin 2020-07-20) and the
 * IAM Identity Center quotas page ("32,768 bytes"). 10,240 not counting whitespace: the
 * same quotas page, which is IAM's limit for a role's inline policies — the set is
 * provisioned as a role, and IAM does not count whitespace against its policy sizes
 * (IAM User Guide, "IAM and AWS STS quotas"). Both are measured in characters of the
 * compact JSON sent; the policy holds only characters up to U+00FF (see below).
 */
export const INLINE_POLICY_MAX_CHARS = 32_768;
export const INLINE_POLICY_MAX_NON_WHITESPACE = 10_240;

export type ParsedPolicy = { policy: PolicyDocument } | { error: string };

/** Parses an inline policy written as a JSON string; it must be a JSON object. */
export function parsePolicyJson(text: string): ParsedPolicy {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // newer V8 versions append "(line 1 column 2)"; the position alone reads the same everywhere
    const reason = err instanceof Error ? err.message.replace(/\s*\(line \d+ column \d+\)$/, '') : String(err);
    return { error: `is not valid JSON: ${reason}` };
  }
  if (!isPolicyDocument(value)) return { error: 'must be a JSON object (a policy document)' };
  return { policy: value };
}

export function isPolicyDocument(value: unknown): value is PolicyDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The compact JSON text sent to AWS for a policy document. */
export function policyJson(policy: PolicyDocument): string {
  return JSON.stringify(policy);
}

/**
 * The characters sso-admin accepts in a policy document (PermissionSetPolicyDocument:
 * [\u0009\u000A\u000D\u0020-\u00FF]+, service model sso-admin 2020-07-20). JSON.stringify
 * escapes the other control characters, so only characters above U+00FF can remain.
 */
const POLICY_CHARACTERS = /[^\t\n\r\u0020-\u00ff]/u;

/** The first character of a policy text that AWS refuses, or undefined. */
export function firstCharacterAwsRefuses(text: string): string | undefined {
  return POLICY_CHARACTERS.exec(text)?.[0];
}

/** Sizes AWS checks: all characters, and characters that are not whitespace. */
export function policySize(policy: PolicyDocument): { chars: number; nonWhitespace: number } {
  const text = policyJson(policy);
  return { chars: text.length, nonWhitespace: text.replace(/\s/g, '').length };
}
