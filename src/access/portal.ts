// The portal settings `sso-gitops profiles` writes into a config, checked first: they go
// into an INI file verbatim, so a value with a line break or a comment character could
// add or hide a line.
import { safeName } from './profile-names.js';

/** An https URL without whitespace (the AWS access portal URL, e.g. https://d-1234567890.awsapps.com/start). */
export function checkStartUrl(value: string): string | undefined {
  if (/\s/.test(value)) return 'must not contain whitespace';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  return url.protocol === 'https:' ? undefined : 'must be an https:// URL (the AWS access portal URL)';
}

/** A region name such as eu-west-1 or us-gov-west-1. */
export function checkRegion(value: string): string | undefined {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(value) ? undefined : 'is not a region name (for example eu-west-1)';
}

/** Without --session-name: the portal host's first label ("d-1234567890", "example"), made safe. */
export function defaultSessionName(startUrl: string): string {
  return safeName(new URL(startUrl).hostname.split('.')[0] ?? '');
}

/** A given session name must already be safe: changing it silently would confuse whoever typed it. */
export function checkSessionName(value: string): string | undefined {
  return safeName(value) === value ? undefined : `may contain only letters, digits, ".", "_" and "-" (for example "${safeName(value)}")`;
}
