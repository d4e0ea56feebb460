"""The synthetic weather of the solar context's cities, shared by generate-city-climate.py and pvlib-reference.py.

A city's weather on a day is:
- hourly GHI = pvlib's Ineichen clear-sky GHI (with the Linke turbidity climatology pvlib ships, interpolated to the
  day, and the city's altitude) x the month's clear-sky index;
- hourly air temperature = the month's mean plus a two-piece cosine diurnal cycle: minimum at 06:00, maximum at 15:00,
  amplitude half the diurnal range. Each half-cosine averages to zero, so the day's continuous mean is the month's mean.

Each value stands for a whole hour and is taken at the middle of it (hh:30 local time, Asia/Riyadh = UTC+3).
See docs/solar-model.md.
"""
import calendar
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
from pvlib.location import Location

CITY_INPUTS_FILE = Path(__file__).with_name('city-inputs.json')

#: A fixed non-leap year, so that a month's days and the representative dates never change.
YEAR = 2025
TIMEZONE = 'Asia/Riyadh'
UTC_OFFSET_HOURS = 3
#: Klein's (1977) average days: the day of each month whose extraterrestrial radiation is closest to the month's mean.
REPRESENTATIVE_DAY_OF_MONTH = (17, 16, 16, 15, 15, 11, 17, 16, 15, 15, 14, 10)
#: The diurnal cycle's coldest and hottest local hours.
COLDEST_HOUR = 6.0
HOTTEST_HOUR = 15.0


def load_city_inputs():
    with open(CITY_INPUTS_FILE, encoding='utf-8') as file:
        return json.load(file)['cities']


def days_in_month(month):
    return calendar.monthrange(YEAR, month)[1]


def representative_date(month):
    return f'{YEAR}-{month:02d}-{REPRESENTATIVE_DAY_OF_MONTH[month - 1]:02d}'


def hourly_times(first_day, days=1):
    """The local mid-hour timestamps (00:30 … 23:30) of `days` days from `first_day` ('YYYY-MM-DD')."""
    return pd.date_range(f'{first_day} 00:30', periods=24 * days, freq='h', tz=TIMEZONE)


def year_times():
    return hourly_times(f'{YEAR}-01-01', 365)


def location_of(city):
    return Location(city['latitude'], city['longitude'], tz=TIMEZONE, altitude=city['elevationMeters'], name=city['id'])


def clear_sky_ghi(city, times):
    """pvlib's Ineichen clear-sky GHI, W/m², with its own Linke turbidity climatology for the city and the day."""
    return location_of(city).get_clearsky(times, model='ineichen')['ghi'].to_numpy()


def diurnal_shape(local_hours):
    """-1 at 06:00, +1 at 15:00, two half-cosines between them; the mean over a whole day is 0."""
    hours = np.asarray(local_hours, dtype=float) % 24
    rising = (hours >= COLDEST_HOUR) & (hours <= HOTTEST_HOUR)
    rising_span = HOTTEST_HOUR - COLDEST_HOUR
    falling_span = 24 - rising_span
    since_peak = (hours - HOTTEST_HOUR) % 24
    return np.where(
        rising,
        -np.cos(math.pi * (hours - COLDEST_HOUR) / rising_span),
        np.cos(math.pi * since_peak / falling_span),
    )


def air_temperature(times, mean_celsius, diurnal_range_celsius):
    """Hourly air temperature, °C: the month's mean (per timestamp) plus the diurnal cycle."""
    local_hours = times.hour + times.minute / 60
    return np.asarray(mean_celsius, dtype=float) + diurnal_range_celsius / 2 * diurnal_shape(local_hours)


def month_of_each(times):
    return np.asarray(times.month) - 1


def synthetic_year(city, clear_sky_index_by_month):
    """Every hour of the synthetic year: (times, ghi, temp_air), built exactly as the representative days are."""
    times = year_times()
    months = month_of_each(times)
    clear_sky_index = np.asarray(clear_sky_index_by_month, dtype=float)[months]
    mean_temperature = np.asarray(city['monthlyMeanAirTemperatureCelsius'], dtype=float)[months]
    ghi = clear_sky_ghi(city, times) * clear_sky_index
    temp_air = air_temperature(times, mean_temperature, city['diurnalTemperatureRangeCelsius'])
    return times, ghi, temp_air
