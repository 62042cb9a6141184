"""Tables -> Facts: every numeric cell is a fact, named by its headers.

A cell's measure comes from its column and row headers and the caption (nlp.measures), its
period from a year in its headers ("2013" in the stub, "2021, Alla" above it) or else from the
caption or the report's year, its breakdown from group words in the headers ("Ja, kvinnor",
"Kvinnor, SP" with a legend "Sjukpenning=SP", "30–39 år") and, for a key the headers leave
open, from the caption ("..., sjukpenning, kvinnor och män": förmån sjukpenning; "kvinnor och
män" together is the total). "Totalt" and "Alla" name no group.

Units: "%" in the cell, "Andel"/"Antal" in a header, the unit note ("Belopp i tkr": kronor,
scale 1000) or the caption ("i antal dagar").

    cell_facts.py    extract_table_facts, table_to_facts: the cells of each table, one by one
    across_cells.py  what a cell's fact takes from the others of its table (totals, group rows, anslag)
    cells.py, headers.py, units.py, periods.py, measure.py, breakdown.py: the steps a cell goes through
"""
from nlp.tables.cell_facts import extract_table_facts, table_to_facts
from nlp.tables.cells import is_numeric_cell
from nlp.tables.headers import legends_for, measure_axis
from nlp.tables.periods import period_part

__all__ = ["extract_table_facts", "is_numeric_cell", "legends_for", "measure_axis", "period_part", "table_to_facts"]
