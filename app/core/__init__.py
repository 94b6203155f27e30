"""Pure estimation: standard library and pydantic only. No Qt, no SQL, no files, no translated text.

Everything here takes specs and a Scenario and returns numbers in SI units plus findings as codes.
"""
