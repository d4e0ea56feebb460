/** Polls until the probe returns a value, for asynchronous effects (stream, bus, queue); fails after the limit. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  options: { timeoutMilliseconds?: number; intervalMilliseconds?: number; description?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMilliseconds ?? 30_000);
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMilliseconds ?? 250));
  }
  throw new Error(`Timed out waiting for ${options.description ?? 'condition'}`, { cause: lastError });
}
