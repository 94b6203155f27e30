import os

from hypothesis import settings

# "ci" (default): the counts in the tests, 2,100 cases in all. "long": the tests multiply their counts
# by ten (tests/property/test_properties.py, SCALE); this profile also drops the example database's
# replay-first habit so a long run explores.
settings.register_profile("ci", settings())
settings.register_profile("long", settings(print_blob=True))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
