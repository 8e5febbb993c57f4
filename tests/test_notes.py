"""Notes read by people name sites, milestones and articles, not their ids."""

from aimap.notes import readable


def test_ids_become_names(fixture):
    note = "Distinct from beta-aif; see m-wave-2 (and alpha-aif-like words stay)."
    assert readable(note, fixture) == ("Distinct from Beta AI Factory; see Second wave "
                                       "selected (and alpha-aif-like words stay).")


def test_a_seed_article_is_named_by_its_title(fixture):
    assert readable("Seed 000 places it elsewhere; seed 000 agrees.", fixture) == (
        "The French article “Fixture seed article” places it elsewhere; "
        "the French article “Fixture seed article” agrees.")


def test_an_unknown_seed_or_plain_text_is_left_as_written(fixture):
    assert readable("Seed 123 and seeds in the ground.", fixture) == \
        "Seed 123 and seeds in the ground."


def test_an_id_ending_a_sentence_or_in_brackets_becomes_its_name(fixture):
    assert readable("Next to beta-aif. (alpha-aif) too; beta-aif_2 and xbeta-aif stay.",
                    fixture) == ("Next to Beta AI Factory. (Alpha AI Factory) too; beta-aif_2 "
                                 "and xbeta-aif stay.")
