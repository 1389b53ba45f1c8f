"""The core app has no tables of its own."""
