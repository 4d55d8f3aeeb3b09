// A binary heap: the apply scheduler (schedule.ts) picks, among the steps that may start,
// the one most other steps wait for, out of thousands in a migration.

export class PriorityQueue<T> {
  private readonly heap: T[] = [];

  /** `before(a, b)`: whether `a` is taken before `b`. */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.heap.length;
  }

  push(item: T): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i] as T, heap[parent] as T)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The item taken first, removed; undefined when empty. */
  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < heap.length && this.before(heap[left] as T, heap[best] as T)) best = left;
      if (right < heap.length && this.before(heap[right] as T, heap[best] as T)) best = right;
      if (best === i) return top;
      this.swap(i, best);
      i = best;
    }
  }

  private swap(a: number, b: number): void {
    const heap = this.heap;
    [heap[a], heap[b]] = [heap[b] as T, heap[a] as T];
  }
}
