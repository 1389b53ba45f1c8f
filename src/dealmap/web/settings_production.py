"""Settings for a deployment behind HTTPS: ``DJANGO_SETTINGS_MODULE=dealmap.web.settings_production``.

Everything of :mod:`dealmap.web.settings` (driven by the environment), plus: no debug, HTTPS only
(redirect, secure cookies, HSTS for a year with subdomains and preload), and the proxy's
``X-Forwarded-Proto`` trusted for the scheme. ``manage.py check --deploy`` passes with these.
Set ``DEALMAP_SECRET_KEY`` and ``DEALMAP_ALLOWED_HOSTS`` for the real host names.
"""

from dealmap.web.settings import *  # noqa: F403

DEBUG = False
SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# /healthz is probed over plain HTTP by load balancers inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
