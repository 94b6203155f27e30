"""The catalog's error, in a module of its own: the CLI catches it without importing the catalog
(and with it pydantic) on paths that never read it, such as the start of the wizard."""


class CatalogError(RuntimeError):
    """The catalog cannot be read or written; the message says which file and what to do."""


class CatalogWriteError(CatalogError):
    """The user's catalog cannot be written (a read-only data folder, a full disk): nothing was
    changed. Something the user can fix, so the CLI answers it with a usage line (exit 2)."""
