import { ALL_ACTORS, ActorCache } from './actor-cache';

describe('ActorCache: a caller is trusted from memory only while no change of it can have been missed', () => {
  let now = 0;
  const cache = () => new ActorCache<string>({ ttlMs: 1_000, holdMs: 100, maxEntries: 3, now: () => now });
  const kept = (c: ActorCache<string>, id: string, row: string) => c.put(id, row, c.readStarted());

  beforeEach(() => {
    now = 1_000_000;
  });

  it('keeps nothing until started, and forgets everything when stopped', () => {
    const c = cache();
    kept(c, 'a', 'row a');
    expect(c.get('a')).toBeUndefined();
    c.start();
    kept(c, 'a', 'row a');
    expect(c.get('a')).toBe('row a');
    c.stop();
    expect(c.get('a')).toBeUndefined();
    c.start();
    expect(c.get('a')).toBeUndefined();
  });

  it('reads a row again once it is older than the ttl', () => {
    const c = cache();
    c.start();
    kept(c, 'a', 'row a');
    now += 999;
    expect(c.get('a')).toBe('row a');
    now += 1;
    expect(c.get('a')).toBeUndefined();
  });

  it('does not keep a read that overlapped a change heard meanwhile, of any caller', () => {
    const c = cache();
    c.start();
    const started = c.readStarted();
    c.changed('b');
    c.put('a', 'old row a', started);
    expect(c.get('a')).toBeUndefined();
    const again = c.readStarted();
    c.put('a', 'row a', again);
    expect(c.get('a')).toBe('row a');
  });

  it('a change made here is not trusted until its commit is heard, or the hold runs out (a rollback is never heard)', () => {
    const c = cache();
    c.start();
    kept(c, 'a', 'row a');
    kept(c, 'b', 'row b');
    c.changing('a');
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toBe('row b');
    kept(c, 'a', 'uncommitted row a');
    expect(c.get('a')).toBeUndefined();
    c.changed('a');
    kept(c, 'a', 'new row a');
    expect(c.get('a')).toBe('new row a');

    c.changing('a');
    now += 99;
    kept(c, 'a', 'row a');
    expect(c.get('a')).toBeUndefined();
    now += 1;
    kept(c, 'a', 'row a after the hold');
    expect(c.get('a')).toBe('row a after the hold');
  });

  it('a change of every caller (a unit path) forgets and holds them all', () => {
    const c = cache();
    c.start();
    kept(c, 'a', 'row a');
    kept(c, 'b', 'row b');
    c.changing(ALL_ACTORS);
    expect([c.get('a'), c.get('b'), c.size]).toEqual([undefined, undefined, 0]);
    kept(c, 'a', 'row a');
    expect(c.get('a')).toBeUndefined();
    c.changed(ALL_ACTORS);
    kept(c, 'a', 'row a');
    expect(c.get('a')).toBe('row a');
    c.changed(ALL_ACTORS);
    expect(c.size).toBe(0);
  });

  it('holds at most maxEntries rows, forgetting the oldest', () => {
    const c = cache();
    c.start();
    for (const id of ['a', 'b', 'c', 'd']) kept(c, id, `row ${id}`);
    expect(c.size).toBe(3);
    expect([c.get('a'), c.get('b'), c.get('d')]).toEqual([undefined, 'row b', 'row d']);
    kept(c, 'b', 'row b again');
    expect(c.size).toBe(3);
  });
});
