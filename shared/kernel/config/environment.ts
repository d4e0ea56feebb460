/**
 * Configuration is read once, when a module loads, and fails fast: a function that starts without the settings it
 * needs must crash at init rather than answer requests wrongly.
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
