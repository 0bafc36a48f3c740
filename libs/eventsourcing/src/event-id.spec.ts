import { eventIdFor } from './event-id';

describe('eventIdFor', () => {
  it('derives the same id from the same command id and index, every time', () => {
    expect(eventIdFor('command-1', 0)).toBe(eventIdFor('command-1', 0));
    // Pinned: ids already stored must be recomputed identically by later versions for retries to stay no-ops.
    expect(eventIdFor('command-1', 0)).toBe('a0538310-9819-885a-a6a4-7f68bc684e3d');
  });

  it('differs by index and by command id', () => {
    const ids = new Set([
      eventIdFor('command-1', 0),
      eventIdFor('command-1', 1),
      eventIdFor('command-2', 0),
      eventIdFor('command-10', 0),
    ]);
    expect(ids.size).toBe(4);
    // The separator keeps ("a", 10) and ("a1", 0) apart.
    expect(eventIdFor('a', 10)).not.toBe(eventIdFor('a1', 0));
  });

  it('is shaped as a version 8 UUID with the RFC variant', () => {
    for (let index = 0; index < 50; index++) {
      expect(eventIdFor(`command-${index}`, index)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });
});
