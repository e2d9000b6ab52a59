/**
 * Calls `fn` at most once per `ms`: the first call at once, and the last one of a burst when the window
 * ends, so the final position of a moving pointer is never lost.
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let last = 0;
  let pending: A | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!pending) return;
    const args = pending;
    pending = undefined;
    last = Date.now();
    fn(...args);
  };
  return (...args: A) => {
    pending = args;
    const wait = last + ms - Date.now();
    if (wait <= 0 && !timer) flush();
    else timer ??= setTimeout(flush, Math.max(0, wait));
  };
}
