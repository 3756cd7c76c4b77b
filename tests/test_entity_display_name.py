"""The name an entity is shown by: the formal given name over a short form said more often,
and the fullest compatible form (fictional names)."""

from __future__ import annotations

from consilience.story.resolve import person_form


def test_the_formal_given_name_is_shown_over_a_short_form_said_more_often():
    assert person_form(["Nando Velhoa", "Nando Velhoa", "Fernando Velhoa", "Velhoa"]) \
        == "Fernando Velhoa"
    assert person_form(["Jim Kellard", "Jim Kellard", "James Kellard"]) == "James Kellard"


def test_two_given_names_that_are_not_one_persons_keep_the_common_form():
    # "Mario" / "Maria": one letter apart, two people's names; the form said most is shown
    assert person_form(["Mario Lenzi", "Mario Lenzi", "Maria Lenzi"]) == "Mario Lenzi"


def test_the_fullest_compatible_form_is_shown():
    assert person_form(["Ove Brandt", "Ove K. Brandt", "Ove Brandt"]) == "Ove K. Brandt"
