import os

from django.core.wsgi import get_wsgi_application

from ficarchive.core.startup import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ficarchive.settings")
django_application = get_wsgi_application()
settle()

from ficarchive.pagecache.wsgi import answer_kept_pages  # noqa: E402 - needs Django set up

application = answer_kept_pages(django_application)
