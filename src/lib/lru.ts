/**
 * A bounded map that forgets the least recently used entry first, when it holds more than `max` entries or, with a
 * `weigh` function, more than `maxWeight` in all (bytes, say).
 *
 * @example
 * const lru = new Lru<number>(2); lru.set('a', 1); lru.set('b', 2); lru.get('a'); lru.set('c', 3);
 * lru.get('b') // undefined: 'a' was used more recently
 */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  private weight = 0;

  constructor(
    private readonly max: number,
    private readonly weigh?: (value: V) => number,
    private readonly maxWeight = Infinity,
  ) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.delete(key);
    this.map.set(key, value);
    this.weight += this.weigh?.(value) ?? 0;
    while (this.map.size > this.max || (this.weight > this.maxWeight && this.map.size > 1)) this.delete(this.map.keys().next().value!);
  }

  private delete(key: string): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.map.delete(key);
    this.weight -= this.weigh?.(old) ?? 0;
  }
}
