"""The scenegen command line."""
