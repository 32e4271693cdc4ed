"""/sitemap.xml for search engines: an index of sitemap pages listing every work a guest may
read (Work.objects.visible_to a guest), with its last change, and the main listings. Django's
sitemaps framework writes the XML; the index and its pages are kept in the cache for ten
minutes, since the index counts the works."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.urls import reverse
from django.views.decorators.cache import cache_page

from ficarchive.works.models import Work

KEPT_SECONDS = 600


class WorkSitemap(Sitemap):
    limit = 10_000  # works per sitemap page (the protocol allows 50,000)

    def items(self):
        return Work.objects.visible_to(AnonymousUser()).order_by("pk").only("pk", "updated_at")

    def lastmod(self, work: Work):
        return work.updated_at

    def location(self, work: Work) -> str:
        return work.get_absolute_url()


class ListingSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["home", "works_index", "tag_index", "collections"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"works": WorkSitemap, "listings": ListingSitemap}


@cache_page(KEPT_SECONDS)
def index(request):
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")


@cache_page(KEPT_SECONDS)
def section(request, section: str):
    return sitemap_views.sitemap(request, SITEMAPS, section=section)
