// Distinctive test credentials and the scan that proves they never leak. Every CLI run of
// the reliability suites gets these credentials; every byte it prints and every file it
// writes is recorded here and scanned at the end of the suite. The sandbox needs the
// 12-digit account id as the access key id, so the secret key and the session token are
// what must stay private (and anything that would carry them: a SigV4 signature or an
// Authorization header).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TEST_SECRET_ACCESS_KEY = 'rel1abSECRETk3y/Zq8Wm2Xv4Tn6Rb0Yc3Hd5Jf7Lg9Pk1Ms';
export const TEST_SESSION_TOKEN = 'IQoJrel1abSESSIONt0ken//Fz9Qw8Er7Ty6Ui5Op4As3Df2Gh1JkLzXcVbNm==';

/** What must never appear in any output: the secrets (also in part) and signed-request material. */
export const FORBIDDEN_IN_OUTPUT: readonly string[] = [
  TEST_SECRET_ACCESS_KEY,
  TEST_SECRET_ACCESS_KEY.slice(8, 28),
  TEST_SESSION_TOKEN,
  TEST_SESSION_TOKEN.slice(8, 28),
  'Signature=',
  'Authorization',
  'X-Amz-Security-Token',
];

/** Collects every output a suite produced and reports where a forbidden string appears. */
export class SecretScan {
  private readonly texts: { where: string; text: string }[] = [];

  record(where: string, text: string): void {
    this.texts.push({ where, text });
  }

  /** Records every file below `dir` (plan files, extracted or generated state). */
  async recordDir(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      this.record(path, await readFile(path, 'latin1'));
    }
  }

  /** How many outputs were scanned: a scan of nothing proves nothing. */
  get scanned(): number {
    return this.texts.length;
  }

  findings(): string[] {
    const found: string[] = [];
    for (const { where, text } of this.texts) {
      for (const secret of FORBIDDEN_IN_OUTPUT) if (text.includes(secret)) found.push(`${where} contains "${secret}"`);
    }
    return found;
  }
}
