"""The bare form view inside Lookout's own stack: production settings, every middleware, with the bare view's
URL added in front of Lookout's. Its rate next to the bare project's and the report form's says how much of the
gap is the framework as Lookout configures it (headers, the forgotten client, locale, the page cache, sessions
and the signed-in area's checks) and how much is the report's own work (bench/surge.py)."""

from lookout.settings.production import *  # noqa: F403 - the production settings, one URLconf apart

ROOT_URLCONF = "bench.bareform.in_stack_urls"
