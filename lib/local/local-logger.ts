/** The local runtime's own JSON-lines logger (handlers log through Powertools). */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function jsonLinesLogger(component: string, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const log = (level: string) => (message: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify({ level, timestamp: new Date().toISOString(), component, message, ...fields }));
  return { info: log('INFO'), warn: log('WARN'), error: log('ERROR') };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
