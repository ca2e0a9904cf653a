import { describe, expect, it } from 'vitest';
import { buildSlot } from './build-slot';

describe('buildSlot', () => {
  it('is shared by name, so two copies of a module meet in it', () => {
    const fromConfig = buildSlot<{ n: number }>('voz.test.slot');
    const fromPages = buildSlot<{ n: number }>('voz.test.slot');
    const value = { n: 1 };
    fromConfig.set(value);
    expect(fromPages.get()).toBe(value);
    fromPages.set(undefined);
    expect(fromConfig.get()).toBeUndefined();
  });

  it('keeps slots of other names apart', () => {
    buildSlot<string>('voz.test.a').set('a');
    expect(buildSlot<string>('voz.test.b').get()).toBeUndefined();
    buildSlot<string>('voz.test.a').set(undefined);
  });
});
