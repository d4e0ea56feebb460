/**
 * The calculator's sizing, tariff, price and emission values as named policy. Each names its source in
 * ../shared/design/solar.md or is marked as an assumption; docs/solar-model.md explains them line by line. The
 * physical model's own coefficients are in pv-policy.ts.
 */
export interface TariffTier {
  /** The tier covers consumption up to this many kWh in the month; the last tier has no ceiling. */
  readonly upToKilowattHoursPerMonth: number | null;
  readonly halalasPerKilowattHour: number;
}

export interface SolarEstimatePolicy {
  /** SEC residential tariff, in force since 1 Jan 2018 (solar.md; whether it has changed since is unverified). */
  readonly residentialTariff: readonly TariffTier[];
  /** VAT on electricity bills and on systems: 15 % since 1 July 2020. */
  readonly vatBasisPoints: number;
  /** Net billing credits exports at a fixed rate below retail; the published rate is unverified (assumption). */
  readonly exportCreditHalalasPerKilowattHour: number;
  /** Share of each month's production used on site rather than exported (assumption for a Saudi home). */
  readonly selfConsumptionBasisPoints: number;
  /** The regulator's roof figure: about 7 m² per kWp (Argaam, 2021). */
  readonly roofSquareMetersPerKilowattPeak: number;
  /** Net billing admits 1 kW to 2 MW per premises (ERD-TA-012). */
  readonly systemSizeMinWatts: number;
  readonly systemSizeMaxWatts: number;
  /** Systems are sized in whole modules of this rating (assumption: a common 2024–2026 residential module). */
  readonly moduleWatts: number;
  /** Share of annual consumption a system is sized for when the caller names none. */
  readonly targetOffsetPercentDefault: number;
  /** Indicative installed price per kWp before VAT, low and high (assumption: no verified 2024–2026 figure). */
  readonly priceHalalasPerKilowattPeak: { readonly low: number; readonly high: number };
  /** Grid emission factor of the Saudi grid (assumption, see docs/solar-model.md). */
  readonly gridEmissionGramsCo2PerKilowattHour: number;
}

export const DEFAULT_SOLAR_ESTIMATE_POLICY: SolarEstimatePolicy = {
  residentialTariff: [
    { upToKilowattHoursPerMonth: 6_000, halalasPerKilowattHour: 18 },
    { upToKilowattHoursPerMonth: null, halalasPerKilowattHour: 30 },
  ],
  vatBasisPoints: 1_500,
  // The low end of the one vendor's 0.07–0.18 SAR/kWh: the estimate should not promise more than it can.
  exportCreditHalalasPerKilowattHour: 7,
  // Daytime air-conditioning load is high in Saudi homes, so most of a right-sized system's output is used at home.
  selfConsumptionBasisPoints: 7_000,
  roofSquareMetersPerKilowattPeak: 7,
  systemSizeMinWatts: 1_000,
  systemSizeMaxWatts: 2_000_000,
  moduleWatts: 550,
  targetOffsetPercentDefault: 80,
  priceHalalasPerKilowattPeak: { low: 3_500_00, high: 5_000_00 },
  gridEmissionGramsCo2PerKilowattHour: 570,
};
