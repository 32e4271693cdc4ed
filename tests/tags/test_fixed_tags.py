import pytest
from django.core.management import call_command

from ficarchive.tags.fixed import CATEGORIES, RATINGS, WARNINGS
from ficarchive.tags.models import Tag


@pytest.mark.django_db(transaction=True)
def test_the_fixed_tags_come_back_after_the_tables_are_emptied():
    call_command("flush", interactive=False, verbosity=0)
    assert sorted(Tag.objects.filter(type="rating").values_list("name", flat=True)) == sorted(
        RATINGS
    )
    assert Tag.objects.filter(type="warning").count() == len(WARNINGS)
    assert Tag.objects.filter(type="category", canonical=True).count() == len(CATEGORIES)
