"""align, value logic of r14 (`AlignParams.unit_from_role`, `AlignParams.date_intervals`).

A number written without a unit reads the unit of its claim's number that measures the same
thing, and agrees with another outlet's value of that unit when their written precisions hold
one another; a day inside a month, or a year inside a span of decades, is no other date.
Fictional stories: the invented harbour of Tarnholt's levy rates, an invented orchard
cooperative's yields, an invented lighthouse keeper's years of service."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import parsed_claims, parsed_scorer

from consilience.story.align import DEFAULT_PARAMS, _dates_exclude, _other_values

UNITS_ON = replace(DEFAULT_PARAMS, unit_from_role=True)
UNITS_OFF = replace(DEFAULT_PARAMS, unit_from_role=False)
DATES_ON = replace(DEFAULT_PARAMS, date_intervals=True)
DATES_OFF = replace(DEFAULT_PARAMS, date_intervals=False)

_FILL_A = " Ferries ran as usual across the fjord. The harbour board will meet on Friday."
_FILL_B = " The union asked for an inquiry into the pumps. The quay reopened at noon."


def _scorer(models, texts: dict[str, str], params):
    claims, roles = parsed_claims(models, texts)
    return claims, parsed_scorer(models, claims, params, roles)


def _at(claims, article: str, words: str) -> int:
    return next(k for k, c in enumerate(claims) if c.span.article == article and words in c.text)


LEVY = {"gull": "Tarnholt, June 3. The audit showed that the harbour's 2030 levy rate was 12.47, "
                "and, with port and pilot fees, was a combined rate of 19.3 percent." + _FILL_A,
        "tern": "Tarnholt, June 3. The harbour's levy rate for 2030 was 12.5 percent." + _FILL_B}


def test_a_bare_rate_reads_the_percent_of_its_claim_and_agrees_by_precision(models):
    claims, sc = _scorer(models, LEVY, UNITS_ON)
    i, j = _at(claims, "gull", "12.47"), _at(claims, "tern", "12.5 percent")
    assert (12.47, 12.47, "percent") in sc.unums[i]
    # "12.47" lies inside what "12.5 percent" stands for: one value, the other sum is extra
    assert not _other_values(sc, min(i, j), max(i, j))
    # off: the bare value has no unit, so 19.3 percent is set against 12.5 percent
    claims, sc = _scorer(models, LEVY, UNITS_OFF)
    assert _other_values(sc, min(i, j), max(i, j))


def test_an_inherited_unit_needs_the_written_precision_not_ten_percent(models):
    # 12.9 is within 10% of 12.5 but outside what "12.5 percent" stands for
    texts = dict(LEVY, gull=LEVY["gull"].replace("12.47", "12.9"))
    claims, sc = _scorer(models, texts, UNITS_ON)
    i, j = _at(claims, "gull", "12.9"), _at(claims, "tern", "12.5 percent")
    assert (12.9, 12.9, "percent") in sc.unums[i]
    assert _other_values(sc, min(i, j), max(i, j))


def test_a_bare_count_of_another_thing_inherits_nothing(models):
    # the cooperative's 14 orchards are no tonnes: another measured thing keeps no unit
    texts = {"gull": "Velmar, May 2. The cooperative's 14 orchards gave a yield of 3.2 tonnes a "
                     "hectare this spring." + _FILL_A,
             "tern": "Velmar, May 2. The cooperative's orchards yielded 3.2 tonnes a hectare."
                     + _FILL_B}
    claims, sc = _scorer(models, texts, UNITS_ON)
    i = _at(claims, "gull", "14 orchards")
    assert not sc.inherited[i]


def test_an_exact_count_beside_a_measure_inherits_nothing(models):
    # "12 more" is told of the same collector as her maps, but an exact count has no written
    # precision: it is no measure whose unit the context gives
    texts = {"gull": "Collector Lena Moss, a teacher, now has 4, 310 maps - - 12 more than Ivo "
                     "Tarr, who sold his in 2001." + _FILL_A,
             "tern": "Lena Moss passed the record of 4, 298 maps set by Ivo Tarr." + _FILL_B}
    claims, sc = _scorer(models, texts, UNITS_ON)
    i = _at(claims, "gull", "310 maps")
    assert (12.0, 12.0, None) in sc.unums[i]
    assert not sc.inherited[i]


def test_interval_dates():
    # a day inside its month, a year inside its decade, spans with no anchor hold any year
    assert not _dates_exclude("2029-01-01", "2029-01")
    assert not _dates_exclude("1987", "~the 1980s")
    assert not _dates_exclude("2014", "~those three decades")
    assert _dates_exclude("2029-02-01", "2029-01")
    assert _dates_exclude("1997", "~the 1980s")
    assert _dates_exclude("2028-03-06", "~16th-century")
    assert _dates_exclude("~tuesday", "~friday")  # unresolved words still differ as written


KEEPER = {"gull": "Keeper Anja Roos lit the harbour lamp every night in 1987, the lighthouse "
                  "trust said." + _FILL_A,
          "tern": "Anja Roos lit the harbour lamp every night in those three decades, the trust "
                  "said." + _FILL_B}


def test_a_year_inside_a_span_of_decades_is_no_other_date(models):
    claims, sc = _scorer(models, KEEPER, DATES_ON)
    i, j = _at(claims, "gull", "1987"), _at(claims, "tern", "three decades")
    assert "1987" in sc.dates[i] and "~those three decades" in sc.dates[j]
    assert not sc.dates_apart(min(i, j), max(i, j))
    claims, sc = _scorer(models, KEEPER, DATES_OFF)
    assert sc.dates_apart(min(i, j), max(i, j))
    # another year stays another date with the switch
    texts = dict(KEEPER, tern=KEEPER["tern"].replace("those three decades", "1994"))
    claims, sc = _scorer(models, texts, DATES_ON)
    i, j = _at(claims, "gull", "1987"), _at(claims, "tern", "1994")
    assert sc.dates_apart(min(i, j), max(i, j))


OBJ_ON = replace(DEFAULT_PARAMS, objects_own_verbs=True)
OBJ_OFF = replace(DEFAULT_PARAMS, objects_own_verbs=False)
MAYOR = {"gull": "Mayor Ida Fenn would not run again amid claims that she set the tone for a "
                 "bitter campaign in Orsby." + _FILL_A,
         "tern": "Ida Fenn would not seek a third mandate as mayor of Orsby." + _FILL_B}


def test_objects_of_a_clause_beside_the_claim_part_nothing(models):
    # "the tone" is the object of another act than the one the claim states (`objects_own_verbs`)
    claims, sc = _scorer(models, MAYOR, OBJ_OFF)
    i, j = _at(claims, "gull", "run again"), _at(claims, "tern", "seek")
    assert sc.mutual_objects_apart(min(i, j), max(i, j))
    claims, sc = _scorer(models, MAYOR, OBJ_ON)
    assert not sc.mutual_objects_apart(min(i, j), max(i, j))


def test_objects_of_the_stated_verbs_still_part_with_the_switch(models):
    texts = {"gull": "The Orsby council approved the ferry levy after a short debate." + _FILL_A,
             "tern": "The Orsby council backed a new budget for the harbour schools." + _FILL_B}
    claims, sc = _scorer(models, texts, OBJ_ON)
    i, j = _at(claims, "gull", "approved"), _at(claims, "tern", "backed")
    assert sc.mutual_objects_apart(min(i, j), max(i, j))
