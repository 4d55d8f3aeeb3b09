// A small line diff (longest common subsequence) so a policy change shows the lines
// that changed rather than two blobs. Policies are at most a few hundred lines, so the
// quadratic table is cheap; a common prefix and suffix are trimmed first anyway, and
// beyond a size cap the middle is shown as all-removed then all-added.

export interface DiffLine {
  op: ' ' | '+' | '-';
  text: string;
}

/** Above this many table cells the diff gives up on finding a minimal middle. */
const MAX_CELLS = 4_000_000;

export function lineDiff(before: readonly string[], after: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const same = (lines: readonly string[]): DiffLine[] => lines.map((text) => ({ op: ' ', text }));
  return [...same(before.slice(0, start)), ...middle(before.slice(start, endB), after.slice(start, endA)), ...same(before.slice(endB))];
}

function middle(b: readonly string[], a: readonly string[]): DiffLine[] {
  if (b.length * a.length > MAX_CELLS) {
    return [...b.map((text): DiffLine => ({ op: '-', text })), ...a.map((text): DiffLine => ({ op: '+', text }))];
  }
  // lcs[i][j]: length of the longest common subsequence of b[i..] and a[j..].
  const lcs = Array.from({ length: b.length + 1 }, () => new Uint32Array(a.length + 1));
  for (let i = b.length - 1; i >= 0; i--) {
    for (let j = a.length - 1; j >= 0; j--) {
      const row = lcs[i] as Uint32Array;
      const next = lcs[i + 1] as Uint32Array;
      row[j] = b[i] === a[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  const at = (x: number, y: number) => (lcs[x] as Uint32Array)[y] as number;
  while (i < b.length && j < a.length) {
    if (b[i] === a[j]) {
      out.push({ op: ' ', text: b[i] as string });
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      out.push({ op: '-', text: b[i++] as string });
    } else {
      out.push({ op: '+', text: a[j++] as string });
    }
  }
  while (i < b.length) out.push({ op: '-', text: b[i++] as string });
  while (j < a.length) out.push({ op: '+', text: a[j++] as string });
  return out;
}

/** The changed lines with `context` unchanged lines around each; a gap becomes one
 *  `...` line. */
export function withContext(lines: readonly DiffLine[], context = 3): DiffLine[] {
  const keep = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.op === ' ') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true;
  });
  const out: DiffLine[] = [];
  let skipped = false;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (skipped) out.push({ op: ' ', text: '...' });
      skipped = false;
      out.push(line);
    } else {
      skipped = true;
    }
  });
  if (skipped && out.length > 0) out.push({ op: ' ', text: '...' });
  return out;
}
