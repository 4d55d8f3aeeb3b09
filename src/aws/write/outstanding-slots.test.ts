import { describe, expect, it } from 'vitest';
import { OutstandingSlots } from './outstanding-slots.js';

describe('OutstandingSlots', () => {
  it('hands out no more slots than it has, and the next waiter gets a slot given back', async () => {
    const slots = new OutstandingSlots(2);
    const first = await slots.take();
    await slots.take();
    let third = false;
    const waiting = slots.take().then((release) => {
      third = true;
      return release;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    first();
    (await waiting)();
    expect(third).toBe(true);
  });

  it('serves waiters in the order they came', async () => {
    const slots = new OutstandingSlots(1);
    const release = await slots.take();
    const order: string[] = [];
    const a = slots.take().then((r) => (order.push('a'), r()));
    const b = slots.take().then((r) => (order.push('b'), r()));
    release();
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('ignores a second release of the same slot', async () => {
    const slots = new OutstandingSlots(1);
    const release = await slots.take();
    release();
    release();
    await slots.take();
    let second = false;
    void slots.take().then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false);
  });

  it('refuses a size that is not a whole number above 0', () => {
    expect(() => new OutstandingSlots(0)).toThrow('whole number above 0');
  });
});
