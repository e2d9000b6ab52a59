import { type Browser, chromium, type Page } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, or Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags that work in containers. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Emulates hiding or showing the tab: headless Chromium has no real tabs, so the page's visibility is
 * overridden and a `visibilitychange` dispatched, which is all the client listens to.
 */
export async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hide) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hide ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hide });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/**
 * Console errors and uncaught exceptions of every watched page. Errors matching the pattern given to
 * {@link ConsoleErrors.tolerating} are set apart while its step runs; all others are unexpected.
 */
export class ConsoleErrors {
  /** Errors no step expected. */
  readonly unexpected: string[] = [];
  /** Errors a step said it would cause. */
  readonly tolerated: string[] = [];
  #pattern: RegExp | undefined;

  /** Records `page`'s errors under `label`. */
  watch(page: Page, label: string): Page {
    page.on('console', (message) => {
      if (message.type() === 'error') this.#record(`${label}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.unexpected.push(`${label}: uncaught ${error.message}`));
    return page;
  }

  /** Runs `step`, setting apart the errors matching `pattern` that happen meanwhile. */
  async tolerating<T>(pattern: RegExp, step: () => Promise<T>): Promise<T> {
    this.#pattern = pattern;
    try {
      return await step();
    } finally {
      this.#pattern = undefined;
    }
  }

  #record(line: string): void {
    if (this.#pattern?.test(line)) this.tolerated.push(line);
    else this.unexpected.push(line);
  }
}
