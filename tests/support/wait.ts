// Waiting on a condition, never on a clock: `check` is asked every 100 ms until it gives a
// value (anything but undefined or false), which is returned; after `timeoutMs` the wait fails
// naming `what`.
export async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
