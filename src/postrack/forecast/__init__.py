"""Where will it settle? Bargaining forecasts per ordered issue, and their backtest on the record.

:func:`forecast` reads each party's ideal, accepted range, salience and capability as of a date and
runs the baselines (weighted mean and median) and the expected-utility model of Bueno de Mesquita;
:func:`backtest` checks a forecast made at one date against what the record says at a later one.
See docs/forecast.md.
"""

from postrack.forecast.backtest import Backtest, backtest
from postrack.forecast.engine import Forecast, IssueForecast, forecast
from postrack.forecast.eu_model import Parameters

__all__ = ["Backtest", "Forecast", "IssueForecast", "Parameters", "backtest", "forecast"]
