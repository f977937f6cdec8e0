/**
 * Seeded random numbers that are the same on every platform: a seed shared in a URL must draw the same
 * face everywhere. The generator (sfc32, seeded through splitmix32) uses only 32-bit integer operations;
 * normals come from the Marsaglia polar method, which needs only +, ×, ÷, √ (all correctly rounded in
 * IEEE arithmetic) and a logarithm — computed here from those operations too, because Math.log is not
 * required to round identically across JavaScript engines.
 */

const LN2 = 0.6931471805599453;

/** Natural logarithm of x > 0 from basic arithmetic only: x = m·2^e with m ∈ [√½, √2), ln m by the atanh series. */
export function portableLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`portableLog needs a finite positive number, got ${x}`);
  let mantissa = x;
  let exponent = 0;
  // Scaling by powers of two is exact.
  while (mantissa >= Math.SQRT2) {
    mantissa /= 2;
    exponent += 1;
  }
  while (mantissa < Math.SQRT1_2) {
    mantissa *= 2;
    exponent -= 1;
  }
  // ln m = 2·atanh(t) = 2·(t + t³/3 + t⁵/5 + …), |t| ≤ 0.172, so 12 terms reach double precision.
  const t = (mantissa - 1) / (mantissa + 1);
  const t2 = t * t;
  let term = t;
  let sum = 0;
  for (let k = 1; k <= 23; k += 2) {
    sum += term / k;
    term *= t2;
  }
  return 2 * sum + exponent * LN2;
}

/** 32-bit mixing of the seed (splitmix32), so nearby seeds start far apart. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The polar method makes normals in pairs; the second waits here. */
  private spare: number | null = null;

  /** Any integer seed; it is reduced modulo 2³². */
  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // Discard the first outputs: sfc32's state needs a few rounds to mix.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator). */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in the open interval (0, 1). */
  uniform(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }

  /** One standard normal sample (Marsaglia polar method; the pair's second value is kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const value = this.spare;
      this.spare = null;
      return value;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const factor = Math.sqrt((-2 * portableLog(s)) / s);
      this.spare = v * factor;
      return u * factor;
    }
  }
}

/** `length` standard normal samples from `seed`, as float32 (the same bits on every platform). */
export function standardNormals(seed: number, length: number): Float32Array {
  const random = new SeededRandom(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = random.normal();
  return out;
}

/** The largest seed a reader can type or share (2³¹ − 1, the modulus of nextSeed). */
export const seedLimit = 2 ** 31 - 1;

/**
 * The seed a "New seed" button moves to: a step of the Park–Miller generator (×48271 mod 2³¹ − 1), plus 1
 * so that seed 0 moves too. Deterministic, so the sequence of faces a reader clicks through can be shared.
 */
export function nextSeed(seed: number): number {
  return (seed * 48271 + 1) % seedLimit;
}

/**
 * mulberry32: a tiny seeded uniform stream in [0, 1) from 32-bit integer operations only, so the same seed
 * gives the same numbers everywhere. Presets, procedural pictures and the face dataset draw from it.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
