/**
 * Configuration is read once, when a context's compose.ts first builds its dependencies, and fails fast: a function
 * without the settings it needs fails its first invocation loudly rather than answer requests wrongly.
 */
export class MissingConfigurationError extends Error {
  constructor(variableName: string) {
    super(`Missing required environment variable ${variableName}`);
    this.name = 'MissingConfigurationError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

export function requireEnv(variableName: string, environment: Environment = process.env): string {
  const value = environment[variableName];
  if (value === undefined || value === '') throw new MissingConfigurationError(variableName);
  return value;
}

export function optionalEnv(variableName: string, defaultValue: string, environment: Environment = process.env): string {
  const value = environment[variableName];
  return value === undefined || value === '' ? defaultValue : value;
}
