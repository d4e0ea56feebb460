/**
 * The supported cities' ids, apart from their climate: request contracts (and so the OpenAPI document, which joins
 * every context's) validate a city without bundling the 100 KB of generated hourly climate. A unit test holds this
 * list equal to the generated data's, in order.
 */
export const CITY_IDS = ['riyadh', 'makkah', 'madinah', 'jeddah', 'dammam', 'al-ahsa', 'buraidah', 'abha', 'tabuk', 'hail', 'jazan', 'najran', 'sakaka', 'al-baha', 'arar'] as const;

export type CityId = (typeof CITY_IDS)[number];
