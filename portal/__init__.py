"""The portal project: settings, home page, shared taxonomy, blocks and demo content."""
