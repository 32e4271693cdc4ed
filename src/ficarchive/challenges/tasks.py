"""Background work of challenges, run by the periodic job."""

from __future__ import annotations

from django_tasks import task


@task()
def signup_dates_task() -> int:
    from .schedule import act_on_dates

    return act_on_dates()
