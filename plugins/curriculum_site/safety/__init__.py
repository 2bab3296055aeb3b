"""curriculum/safety: quick exit, nothing stored by default, a strict CSP, no third parties."""
