import os

from django.core.wsgi import get_wsgi_application

from ficarchive.core.startup import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ficarchive.settings")
application = get_wsgi_application()
settle()
