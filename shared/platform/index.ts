/** The only surface another context may import from platform. */
export { PLATFORM_EVENTS } from './api/events.ts';
