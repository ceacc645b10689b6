/**
 * A registry call that a person at the desk is waiting on, given at most `ms`: its answer, or
 * `late` once the time is up. The call itself is not stopped (a late answer is dropped here),
 * and its failure within the time is the caller's, as if awaited directly.
 */
export async function answerWithin<T>(call: Promise<T>, ms: number): Promise<{ late: false; value: T } | { late: true }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ late: true }>((resolve) => {
    timer = setTimeout(() => resolve({ late: true }), ms);
  });
  try {
    return await Promise.race([call.then((value) => ({ late: false as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
