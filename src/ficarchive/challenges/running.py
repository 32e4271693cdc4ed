"""Running a gift exchange: matching the sign-ups (through the pure engine in matching.py and
assignment.py), the maintainers' review (swap, remove, regenerate), sending, defaulting and
pinch-hits. Every action is one transaction; a refused one raises ExchangeError and changes
nothing."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ficarchive.collections.services import maintainer_ids
from ficarchive.feedback.services.inbox import deliver_notice

from .models import Assignment, GiftExchange, SignupPrompt

if TYPE_CHECKING:
    from .matching import Prompt


class ExchangeError(ValueError):
    pass


def _prompts(exchange: GiftExchange) -> tuple[list[Prompt], list[Prompt]]:
    """Requests and offers as the engine reads them, each tag resolved to its canonical tag."""
    from .matching import Prompt

    through = SignupPrompt.tags.through
    tags: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    rows = through.objects.filter(signupprompt__signup__exchange=exchange).values_list(
        "signupprompt_id", "tag_id", "tag__type", "tag__synonym_of_id"
    )
    for prompt_id, tag_id, tag_type, synonym_of in rows:
        tags[prompt_id][tag_type].append(synonym_of or tag_id)
    requests, offers = [], []
    for row in SignupPrompt.objects.filter(signup__exchange=exchange).values(
        "pk", "signup_id", "kind", "any_types"
    ):
        prompt = Prompt(
            row["pk"], row["signup_id"], dict(tags[row["pk"]]), frozenset(row["any_types"])
        )
        (requests if row["kind"] == SignupPrompt.REQUEST else offers).append(prompt)
    return requests, offers


def generate_assignments(exchange: GiftExchange) -> int:
    """Match the sign-ups afresh: the drafts are replaced. Refused once assignments are sent."""
    if exchange.assignments.exclude(sent_at=None).exists():
        raise ExchangeError("The assignments were sent: they can't be generated again.")
    # The engine (NumPy, SciPy's solvers) is imported here, when a maintainer matches: it takes
    # a second to load, which every server start would pay for.
    from .assignment import assign
    from .matching import TagRule, potential_matches

    requests, offers = _prompts(exchange)
    rules = [TagRule(r.tag_type, r.required_to_match, r.weight) for r in exchange.rules.all()]
    result = assign(potential_matches(requests, offers, rules))
    matched = {m.recipient for m in result.matches}
    first_request = {}
    for prompt in requests:
        first_request.setdefault(prompt.signup, prompt.id)
    with transaction.atomic():
        exchange.assignments.all().delete()
        Assignment.objects.bulk_create(
            [
                Assignment(
                    exchange=exchange,
                    giver_id=m.giver,
                    recipient_id=m.recipient,
                    offer_id=m.offer,
                    request_id=m.request,
                    quality=m.quality,
                )  # fmt: skip
                for m in result.matches
            ]
            + [  # nobody could write for them: their request goes to the pinch-hitters
                Assignment(exchange=exchange, recipient_id=signup, request_id=request)
                for signup, request in first_request.items()
                if signup not in matched
            ]
        )
    return len(result.matches)


def find_assignment(exchange: GiftExchange, assignment_id) -> Assignment | None:
    """The exchange's assignment with this id (as typed in a form), or None."""
    try:
        return exchange.assignments.filter(pk=int(assignment_id)).first()
    except (TypeError, ValueError):
        return None


def _draft(exchange: GiftExchange, assignment_id) -> Assignment:
    assignment = find_assignment(exchange, assignment_id)
    if assignment is None:
        raise ExchangeError("There is no such assignment in this exchange.")
    if assignment.sent_at:
        raise ExchangeError("That assignment was sent already.")
    return assignment


def swap_recipients(exchange: GiftExchange, first_id, second_id) -> None:
    """The givers of two draft assignments write for each other's recipient instead."""
    with transaction.atomic():
        first, second = _draft(exchange, first_id), _draft(exchange, second_id)
        if first.pk == second.pk:
            raise ExchangeError("Choose two different assignments to swap.")
        if first.giver_id == second.recipient_id or second.giver_id == first.recipient_id:
            raise ExchangeError("That swap would have someone write for themselves.")
        first.recipient_id, second.recipient_id = second.recipient_id, first.recipient_id
        first.request_id, second.request_id = second.request_id, first.request_id
        first.quality = second.quality = 0  # no longer the matched pair's quality
        Assignment.objects.bulk_update([first, second], ["recipient", "request", "quality"])


def remove_assignment(exchange: GiftExchange, assignment_id) -> None:
    _draft(exchange, assignment_id).delete()


def send_assignments(exchange: GiftExchange) -> int:
    """Send every draft: each giver hears of theirs in the inbox and by mail."""
    with transaction.atomic():
        drafts = list(
            exchange.assignments.filter(sent_at=None).select_related("giver", "recipient__user")
        )
        if not drafts:
            raise ExchangeError("There are no assignments to send: generate them first.")
        now = timezone.now()
        exchange.assignments.filter(pk__in=[a.pk for a in drafts]).update(sent_at=now)
        for a in drafts:
            if a.giver is None:
                continue  # an unmatched request: open for pinch-hitters once sent
            deliver_notice(
                [a.giver.user_id], f"Your assignment for “{exchange.collection.title}”: you write "
                f"for {a.recipient.user.username}.", assignment_link(exchange, a),
            )  # fmt: skip
    return len(drafts)


def assignment_link(exchange: GiftExchange, assignment: Assignment) -> str:
    return reverse("exchange_assignment", args=[exchange.collection.name, assignment.pk])


def default(assignment: Assignment, user) -> None:
    """The giver can't write it after all: the request waits for a pinch-hitter."""
    if assignment.giver_user != user or not assignment.sent_at:
        raise ExchangeError("Only its giver can default on a sent assignment.")
    if assignment.work_id:
        raise ExchangeError("This assignment is fulfilled already.")
    with transaction.atomic():
        assignment.defaulted_at = timezone.now()
        assignment.pinch_hitter = None
        assignment.save(update_fields=["defaulted_at", "pinch_hitter"])
        exchange = assignment.exchange
        deliver_notice(
            maintainer_ids(exchange.collection),
            f"{user.username} defaulted on an assignment of “{exchange.collection.title}”; "
            "its request is open for pinch-hitters.", assignment_link(exchange, assignment),
        )  # fmt: skip


def pinch_hit(assignment: Assignment, user) -> None:
    """A volunteer takes an open request."""
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update(of=("self",))
            .select_related("recipient", "giver")
            .get(pk=assignment.pk)
        )
        if not assignment.open_for_pinch_hit:
            raise ExchangeError("This request is not open for pinch-hitters.")
        if assignment.recipient.user_id == user.pk:
            raise ExchangeError("You can't write your own request.")
        assignment.pinch_hitter = user
        assignment.save(update_fields=["pinch_hitter"])


def open_requests(exchange: GiftExchange):
    """The sent requests nobody writes now (their giver defaulted), for pinch-hitters."""
    return (
        exchange.assignments.exclude(sent_at=None)
        .filter(work=None, pinch_hitter=None)
        .filter(Q(giver=None) | Q(defaulted_at__isnull=False))
        .exclude(recipient=None)
        .select_related("recipient__user", "request")
    )
