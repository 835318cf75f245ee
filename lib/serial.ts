// One at a time: each call runs after every earlier call on the same chain has settled, whether it
// succeeded or failed.

export type Serial = <T>(work: () => Promise<T>) => Promise<T>;

export function serialiser(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
