/** The only surface another context may import from solar: its events, errors, keys, city ids, stored estimates and the sized-system figures quotes are compared with. */
export { SOLAR_EVENTS } from './api/events.ts';
export { solarError } from './api/error-codes.ts';
export { keys as solarKeys } from './adapters/keys.ts';
export { CITY_IDS } from './domain/city-ids.ts';
export { toStoredEstimate } from './adapters/estimate-store.ts';
export type { StoredSolarEstimate } from './app/stored-estimate.ts';
export { sizedSystemFigures, type SizedSystemFigures } from './domain/estimate.ts';
export { findCity } from './domain/cities.ts';
export type { SolarEstimatePolicy } from './domain/estimate-policy.ts';
export { loadSolarEstimatePolicy } from './policy-config.ts';
