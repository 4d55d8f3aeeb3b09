// The CLI's one-line notice on an unsupported Node (src/cli/node-support.ts). Tests that pin
// a command's stderr line by line run on whatever Node runs the suite (Node 20 on some
// machines), so they set this line aside; test/e2e/node-support.test.ts pins it.
export const NODE_NOTICE = /^sso-gitops: Node \d+\.x is not supported; use Node 22 or 24$/;

/** The non-empty stderr lines other than the Node notice. */
export function linesWithoutNodeNotice(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '' && !NODE_NOTICE.test(l));
}

/** True when the Node running the tests (and so the CLI they spawn) is older than the supported 22. */
export const RUNNING_UNSUPPORTED_NODE = Number(process.versions.node.split('.')[0]) < 22;
