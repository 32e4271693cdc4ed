"""AO3's shapes under the collection: /collections/NAME/signups/new, /assignments, /prompts,
... (no trailing slash)."""

from django.urls import path

from . import exchange_views as ex
from . import meme_views as meme

N = "collections/<str:name>"

urlpatterns = [
    path(f"{N}/gift_exchange/edit", ex.setup, name="exchange_setup"),
    path(f"{N}/tag_set", ex.tag_set, name="exchange_tag_set"),
    path(f"{N}/signups/new", ex.sign_up, name="exchange_signup"),
    path(f"{N}/assignments", ex.assignments, name="exchange_assignments"),
    path(f"{N}/assignments/<int:pk>", ex.assignment, name="exchange_assignment"),
    path(f"{N}/assignments/<int:pk>/default", ex.default_view, name="exchange_default"),
    path(f"{N}/pinch_hits", ex.pinch_hits, name="exchange_pinch_hits"),
    path(f"{N}/prompt_meme/edit", meme.setup, name="meme_setup"),
    path(f"{N}/prompts", meme.prompts, name="meme_prompts"),
    path(f"{N}/prompts/new", meme.new_prompt, name="meme_new_prompt"),
    path(f"{N}/prompts/<int:pk>", meme.prompt, name="meme_prompt"),
    path(f"{N}/prompts/<int:pk>/claim", meme.claim, name="meme_claim"),
]
