"""The collections a work is in, for the work's page."""

from django import template

from ficarchive.collections.items import collections_of

register = template.Library()


@register.simple_tag
def work_collections(work):
    return list(collections_of(work))
