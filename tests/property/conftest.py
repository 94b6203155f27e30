import os

from hypothesis import settings

# "ci": the counts in the tests (>= 2,000 cases in all); "long": ten times more, on demand.
settings.register_profile("ci", settings())
settings.register_profile("long", settings(max_examples=20000))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
