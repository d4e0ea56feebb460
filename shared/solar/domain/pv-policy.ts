/**
 * The coefficients of the PV model (docs/solar-model.md), as policy values: each names its source in
 * ../shared/design/solar.md or says that it is an assumption. pv-model.ts reads them, and so do the pvlib scripts
 * under bin/solar/ (they are passed in), so the TypeScript model and its pvlib cross-check cannot drift apart.
 */

/**
 * PVWatts' loss components, in percent of DC energy. They combine multiplicatively, as pvlib's `pvwatts_losses`
 * does: `100·(1 − Π(1 − xᵢ/100))`. PVWatts' snow and age components are left out (no snow; a new system).
 */
export interface PvLossComponentsPercent {
  readonly soiling: number;
  /** Replaced by a system's own `shadingLossPercent` when it gives one. */
  readonly shading: number;
  readonly mismatch: number;
  readonly wiring: number;
  readonly connections: number;
  readonly lightInducedDegradation: number;
  readonly nameplateRating: number;
  readonly availability: number;
}

/** pvlib's `iam.physical` (Fresnel reflection and absorption in the cover glass, De Soto et al. 2006). */
export interface PhysicalIncidenceAngleModifier {
  readonly refractiveIndex: number;
  readonly glazingExtinctionPerMeter: number;
  readonly glazingThicknessMeters: number;
}

export interface PvModelPolicy {
  /** γ, per °C (−0.0037 is −0.37 %/°C). */
  readonly temperatureCoefficientPerDegreeCelsius: number;
  readonly referenceCellTemperatureCelsius: number;
  /** INOCT: the installed nominal operating cell temperature of the Ross model, `Tcell = Tair + (INOCT − 20)/800·POA`. */
  readonly installedNominalOperatingCellTemperatureCelsius: number;
  readonly lossesPercent: PvLossComponentsPercent;
  readonly inverterNominalEfficiency: number;
  readonly inverterReferenceEfficiency: number;
  /** DC nameplate over the inverter's AC nameplate. */
  readonly dcAcRatio: number;
  readonly groundAlbedo: number;
  readonly incidenceAngleModifier: PhysicalIncidenceAngleModifier;
  /** The optimum south-facing tilts the default tilt is chosen from (the one nearest the latitude). */
  readonly defaultTiltOptionsDegrees: readonly number[];
}

export const PV_MODEL_POLICY: PvModelPolicy = {
  /** Standard module (STC efficiency 19 %): PVWatts v8's default in NREL's ssc (solar.md, "The model", step 3). */
  temperatureCoefficientPerDegreeCelsius: -0.0037,
  /** STC cell temperature, PVWatts' and pvlib's `temp_ref`. */
  referenceCellTemperatureCelsius: 25,
  /** Fixed roof mount: PVWatts' INOCT 49 °C (solar.md, step 2); open racks would be 45 °C. */
  installedNominalOperatingCellTemperatureCelsius: 49,
  /**
   * PVWatts' default components, 14.08 % combined (solar.md, step 4). Soiling stays at PVWatts' 2 %, a visible
   * assumption: Saudi dust can cost 0.3–1.2 % a day on panels nobody cleans (a weak vendor source), so an uncleaned
   * roof loses far more.
   */
  lossesPercent: {
    soiling: 2,
    shading: 3,
    mismatch: 2,
    wiring: 2,
    connections: 0.5,
    lightInducedDegradation: 1.5,
    nameplateRating: 1,
    availability: 3,
  },
  /** PVWatts' η_nom (solar.md, step 5). */
  inverterNominalEfficiency: 0.96,
  /** PVWatts' η_ref (solar.md, step 5). */
  inverterReferenceEfficiency: 0.9637,
  /** ssc's default DC/AC ratio (solar.md, step 5). */
  dcAcRatio: 1.1,
  /**
   * Assumption, not in solar.md: 0.30, pvlib's `SURFACE_ALBEDOS['concrete']`. What a residential array sees below it
   * is mostly a flat concrete roof under pale dust, brighter than pvlib's 0.25 default and darker than its 0.40 for
   * sand. At 20–30° tilt the ground sees 3–7 % of the array's view, so ±0.1 moves the yield by well under 1 %.
   */
  groundAlbedo: 0.3,
  /** pvlib's `iam.physical` defaults: glass n = 1.526, K = 4 /m, L = 2 mm (assumption: plain, uncoated glass). */
  incidenceAngleModifier: { refractiveIndex: 1.526, glazingExtinctionPerMeter: 4, glazingThicknessMeters: 0.002 },
  /** The three tilt zones of the optimum south-facing tilt across 82 Saudi sites (solar.md: Appl. Sci. 2021, 11(9) 4101). */
  defaultTiltOptionsDegrees: [20, 25, 30],
};
