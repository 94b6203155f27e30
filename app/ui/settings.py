"""Typed facade over QSettings: language, currency, FX rate, electricity price, PUE, recent files.

Values are read when asked (no settings are read at import); defaults are the assumptions registry's. Tests point QSettings at a temporary
directory (tests/conftest.py) so the user's own settings are never touched.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings

from app.core import assumptions as A

ORGANIZATION = "gpu-planner"
APPLICATION = "LLM GPU Planner"
MAX_RECENT = 8


def _is_iso_date(v: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


class Settings:
    def __init__(self) -> None:
        # INI everywhere (readable, and tests can redirect it with QSettings.setPath)
        self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                            QCoreApplication.organizationName() or ORGANIZATION,
                            QCoreApplication.applicationName() or APPLICATION)

    def _get(self, key: str, default, typ):
        v = self._q.value(key, default)
        try:
            return typ(v) if v is not None else default
        except (TypeError, ValueError):
            return default

    # ----- preferences ---------------------------------------------------------------------
    @property
    def language(self) -> str:
        """"ja", "en", or "" to follow the system."""
        v = self._get("language", "", str)
        return v if v in ("", "ja", "en") else ""

    @language.setter
    def language(self, v: str) -> None:
        self._q.setValue("language", v)

    @property
    def currency(self) -> str:
        v = self._get("currency", "", str)
        return v if v in ("JPY", "USD") else ""

    @currency.setter
    def currency(self, v: str) -> None:
        self._q.setValue("currency", v)

    @property
    def fx_jpy_per_usd(self) -> float:
        d = A.value("fx_jpy_per_usd")
        v = self._get("fx_jpy_per_usd", d, float)
        return v if 1.0 <= v <= 1000.0 else d

    @fx_jpy_per_usd.setter
    def fx_jpy_per_usd(self, v: float) -> None:
        self._q.setValue("fx_jpy_per_usd", float(v))

    @property
    def fx_as_of(self) -> str:
        """The date of the exchange rate (ISO), cited in the report; defaults to the default rate's date."""
        v = self._get("fx_as_of", A.DEFAULT_FX_AS_OF, str)
        return v if _is_iso_date(v) else A.DEFAULT_FX_AS_OF

    @fx_as_of.setter
    def fx_as_of(self, v: str) -> None:
        self._q.setValue("fx_as_of", v)

    @property
    def electricity_jpy_per_kwh(self) -> float:
        d = A.value("electricity_jpy_per_kwh")
        v = self._get("electricity_jpy_per_kwh", d, float)
        return v if 0.0 <= v <= 1000.0 else d

    @electricity_jpy_per_kwh.setter
    def electricity_jpy_per_kwh(self, v: float) -> None:
        self._q.setValue("electricity_jpy_per_kwh", float(v))

    @property
    def pue(self) -> float:
        d = A.value("pue")
        v = self._get("pue", d, float)
        return v if 1.0 <= v <= 5.0 else d

    @pue.setter
    def pue(self, v: float) -> None:
        self._q.setValue("pue", float(v))

    # ----- files -----------------------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        v = self._q.value("recent_files", [])
        if isinstance(v, str):
            v = [v]
        return [str(x) for x in (v if isinstance(v, (list, tuple)) else [])][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        files = [path] + [f for f in self.recent_files if f != path]
        self._q.setValue("recent_files", files[:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self._q.setValue("recent_files", [f for f in self.recent_files if f != path])

    @property
    def last_dir(self) -> str:
        return self._get("last_dir", "", str)

    @last_dir.setter
    def last_dir(self, v: str) -> None:
        self._q.setValue("last_dir", v)

    def sync(self) -> None:
        self._q.sync()
