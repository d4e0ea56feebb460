/** The only surface another context may import from solar: its events, errors and the key builders of its records. */
export { SOLAR_EVENTS } from './api/events.ts';
export { solarError } from './api/error-codes.ts';
export { keys as solarKeys } from './adapters/keys.ts';
export { CITY_IDS, type CityId } from './domain/city-ids.ts';
