from __future__ import annotations

from django import template
from django.urls import reverse

from ficarchive.exports.services import FORMAT_LABELS, ascii_filename

register = template.Library()


@register.simple_tag
def download_links(work) -> list[tuple[str, str]]:
    """(label, URL) of each download of `work`, in AO3's order; ?updated_at= makes a fresh URL
    whenever the work changes, so browsers and proxies never hand out an old file."""
    name = ascii_filename(work)
    stamp = int(work.updated_at.timestamp())
    return [
        (
            label,
            f"{reverse('download', kwargs={'work_id': work.pk, 'filename': name, 'ext': ext})}?updated_at={stamp}",
        )
        for ext, label in FORMAT_LABELS.items()
    ]
