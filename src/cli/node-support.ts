// Which Node versions the CLI supports, and how the user hears about an unsupported one.
//
// The AWS SDK announces its own Node floor with an 8-line process warning on every AWS
// command: @aws-sdk/core's emitWarningIfUnsupportedVersion (dist-es/submodules/client/
// emitWarningIfUnsupportedVersion.js, called from every client's constructor with
// process.version) calls process.emitWarning("NodeVersionSupportWarning: The AWS SDK for
// JavaScript (v3) ...") when the major is below 22, unless
// process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === "true", which it reads at
// that moment. The warning is a plain string (name "Warning", no code), so the SDK's own
// switch is the one exact way to drop it without touching any other warning. The CLI says
// the same thing once, in one line, before any command runs.

/** Oldest supported major: the supported and tested versions are Node 22 and 24 (engines ">=22"). */
export const MIN_NODE_MAJOR = 22;

/** The SDK's switch for its Node-version notice (see above). */
export const SDK_NOTICE_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/** The one-line notice for a Node older than MIN_NODE_MAJOR (`version` as in process.version), else undefined. */
export function unsupportedNodeNotice(version: string): string | undefined {
  const match = /^v?(\d+)\./.exec(version);
  if (!match) return undefined; // not a Node version string: nothing to say rather than a wrong claim
  const major = Number(match[1]);
  if (major >= MIN_NODE_MAJOR) return undefined;
  return `sso-gitops: Node ${major}.x is not supported; use Node 22 or 24`;
}

/**
 * Turns the SDK's multi-line notice off (before any client exists) and writes the CLI's
 * one line instead when the running Node is unsupported.
 */
export function announceNodeSupport(version: string, env: NodeJS.ProcessEnv, write: (line: string) => void): void {
  env[SDK_NOTICE_SWITCH] = 'true';
  const notice = unsupportedNodeNotice(version);
  if (notice !== undefined) write(`${notice}\n`);
}
