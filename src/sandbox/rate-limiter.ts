// Token buckets per key (caller account + API family): `rate` tokens per second, bursts up to
// `rate`. Identity Center documents one request rate for sso-admin and identitystore
// together; organizations has its own.

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private rate: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  setRate(rate: number): void {
    this.rate = rate;
    this.buckets.clear();
  }

  /** Takes one token for `key`; false when the bucket is empty (the call is throttled). */
  tryTake(key: string): boolean {
    if (!(this.rate > 0)) return true;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.rate, updatedAt: now };
    bucket.tokens = Math.min(this.rate, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.rate);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
