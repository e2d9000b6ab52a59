import type { SessionLayout } from '@luckystack/core';
import { createToken, type SessionStore } from '@luckystack/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** How the contract gets a store, and makes time pass for it. */
export interface SessionStoreContractSetup {
  /** A new store with no sessions; the contract closes it after each test. */
  makeStore: () => SessionStore;
  /** Lets `ms` pass: real waiting for a real server, fake timers advanced for an in-process store. */
  elapse: (ms: number) => Promise<void>;
}

const counter = (session: SessionLayout): SessionLayout => ({
  ...session,
  count: (session.count as number) + 1,
});

/** Defines the behaviour every {@link SessionStore} must have, as one `describe` block named `name`. */
export function sessionStoreContract(name: string, setup: SessionStoreContractSetup): void {
  describe(name, () => {
    let store: SessionStore;
    beforeEach(() => {
      store = setup.makeStore();
    });
    afterEach(() => store.close());

    it('has no session for an unknown token', async () => {
      expect(await store.get(createToken())).toBeNull();
    });

    it('returns what was created as an equal but separate object each time', async () => {
      const token = createToken();
      const session = { id: 'u1', name: 'Ada', roles: ['admin'] };
      await store.create(token, session, 60);
      session.roles.push('changed after create');

      const first = (await store.get(token)) as { id: string; roles: string[] };
      expect(first).toEqual({ id: 'u1', name: 'Ada', roles: ['admin'] });
      first.roles.push('changed after get');
      const second = await store.get(token);
      expect(second).toEqual({ id: 'u1', name: 'Ada', roles: ['admin'] });
      expect(second).not.toBe(first);
    });

    it('keeps the original expiry through update and modify', async () => {
      const token = createToken();
      await store.create(token, { id: 'u1', count: 0 }, 1);
      await setup.elapse(500);
      expect(await store.update(token, { id: 'u1', count: 1 })).toBe(true);
      expect(await store.modify(token, counter)).toEqual({ id: 'u1', count: 2 });
      expect(await store.get(token)).toEqual({ id: 'u1', count: 2 });
      await setup.elapse(600);
      expect(await store.get(token)).toBeNull();
    });

    it('does not update, modify or bring back a missing or deleted session', async () => {
      const never = createToken();
      expect(await store.update(never, { id: 'u1' })).toBe(false);
      expect(await store.modify(never, counter)).toBeNull();
      expect(await store.get(never)).toBeNull();

      const token = createToken();
      await store.create(token, { id: 'u1', count: 0 }, 60);
      await store.delete(token);
      expect(await store.update(token, { id: 'u1', count: 5 })).toBe(false);
      expect(await store.modify(token, counter)).toBeNull();
      expect(await store.get(token)).toBeNull();
      expect(await store.tokensOf('u1')).toEqual([]);
    });

    it('deletes a session, and deleting a missing one is not an error', async () => {
      const token = createToken();
      await store.create(token, { id: 'u1' }, 60);
      await store.delete(token);
      expect(await store.get(token)).toBeNull();
      await expect(store.delete(token)).resolves.toBeUndefined();
      await expect(store.delete(createToken())).resolves.toBeUndefined();
    });

    it('lists exactly the live tokens of a user, and none of other users', async () => {
      const [a1, a2, a3, b1] = [createToken(), createToken(), createToken(), createToken()];
      await store.create(a1, { id: 'alice' }, 60);
      await store.create(a2, { id: 'alice' }, 60);
      await store.create(a3, { id: 'alice' }, 60);
      await store.create(b1, { id: 'bob' }, 60);
      await store.delete(a2);

      expect((await store.tokensOf('alice')).sort()).toEqual([a1, a3].sort());
      expect(await store.tokensOf('bob')).toEqual([b1]);
      expect(await store.tokensOf('carol')).toEqual([]);
    });

    it('returns the user’s other tokens from create, read in the same step', async () => {
      const [a1, a2, b1] = [createToken(), createToken(), createToken()];
      expect(await store.create(a1, { id: 'alice' }, 60)).toEqual([]);
      expect(await store.create(b1, { id: 'bob' }, 60)).toEqual([]);
      expect(await store.create(a2, { id: 'alice' }, 60)).toEqual([a1]);
      const racing = await Promise.all(
        Array.from({ length: 10 }, () => createToken()).map(async (token) => ({
          token,
          others: await store.create(token, { id: 'carol' }, 60),
        })),
      );
      // Atomic: exactly one of ten racing logins saw no one before it; each later one saw all earlier ones.
      const sizes = racing.map(({ others }) => others.length).sort((x, y) => x - y);
      expect(sizes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('forgets expired sessions in get and tokensOf', async () => {
      const [short, long] = [createToken(), createToken()];
      await store.create(short, { id: 'alice' }, 1);
      await store.create(long, { id: 'alice' }, 60);
      await setup.elapse(1_100);
      expect(await store.get(short)).toBeNull();
      expect(await store.get(long)).toEqual({ id: 'alice' });
      expect(await store.tokensOf('alice')).toEqual([long]);
    });

    it('modifies atomically and returns a separate copy of the new session', async () => {
      const token = createToken();
      await store.create(token, { id: 'u1', count: 0 }, 60);
      const modified = await store.modify(token, counter);
      expect(modified).toEqual({ id: 'u1', count: 1 });
      (modified as Record<string, unknown>).count = 99;
      expect(await store.get(token)).toEqual({ id: 'u1', count: 1 });
    });

    it('writes nothing when the update of a modify throws, and rejects with its error', async () => {
      const token = createToken();
      await store.create(token, { id: 'u1', count: 0 }, 60);
      const problem = new Error('no');
      await expect(
        store.modify(token, () => {
          throw problem;
        }),
      ).rejects.toBe(problem);
      expect(await store.get(token)).toEqual({ id: 'u1', count: 0 });
    });

    it('loses no update among 50 parallel modifies', async () => {
      const token = createToken();
      await store.create(token, { id: 'u1', count: 0 }, 60);
      const results = await Promise.all(Array.from({ length: 50 }, () => store.modify(token, counter)));
      expect(await store.get(token)).toEqual({ id: 'u1', count: 50 });
      const counts = results.map((session) => session?.count as number).sort((x, y) => x - y);
      expect(counts).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('never brings back a session when a modify races its delete', async () => {
      for (let round = 0; round < 20; round++) {
        const token = createToken();
        await store.create(token, { id: 'racer', count: 0 }, 60);
        // Alternate which of the two reaches the store first.
        await Promise.all(
          round % 2 === 0
            ? [store.modify(token, counter), store.delete(token)]
            : [store.delete(token), store.modify(token, counter)],
        );
        expect(await store.get(token)).toBeNull();
        expect(await store.tokensOf('racer')).toEqual([]);
      }
    });
  });
}
