"""Who maintains a collection: its owners and moderators, and those of its parent."""

from __future__ import annotations

from .models import Collection, Participant


def maintainer_ids(collection: Collection) -> set[int]:
    """Users who maintain `collection`: its owners and moderators, and those of its parent."""
    ids = {collection.pk, collection.parent_id} - {None}
    return set(
        Participant.objects.filter(
            collection_id__in=ids, role__in=Participant.MAINTAINERS
        ).values_list("user_id", flat=True)
    )


def is_maintainer(collection: Collection, user) -> bool:
    return bool(user and user.is_authenticated) and user.pk in maintainer_ids(collection)
