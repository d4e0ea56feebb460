"""pvlib's answers for the cross-check of the TypeScript PV model (test/unit/solar/pvlib-cross-check.test.ts).

stdin, JSON:
  {"policy": PV_MODEL_POLICY,
   "cities": [{"cityId", "latitudeDegrees", "longitudeDegrees", "elevationMeters", "system": PvSystem,
               "months": [{"month", "representativeDate", "daysInMonth", "clearSkyIndex",
                           "hourlyGhiWattsPerSquareMeter", "hourlyAirTemperatureCelsius"}]}]}
stdout, JSON:
  {"pvlibVersion",
   "cities": [{"cityId",
               "monthlyAcKilowattHours": the same chain, pvlib's functions (pvlib_chain.py), on exactly the
                   representative days given, each day's energy x the days of its month,
               "syntheticYearAcKilowattHours": the chain over every hour of the synthetic year, every day made as
                   the generator makes the representative days (synthetic_weather.py) with the month's clear-sky
                   index given here and the temperatures of city-inputs.json}]}
"""
import json
import sys

import numpy as np
import pvlib

import pvlib_chain
import synthetic_weather as weather


def representative_days_energy(city, system, policy):
    monthly = []
    for month in city['months']:
        times = weather.hourly_times(month['representativeDate'])
        ac = pvlib_chain.ac_power_watts(times, city_geometry(city), month['hourlyGhiWattsPerSquareMeter'],
                                        month['hourlyAirTemperatureCelsius'], system, policy)
        monthly.append(float(np.sum(ac)) * month['daysInMonth'] / 1000)
    return monthly


def city_geometry(city):
    return {'latitude': city['latitudeDegrees'], 'longitude': city['longitudeDegrees'],
            'elevationMeters': city['elevationMeters']}


def synthetic_year_energy(city, inputs, system, policy):
    for key, input_key in (('latitudeDegrees', 'latitude'), ('longitudeDegrees', 'longitude'),
                           ('elevationMeters', 'elevationMeters')):
        if city[key] != inputs[input_key]:
            raise ValueError(f"{city['cityId']}: {key} {city[key]} differs from city-inputs.json's {inputs[input_key]}")
    clear_sky_index = [month['clearSkyIndex'] for month in sorted(city['months'], key=lambda m: m['month'])]
    times, ghi, temp_air = weather.synthetic_year(inputs, clear_sky_index)
    ac = pvlib_chain.ac_power_watts(times, inputs, ghi, temp_air, system, policy)
    return float(np.sum(ac)) / 1000


def main():
    request = json.load(sys.stdin)
    policy = request['policy']
    inputs_by_id = {city['id']: city for city in weather.load_city_inputs()}
    answers = []
    for city in request['cities']:
        system = city['system']
        answers.append({
            'cityId': city['cityId'],
            'monthlyAcKilowattHours': representative_days_energy(city, system, policy),
            'syntheticYearAcKilowattHours': synthetic_year_energy(city, inputs_by_id[city['cityId']], system, policy),
        })
    json.dump({'pvlibVersion': pvlib.__version__, 'cities': answers}, sys.stdout)


if __name__ == '__main__':
    main()
