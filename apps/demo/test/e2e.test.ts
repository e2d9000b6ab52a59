import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, ConsoleErrors, launchChromium, setHidden } from './browser';
import { type RunningDemo, startDemo } from './demoServer';

const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = process.env.CI === 'true';
// Without a browser the suite cannot run; on CI that is a failure (beforeAll throws), elsewhere a loud skip.
if (!hasChromium && !inCi) {
  console.warn(
    `[skip] demo e2e: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
  );
}

const person = (userId: string) => `[data-testid="presence"] [data-user-id="${userId}"]`;
const connection = (status: string) => `[data-testid="connection"][data-status="${status}"]`;

describe.skipIf(!hasChromium && !inCi)('the demo, driven in Chromium', () => {
  const errors = new ConsoleErrors();
  let demo: RunningDemo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let alice: Page;
  let bob: Page;
  let vuePage: Page;
  let sveltePage: Page;
  let aliceElsewhere: Page;

  async function openPage(context: BrowserContext, label: string, path: string): Promise<Page> {
    const page = errors.watch(await context.newPage(), label);
    await page.goto(`${demo.url}${path}`);
    return page;
  }

  /** A new browser (context), signed in as `name` on the login page; resolves on the room page. */
  async function signIn(name: string, label: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await openPage(context, label, '/login');
    await page.fill('input[name="name"]', name);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/room$/);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `${artifacts}${name}.png` });
  const label = (page: Page, userId: string) =>
    page.locator(`${person(userId)} [data-testid="presence-label"]`).textContent();

  beforeAll(async () => {
    if (!hasChromium)
      throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}: .ci/run installs it`);
    await rm(artifacts, { recursive: true, force: true });
    await mkdir(artifacts, { recursive: true });
    [demo, browser] = await Promise.all([startDemo(0), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('signs two users into one room, where each sees the other online', async () => {
    alice = await signIn('Alice', 'alice');
    bob = await signIn('Bob', 'bob');
    await alice.waitForSelector(`${person('u:bob')}[data-tone="online"]`);
    await bob.waitForSelector(`${person('u:alice')}[data-tone="online"]`);
    expect(await alice.textContent('[data-testid="room-name"]')).toBe('#lobby');
    expect(await alice.textContent('[data-testid="user-name"]')).toBe('Alice');
    expect(await alice.locator(`[data-testid="presence"] li`).count()).toBe(2);
    await shot(alice, '01-room-joined');
  });

  it("shows one user's cursor on the other's canvas, where it points", async () => {
    const box = (await bob.locator('[data-testid="stage"]').boundingBox())!;
    await bob.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await bob.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6, { steps: 8 });
    const cursor = alice.locator('[data-testid="cursor"][data-user-id="u:bob"]');
    await cursor.waitFor();
    expect(await cursor.textContent()).toBe('Bob');
    // The throttle's trailing call delivers the final position.
    await alice.waitForFunction(() => {
      const style = document.querySelector<HTMLElement>('[data-testid="cursor"]')?.style;
      return (
        style &&
        Math.abs(Number.parseFloat(style.left) - 30) < 1 &&
        Math.abs(Number.parseFloat(style.top) - 60) < 1
      );
    });
    await shot(alice, '02-cursor');
  });

  it('delivers chat to the room and shows the server refusing an over-long message', async () => {
    await alice.fill('input[name="message"]', 'Hi Bob, welcome to the lobby');
    await alice.press('input[name="message"]', 'Enter');
    await bob.locator('[data-testid="messages"]', { hasText: 'Hi Bob, welcome to the lobby' }).waitFor();

    await bob.fill('input[name="message"]', 'x'.repeat(300));
    await bob.click('form.composer button');
    const refusal = bob.locator('[data-testid="chat-error"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('Messages are at most 280 characters');
    expect(await alice.locator('[data-testid="messages"] li').count()).toBe(1);
    await shot(bob, '03-chat-refused');
  });

  it('shows a hidden user AFK with a live countdown in React, Vue and Svelte, and back when shown', async () => {
    const aliceContext = contexts[0]!;
    vuePage = await openPage(aliceContext, 'alice/vue', '/vue');
    sveltePage = await openPage(aliceContext, 'alice/svelte', '/svelte');
    for (const page of [vuePage, sveltePage]) {
      await page.waitForSelector(`${person('u:bob')}[data-tone="online"]`);
      expect(await page.textContent('[data-testid="room-name"]')).toBe('#lobby');
    }

    await setHidden(bob, true);
    await bob.waitForSelector(connection('DISCONNECTED'));
    for (const page of [alice, vuePage, sveltePage]) {
      await page.waitForSelector(`${person('u:bob')}[data-tone="away"]`);
      expect(await label(page, 'u:bob')).toMatch(/^AFK — returns in \d+s$/);
    }
    const secondsLeft = async () => Number(/(\d+)s$/.exec((await label(alice, 'u:bob')) ?? '')?.[1]);
    const first = await secondsLeft();
    // The tab-switch grace is 20 s; some of it went by while three pages were checked.
    expect(first).toBeGreaterThan(5);
    expect(first).toBeLessThanOrEqual(20);
    // The countdown ticks on its own, without any new event.
    await alice.waitForFunction(
      ([selector, from]) => {
        const text = document.querySelector(selector)?.textContent ?? '';
        return Number(/(\d+)s$/.exec(text)?.[1]) < from;
      },
      [`${person('u:bob')} [data-testid="presence-label"]`, first] as const,
      { timeout: 5_000 },
    );
    await shot(alice, '04-afk-countdown');
    await shot(vuePage, '05-vue-afk');
    await shot(sveltePage, '06-svelte-afk');

    await setHidden(bob, false);
    await bob.waitForSelector(connection('CONNECTED'));
    for (const page of [alice, vuePage, sveltePage]) {
      await page.waitForSelector(`${person('u:bob')}[data-tone="online"]`);
      expect(await label(page, 'u:bob')).toBe('Online');
    }
    await shot(alice, '07-back');
  });

  it('updates the session from the settings API: the header and the peers show the new name', async () => {
    await bob.click('nav >> text=Settings');
    await bob.waitForURL(/\/settings$/);
    await bob.fill('input[name="displayName"]', 'Bobby');
    await bob.check('input[name="color"][value="#f43f5e"]');
    await bob.click('button[type="submit"]');
    await bob.waitForSelector('[data-testid="user-name"]:has-text("Bobby")');
    expect(await bob.textContent('[data-testid="settings-result"]')).toBe('Saved.');
    await shot(bob, '08-settings');
    await alice.waitForSelector(`${person('u:bob')}:has-text("Bobby")`);
    await vuePage.waitForSelector(`${person('u:bob')}:has-text("Bobby")`);
    await bob.click('nav >> text=Room');
    await bob.waitForURL(/\/room$/);
  });

  it('sends the first tab to the login page, with the reason, when the same user signs in elsewhere', async () => {
    aliceElsewhere = await signIn('alice', 'alice-elsewhere');
    await alice.waitForURL(/\/login\?reason=session-replaced$/);
    expect(await alice.textContent('[data-testid="login-reason"]')).toMatch(/You were signed in elsewhere/);
    // The Vue and Svelte views were tabs of the same session: they are signed out too.
    await vuePage.waitForSelector('[data-testid="signed-out"]');
    await sveltePage.waitForSelector('[data-testid="signed-out"]');
    // The kicked tab reconnects without a session, ready to sign in again.
    await alice.waitForSelector(connection('CONNECTED'));
    await aliceElsewhere.waitForSelector(`${person('u:bob')}[data-tone="online"]`);
    await shot(alice, '09-kicked');
  });

  it('signs out from the header, back to the login page', async () => {
    await aliceElsewhere.click('header button:has-text("Sign out")');
    await aliceElsewhere.waitForURL(/\/login\?reason=signed-out$/);
    expect(await aliceElsewhere.textContent('[data-testid="login-reason"]')).toBe(
      'Signed out. See you soon.',
    );
    // A sign-out is no disconnect: peers learn it from the roster's goodbye, at once.
    await bob.waitForSelector(person('u:alice'), { state: 'detached', timeout: 5_000 });
  });

  it('shows RECONNECTING while the server is down and CONNECTED once it is back', async () => {
    const pages = [alice, bob, vuePage, sveltePage, aliceElsewhere];
    // Expected while the server is down, and only then: the browser logs each refused reconnect attempt.
    await errors.tolerating(/WebSocket connection to .* failed|ERR_CONNECTION_REFUSED/, async () => {
      await demo.stop();
      const reconnecting = await bob.waitForSelector(connection('RECONNECTING'));
      expect(Number(await reconnecting.getAttribute('data-attempt'))).toBeGreaterThanOrEqual(1);
      await shot(bob, '10-reconnecting');
      demo = await startDemo(demo.port);
      for (const page of pages) await page.waitForSelector(connection('CONNECTED'), { timeout: 15_000 });
    });
    if (process.env.REDIS_URL) {
      // Sessions in Redis outlive the process: still signed in, still in the room.
      await bob.waitForSelector(`${person('u:bob')}[data-tone="online"]`);
      expect(bob.url()).toMatch(/\/room$/);
      expect(await bob.textContent('[data-testid="user-name"]')).toBe('Bobby');
    } else {
      // Sessions in memory died with the process: the page says so instead of failing silently.
      await bob.waitForURL(/\/login\?reason=session-ended$/);
      expect(await bob.textContent('[data-testid="login-reason"]')).toMatch(/REDIS_URL/);
    }
    await shot(bob, '11-reconnected');
  });

  it('logged no console error on any page (but the refused reconnects while the server was down)', () => {
    expect(errors.unexpected).toEqual([]);
  });
});
