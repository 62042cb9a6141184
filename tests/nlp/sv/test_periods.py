"""nlp/sv/periods.py: year mentions and the role each one plays."""
from __future__ import annotations

import pytest

from nlp.sv.periods import find_year_mentions, resolve_period


def roles(text):
    return [(role, period) for _, _, role, period in find_year_mentions(text)]


@pytest.mark.parametrize("text,expected", [
    ("Under 2019 har myndigheterna genomfört", [("during", "2019")]),
    ("År 2015 genomfördes över 20 000", [("during", "2015")]),
    ("Tabell 1 Andel kvinnor, 2013–2022", [("span", "2013-2022")]),
    ("under perioden 2012-2021", [("span", "2012-2021")]),
    ("Från starten i pilotlänen 2003 till och med 2005", [("span", "2003-2005")]),
    ("under åren 2008 till 2010", [("span", "2008-2010")]),
    ("Återrapportering enligt regleringsbrevet för 2019", [("report", "2019")]),
    ("har minskat med fyra procentenheter jämfört med 2018", [("comparison", "2018")]),
    ("genomfördes 164 möten (166, 2021)", [("year", "2021")]),
    ("(8 638 kartläggningar 2018)", [("year", "2018")]),
    ("Sedan 2012 är ungefär hälften", [("since", "2012")]),
    ("sedan första mätåret 2020", [("since", "2020")]),
    ("De senaste fem åren har nivån", [("recent", "last:5")]),
    ("I december 2019 befann sig", [("during", "2019")]),
    # a year that ends a sentence introducing a list, before its colon
    ("avslutade en insats under januari–oktober 2026:", [("during", "2026")]),
    ("I augusti var knappt 356 000 inskrivna", [("month", "cur")]),
    ("jämfört med oktober 2025", [("comparison", "2025")]),
    ("i budgetpropositionen för 2027", [("budget", "2027")]),
    ("310 färre än ett år tidigare", [("previous", "prev:1")]),
])
def test_roles(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text", [
    "Lagen (2003:1210) om finansiell samordning",
    "Socialförsäkringsrapport 2018:8",
    "S2019/03413/SF",
    "Datum: 2020-05-08",
    "Af-2020/00074723",
    "årsskiftet 2009/2010",
    "2019,5 procent",
    "Under 1990-talet skedde samverkan lokalt",
])
def test_no_year_in_identifiers(text):
    assert roles(text) == []


@pytest.mark.parametrize("period,year,expected", [
    ("2012-", 2022, "2012-2022"),
    ("last:5", 2022, "2018-2022"),
    ("2019", 2022, "2019"),
    ("2013-2022", 2022, "2013-2022"),
    ("2012-", None, "2012"),
])
def test_resolve_period(period, year, expected):
    assert resolve_period(period, year) == expected
