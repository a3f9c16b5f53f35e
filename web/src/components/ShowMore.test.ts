import { describe, expect, it } from 'vitest';
import { nextLimit } from './ShowMore';

describe('nextLimit', () => {
  it('grows by a page and stops at the total', () => {
    expect(nextLimit(100, 100, 1000)).toBe(200);
    expect(nextLimit(900, 100, 950)).toBe(950);
    expect(nextLimit(950, 100, 950)).toBe(950);
  });
});
