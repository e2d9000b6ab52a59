/** Whether the page is visible, and when that changes: injectable so tests and non-browser runtimes can drive it. */
export interface VisibilitySource {
  /** Whether the page is hidden now. */
  isHidden: () => boolean;
  /** Calls `listener` after each change; returns the function that stops it. */
  subscribe: (listener: () => void) => () => void;
}

/** The browser's page visibility (`document.visibilityState`); never hidden where there is no document. */
export function browserVisibility(): VisibilitySource {
  if (typeof document === 'undefined') return { isHidden: () => false, subscribe: () => () => {} };
  return {
    isHidden: () => document.visibilityState === 'hidden',
    subscribe: (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}
