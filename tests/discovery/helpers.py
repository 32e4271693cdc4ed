"""Helpers for discovery tests: posting works and wrangling tags the way the services do."""

from __future__ import annotations

from ficarchive.discovery.indexing import index_works
from ficarchive.tags.filtering import refresh_work_filter_tags
from ficarchive.tags.models import Tag, TagParent
from ficarchive.works.models import Work
from ficarchive.works.services import post_work


def post(user, title: str, **fields) -> Work:
    fields.setdefault("fandoms", ["Original Work"])
    fields.setdefault("body", "<p>Once upon a time.</p>")
    return post_work(pseuds=[user.default_pseud], title=title, **fields)


def tag(name: str) -> Tag:
    return Tag.objects.get(name__iexact=name)


def refresh_all() -> None:
    ids = list(Work.objects.values_list("pk", flat=True))
    refresh_work_filter_tags(ids)
    index_works(ids)


def make_canonical(*names: str) -> None:
    Tag.objects.filter(name__in=names).update(canonical=True)
    refresh_all()


def make_synonym(name: str, of: str) -> None:
    Tag.objects.filter(name=name).update(canonical=False, synonym_of=tag(of))
    refresh_all()


def make_parent(parent: str, child: str) -> None:
    TagParent.objects.create(parent=tag(parent), child=tag(child))
    refresh_all()


def titles(response) -> list[str]:
    return [w.title for w in response.context["page"].works]
