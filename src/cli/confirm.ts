// Asking before applying: only on a terminal, only the literal answer "yes" proceeds
// (as Terraform does). Without a terminal the caller must pass --yes.
import { createInterface } from 'node:readline/promises';

export function canAsk(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** The answer; 'interrupted' for Ctrl+C, which readline reads as a key on a terminal (no signal is sent). */
export async function confirm(question: string): Promise<'yes' | 'no' | 'interrupted'> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question}\n  Only 'yes' will be accepted: `);
    return answer.trim() === 'yes' ? 'yes' : 'no';
  } catch (err) {
    // readline/promises rejects the question with an AbortError on Ctrl+C
    if (err instanceof Error && err.name === 'AbortError') {
      process.stderr.write('\n');
      return 'interrupted';
    }
    throw err;
  } finally {
    rl.close();
  }
}
