// A small seeded pseudo-random generator (mulberry32): the same --random-seed gives the same
// ids and the same injected faults in the same call order, so a failing run can be replayed.

export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` lowercase hex digits. */
export function randomHex(random: Random, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(random() * 16).toString(16);
  return out;
}

/** `length` decimal digits, the first one not zero. */
export function randomDigits(random: Random, length: number): string {
  let out = String(1 + Math.floor(random() * 9));
  while (out.length < length) out += Math.floor(random() * 10).toString();
  return out;
}
