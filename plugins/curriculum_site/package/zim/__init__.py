"""One ZIM file per language, for Kiwix on phones and for serving a room from one device."""

from .build import build_date, plan_zims, write_zims
from .plan import ZimPlan, ZimResult, zim_file_name

__all__ = ["ZimPlan", "ZimResult", "build_date", "plan_zims", "write_zims", "zim_file_name"]
