"""What a printed figure allows: the interval of true values behind "54", "54,3" or "cirka 45 miljoner".

A report that prints "54" says the value lies in [53,5, 54,5]; one that prints "54,3" says
[54,25, 54,35]. The two agree. "55" and "60" do not, nor do "8 512" and "8 810". Every check
compares intervals, never bare values, so rounding alone never raises an error.

Two grades of disagreement:
- "rounding": a figure computed from others (a share from its counts) misses the printed one
  by no more than one unit of its last digit, or a sum holds once "51 000" is read as rounded
  to thousands;
- "error": anything beyond that.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from nlp.checks.context import Tolerances
from nlp.records import Fact
from nlp.sv.numerals import FRACTIONS, NUMBER_PATTERN, parse_swedish_number

_NUMBER = re.compile(NUMBER_PATTERN)
_GROUPED_ZEROS = re.compile(r"\d[ \u00a0\u202f\u2009]000$")

# Units whose printed figures are themselves roundings of a finer figure: a share, an average
# of days, an amount of money. A printed count of people is exact.
ROUNDED_UNITS = frozenset({"procent", "procentenheter", "dagar", "kronor", "år", "månader", "veckor", "timmar"})


@dataclass(frozen=True)
class Reading:
    """One figure as an interval: what the print allows the true value to be."""

    value: float
    lo: float
    hi: float
    step: float  # one unit of the last printed digit, in the fact's unit ("54" -> 1, "9,7" -> 0,1)
    coarse: float  # the step when a grouped "51 000" is read as rounded to thousands
    rounded: bool  # the figure is a rounding of a finer one (a share, an amount, a decimal)
    exact_point: bool = False  # computed from other figures, not printed: no width of its own

    @property
    def half(self) -> float:
        return (self.hi - self.lo) / 2


def point(value: float) -> Reading:
    """A computed figure (a sum, a ratio): exactly this value."""
    return Reading(value, value, value, 0.0, 0.0, False, exact_point=True)


def read(
    value: float,
    printed: str,
    unit: str = "antal",
    scale: float = 1.0,
    qualifier: str = "exact",
    tolerances: Optional[Tolerances] = None,
) -> Reading:
    """The interval a printed figure allows, given its qualifier ("cirka", "över", ...)."""
    tol = tolerances or Tolerances()
    m = _NUMBER.search(printed or "")
    if m is None:
        return _read_words(value, printed, unit, qualifier, tol)
    body = m.group(0)
    number = parse_swedish_number(body)
    decimals = len(body.split(",", 1)[1]) if "," in body else 0
    # The factor between the print and the value: the scale ("tkr" -> 1000), or whatever the
    # extractor used when the value is a fraction of the printed percentage.
    factor = abs(value / number) if number else abs(scale or 1.0)
    if not factor or math.isinf(factor) or math.isnan(factor):
        factor = abs(scale or 1.0)
    step = 10.0 ** (-decimals) * factor
    coarse = 1000.0 * factor if decimals == 0 and _GROUPED_ZEROS.search(body) else step
    rounded = unit in ROUNDED_UNITS or decimals > 0 or factor > 1 or coarse > step or qualifier != "exact"
    half = step / 2
    if qualifier == "approximate" and decimals == 0:
        half = max(half, round_step(number) * factor / 4)
    lo, hi = _bounds(value, half, qualifier, tol)
    return Reading(value, lo, hi, step, coarse, rounded)


def round_step(number: float) -> float:
    """The place a whole number is rounded to, read from its trailing zeros: 10 for "10" and
    "tio", 100 for "1 600", 1 for "12". Said to be approximate ("ungefär tio procent"), a round
    figure allows a quarter of that place each way, so 9 agrees with it and 14 does not."""
    n = abs(int(number)) if float(number).is_integer() else 0
    step = 1
    while n >= 10 and n % 10 == 0:
        n //= 10
        step *= 10
    return float(step)


def read_fact(fact: Fact, tolerances: Optional[Tolerances] = None) -> Reading:
    return read(fact.value, fact.printed, fact.unit, fact.scale, fact.qualifier, tolerances)


def _read_words(value: float, printed: str, unit: str, qualifier: str, tol: Tolerances) -> Reading:
    """A figure printed as words: "fyra" is exact to the unit, "hälften" and "sju av tio" are rough."""
    low = (printed or "").lower()
    rough = any(w in low for w in FRACTIONS) or " av " in f" {low} " or not float(value).is_integer()
    half = tol.word_share_points if rough and unit == "procent" else 0.5
    if qualifier == "approximate":
        half = max(half, round_step(value) / 4)
    lo, hi = _bounds(value, half, qualifier, tol)
    return Reading(value, lo, hi, 2 * half, 2 * half, True)


def _bounds(value: float, half: float, qualifier: str, tol: Tolerances) -> tuple[float, float]:
    v = value
    if qualifier == "approximate":
        w = max(half, tol.approximate_rel * abs(v))
        return v - w, v + w
    if qualifier == "over":
        return v - half, v + abs(v) * tol.bound_rel + half
    if qualifier == "under":
        return v - abs(v) * tol.bound_rel - half, v + half
    return v - half, v + half


def _eps(*values: float) -> float:
    return 1e-9 * max([1.0] + [abs(v) for v in values])


def agree(a: Reading, b: Reading) -> bool:
    """Whether one true value could lie behind both figures.

    A computed point agrees when it lies in the other's closed interval (a ratio of exactly
    12,5 may print as 12 or 13). Two printed figures must overlap by more than a touch: "69"
    and "70" share only the boundary 69,5, which no rounding prints as both.
    """
    eps = _eps(a.value, b.value)
    if a.exact_point and b.exact_point:
        return abs(a.value - b.value) <= eps
    if a.exact_point or b.exact_point:
        p, r = (a, b) if a.exact_point else (b, a)
        return r.lo - eps <= p.value <= r.hi + eps
    return min(a.hi, b.hi) - max(a.lo, b.lo) > eps


def slack(*readings: Reading) -> float:
    """One unit of the coarsest last printed digit among figures that are themselves rounded."""
    return max([r.step for r in readings if r.rounded] + [0.0])


def grade(a: Reading, b: Reading) -> Optional[str]:
    """None when the figures agree, else "rounding" or "error".

    Two printed figures that cannot stand for one value are an error: "69" and "70" cannot
    both be roundings of the same share. A figure computed from others (a ratio, a sum) that
    misses the printed one by no more than one unit of its last digit is a rounding question:
    the report may have rounded an intermediate step, or truncated.
    """
    if agree(a, b):
        return None
    if (a.exact_point or b.exact_point) and abs(a.value - b.value) <= slack(a, b) + _eps(a.value, b.value):
        return "rounding"
    return "error"


def total(readings: Iterable[Reading], signs: Optional[Iterable[int]] = None, coarse: bool = False) -> Reading:
    """The interval of a signed sum of figures, each taken with its own precision.

    With `coarse`, grouped figures such as "51 000" count as rounded to thousands.
    """
    rs = list(readings)
    ss = list(signs) if signs is not None else [1] * len(rs)
    value = sum(s * r.value for s, r in zip(ss, rs))
    half = sum((r.coarse / 2 if coarse and r.coarse > r.step else r.half) for r in rs)
    if all(r.exact_point for r in rs):
        return point(value)
    return Reading(value, value - half, value + half, max((r.step for r in rs), default=0.0), 0.0, True)


def widen_coarse(r: Reading) -> Reading:
    """The same figure read as rounded to thousands when it is printed like "51 000"."""
    if r.coarse <= r.step:
        return r
    return Reading(r.value, r.value - r.coarse / 2, r.value + r.coarse / 2, r.coarse, r.coarse, True)


def sum_grade(parts: list[Reading], whole: Reading, signs: Optional[list[int]] = None) -> Optional[str]:
    """None when the parts can add up to the whole; "rounding" when only thousands-rounding
    or one printed unit saves it; else "error"."""
    s = total(parts, signs)
    if agree(s, whole):
        return None
    s_coarse = total(parts, signs, coarse=True)
    if agree(s_coarse, widen_coarse(whole)):
        return "rounding"
    if abs(s.value - whole.value) <= slack(whole, *parts) + _eps(s.value, whole.value):
        return "rounding"
    return "error"


def relative_gap(expected: float, found: float) -> float:
    """The size of a discrepancy for ranking: |found - expected| relative to the larger."""
    base = max(abs(expected), abs(found))
    return abs(found - expected) / base if base else 0.0


def power_of_ten(a: Reading, b: Reading, max_power: int) -> Optional[int]:
    """k such that a agrees with b * 10**k (k != 0), or None: the mark of a unit slip.

    Signs are ignored: "överskred budgeten med 1 000 kronor" and a "Differens" of "-1 000" tkr
    are one amount in two sign conventions and two scales.
    """
    if a.value == 0 or b.value == 0:
        return None
    k = round(math.log10(abs(a.value) / abs(b.value)))
    if k == 0 or abs(k) > max_power:
        return None
    f = 10.0 ** k
    scaled = magnitude(Reading(b.value * f, b.lo * f, b.hi * f, b.step * f, b.coarse * f, b.rounded, b.exact_point))
    return k if agree(magnitude(a), scaled) else None


def magnitude(r: Reading) -> Reading:
    """The same figure without its sign."""
    if r.value >= 0:
        return r
    return Reading(-r.value, -r.hi, -r.lo, r.step, r.coarse, r.rounded, r.exact_point)
