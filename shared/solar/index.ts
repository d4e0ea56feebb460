/** The only surface another context may import from solar: its events, errors and the key builders of its records. */
export { SOLAR_EVENTS } from './api/events.ts';
export { solarError } from './api/error-codes.ts';
export { keys as solarKeys } from './adapters/keys.ts';
export { CITY_IDS, type CityId } from './domain/city-ids.ts';
export { toStoredEstimate } from './adapters/estimate-store.ts';
export type { StoredSolarEstimate } from './app/stored-estimate.ts';
export { sizedSystemFigures, type SizedSystemFigures } from './domain/estimate.ts';
export { findCity } from './domain/cities.ts';
export { DEFAULT_SOLAR_ESTIMATE_POLICY, type SolarEstimatePolicy } from './domain/estimate-policy.ts';
export { loadSolarEstimatePolicy } from './policy-config.ts';
export { MONTHS_PER_YEAR } from './domain/electricity-bill.ts';
