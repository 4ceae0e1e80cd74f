/** Polls `check` until it holds; generous deadlines, because the machine is shared and noisy. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 60_000, pollMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
