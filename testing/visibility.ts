import type { VisibilitySource } from '@luckystack/client';

/** A page visibility a test flips by hand. */
export interface FakeVisibility extends VisibilitySource {
  setHidden: (hidden: boolean) => void;
}

/** A {@link VisibilitySource} driven by `setHidden`, for tests outside a browser. */
export function fakeVisibility(): FakeVisibility {
  let hidden = false;
  const listeners = new Set<() => void>();
  return {
    isHidden: () => hidden,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setHidden: (next) => {
      hidden = next;
      for (const listener of [...listeners]) listener();
    },
  };
}
