"""Settings are split by environment: base (shared), dev, test and production."""
