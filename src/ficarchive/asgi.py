import os

from django.core.asgi import get_asgi_application

from ficarchive.core.startup import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ficarchive.settings")
application = get_asgi_application()
settle()
