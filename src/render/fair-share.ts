// Sharing a length budget among sections (the PR comment's 65,536 characters among the
// kinds of a huge plan). Filling sections in order would spend it all on the first kind —
// a migration's 2,000 users, and not one of the assignments a reviewer most needs to see.
// Water-filling instead: sections smaller than an equal share show whole, and what they
// leave is split equally among the larger ones.

/** The budget of each section; the sum is at most `room`, a section never gets more than its size. */
export function fairShares(sizes: readonly number[], room: number): number[] {
  const shares = sizes.map(() => 0);
  const smallestFirst = sizes.map((size, index) => ({ size, index })).sort((a, b) => a.size - b.size);
  let left = Math.max(0, room);
  let sectionsLeft = sizes.length;
  for (const { size, index } of smallestFirst) {
    const share = Math.min(size, Math.floor(left / sectionsLeft));
    shares[index] = share;
    left -= share;
    sectionsLeft--;
  }
  return shares;
}
