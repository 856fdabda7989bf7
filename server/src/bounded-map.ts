/**
 * A Map that keeps at most `capacity` entries, dropping the least recently set (or touched) one:
 * the storage of the server's in-process caches (bearer principals, brand models and contexts,
 * generation bodies, billing records). A Map iterates in insertion order, so re-inserting an
 * entry marks it most recent and the first key is always the one to drop.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(readonly capacity: number) {
    super();
  }

  /** Stores `value` as the most recent entry, dropping the oldest when over capacity. */
  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    if (this.size > this.capacity) {
      const oldest = this.keys().next();
      if (!oldest.done) super.delete(oldest.value);
    }
    return this;
  }

  /** The value of `key`, marked most recent; undefined when absent. */
  touch(key: K): V | undefined {
    const value = super.get(key);
    if (value !== undefined) {
      super.delete(key);
      super.set(key, value);
    }
    return value;
  }
}
