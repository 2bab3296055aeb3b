"""The offline package: one reproducible ZIP of the built site, for a USB stick."""

from .build import PackageResult, build_package

__all__ = ["PackageResult", "build_package"]
