/**
 * Produces items 0…count-1 on `lanes` lanes at once (in any order), never more than `window`
 * ahead of the first not yet consumed, and consumes each in order as soon as it is next. A throw
 * from `consume` stops the run: it is returned, and nothing more is produced or consumed.
 */
export async function inOrder<T>(
  count: number,
  lanes: number,
  window: number,
  produce: (index: number) => Promise<T>,
  consume: (index: number, item: T) => Promise<void>,
): Promise<unknown> {
  const done = new Map<number, T>();
  const waiters: (() => void)[] = [];
  let flushed = 0;
  let next = 0;
  let aborted: unknown = null;
  let flushing: Promise<void> = Promise.resolve();
  const flush = () =>
    (flushing = flushing.then(async () => {
      while (!aborted && done.has(flushed)) {
        const item = done.get(flushed) as T;
        done.delete(flushed);
        try {
          await consume(flushed, item);
        } catch (e) {
          aborted = e;
        }
        flushed++;
        waiters.splice(0).forEach((w) => w());
      }
    }));
  const lane = async () => {
    for (;;) {
      if (aborted) return;
      const i = next++;
      if (i >= count) return;
      while (i >= flushed + window && !aborted) await new Promise<void>((r) => waiters.push(r));
      if (aborted) return;
      done.set(i, await produce(i));
      await flush();
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  await flushing;
  return aborted;
}
