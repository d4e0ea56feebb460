import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers have many event shapes; callers narrow.
type AnyHandler = (event: any, context: any) => Promise<any>;
const loadedHandlers = new Map<string, Promise<AnyHandler>>();

/** Imports a handler module by its route/integration entry once, like a warm Lambda container. */
export function loadHandler(entry: string): Promise<AnyHandler> {
  let loaded = loadedHandlers.get(entry);
  if (loaded === undefined) {
    loaded = import(pathToFileURL(path.join(PROJECT_ROOT, entry)).href).then((module: { handler?: AnyHandler }) => {
      if (typeof module.handler !== 'function') throw new Error(`${entry} does not export a handler`);
      return module.handler;
    });
    loadedHandlers.set(entry, loaded);
  }
  return loaded;
}
