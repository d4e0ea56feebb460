"""The PVWatts chain of docs/solar-model.md, run with pvlib's own functions, one step each.

shared/solar/domain/pv-model.ts implements the same steps in TypeScript; this module is what it is checked against
(pvlib-reference.py) and what the climate data is calibrated with (generate-city-climate.py). `policy` holds the
values of PV_MODEL_POLICY (shared/solar/domain/pv-policy.ts), passed in by the caller, and `system` a PvSystem.
"""
import numpy as np
import pvlib

LOSS_ARGUMENTS = {
    'soiling': 'soiling',
    'shading': 'shading',
    'mismatch': 'mismatch',
    'wiring': 'wiring',
    'connections': 'connections',
    'lightInducedDegradation': 'lid',
    'nameplateRating': 'nameplate_rating',
    'availability': 'availability',
}


def system_losses_percent(policy, system):
    """pvwatts_losses over the policy's components, the system's shading (if given) replacing the policy's."""
    components = dict(policy['lossesPercent'])
    if system.get('shadingLossPercent') is not None:
        components['shading'] = system['shadingLossPercent']
    return float(pvlib.pvsystem.pvwatts_losses(
        snow=0, age=0, **{LOSS_ARGUMENTS[name]: value for name, value in components.items()}))


def ac_power_watts(times, city, ghi, temp_air, system, policy):
    """Hourly AC power, W, of `system` in `city` for GHI and air temperature given at `times` (local, tz-aware)."""
    tilt = system['tiltDegrees']
    surface_azimuth = system['azimuthDegrees']
    ghi = np.asarray(ghi, dtype=float)
    temp_air = np.asarray(temp_air, dtype=float)

    solar_position = pvlib.solarposition.get_solarposition(
        times, city['latitude'], city['longitude'], altitude=city['elevationMeters'])
    # The geometric (not refraction-corrected) zenith everywhere, as the TypeScript model does.
    zenith = solar_position['zenith'].to_numpy()
    solar_azimuth = solar_position['azimuth'].to_numpy()

    dni_extra = pvlib.irradiance.get_extra_radiation(times).to_numpy()
    decomposition = pvlib.irradiance.erbs(ghi, zenith, times)
    dni = decomposition['dni'].to_numpy()
    dhi = decomposition['dhi'].to_numpy()

    angle_of_incidence = pvlib.irradiance.aoi(tilt, surface_azimuth, zenith, solar_azimuth)
    sky_diffuse = pvlib.irradiance.haydavies(tilt, surface_azimuth, dhi, dni, dni_extra, zenith, solar_azimuth)
    ground_diffuse = pvlib.irradiance.get_ground_diffuse(tilt, ghi, albedo=policy['groundAlbedo'])
    poa = pvlib.irradiance.poa_components(angle_of_incidence, dni, sky_diffuse, ground_diffuse)

    iam_policy = policy['incidenceAngleModifier']
    iam = pvlib.iam.physical(angle_of_incidence, n=iam_policy['refractiveIndex'],
                             K=iam_policy['glazingExtinctionPerMeter'], L=iam_policy['glazingThicknessMeters'])
    effective_irradiance = poa['poa_direct'] * iam + poa['poa_diffuse']

    temp_cell = pvlib.temperature.ross(poa['poa_global'], temp_air,
                                       noct=policy['installedNominalOperatingCellTemperatureCelsius'])
    pdc = pvlib.pvsystem.pvwatts_dc(effective_irradiance, temp_cell, system['dcCapacityWatts'],
                                    policy['temperatureCoefficientPerDegreeCelsius'],
                                    temp_ref=policy['referenceCellTemperatureCelsius'])
    pdc_after_losses = pdc * (1 - system_losses_percent(policy, system) / 100)

    ac_nameplate = system['dcCapacityWatts'] / policy['dcAcRatio']
    eta_nominal = policy['inverterNominalEfficiency']
    return pvlib.inverter.pvwatts(pdc_after_losses, ac_nameplate / eta_nominal, eta_inv_nom=eta_nominal,
                                  eta_inv_ref=policy['inverterReferenceEfficiency'])


def default_tilt_degrees(latitude, policy):
    """The rule of defaultTiltDegrees (shared/solar/domain/cities.ts): the nearest option, ties to the lower."""
    return min(policy['defaultTiltOptionsDegrees'], key=lambda option: (abs(option - abs(latitude)), option))
