"""Who speaks through a document named in a relative clause, on fictional sentences: the
subject of the clause that makes it ("an interview that his sister gave", "a statement that
the bank issued"), never a relative pronoun."""

from __future__ import annotations

from consilience.analysis.quotes import extract_quotes
from consilience.model import Article


def _speakers(nlp, text: str) -> list[str | None]:
    return [q.speaker_name for q in extract_quotes(nlp(text), Article(id="t", text=text), [], [])]


def test_the_subject_of_a_clause_that_makes_the_document_is_its_speaker(nlp):
    assert _speakers(nlp, "Orrin was on the ferry, according to an interview that his sister Ada "
                          "Orrin gave to the Brill Post.") == ["Ada Orrin"]
    assert _speakers(nlp, "The mill will close in May, according to a statement that Orrin Bank "
                          "issued on Monday.") == ["Orrin Bank"]


def test_a_document_made_by_no_one_named_stays_the_document(nlp):
    assert _speakers(nlp, "The mill will close in May, according to a statement that was issued "
                          "on Monday.") == ["a statement"]


def test_an_issued_document_with_a_relative_clause_speaks_for_its_issuer(nlp):
    # as "issued a statement saying …": the maker speaks through what it released or sent
    assert _speakers(nlp, "On Tuesday, Mayor Ada Crell released a campaign video that said, "
                          "“We will finish the tram line by 2030.”") == ["Ada Crell"]
    assert _speakers(nlp, "Coach Bo Lind sent a letter that said the club would appeal the "
                          "fine.") == ["Bo Lind"]


def test_whatever_a_group_issues_speaks_for_the_group(nlp):
    # "flyer" is in no list of documents: being posted by the union makes it the union's
    assert _speakers(nlp, "The Lowmarsh Tenants Union posted a flyer asking residents to stop "
                          "paying rent until the boiler is fixed.") == ["Lowmarsh Tenants Union"]


def test_the_name_hung_on_whom_a_role_serves_names_the_role(nlp):
    # the parser takes "Tomas Brek" as an apposition of the client; two people's names are
    # never one person in apposition, so it names the lawyer
    text = ("A lawyer for Mr. Orrin Vale, Tomas Brek of Brek & Sons, confirmed the charges in a "
            "statement and said that Mr. Vale “denies every count.”")
    assert set(_speakers(nlp, text)) == {"Tomas Brek"}
