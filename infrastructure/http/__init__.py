"""HTTP adapters: the worker's step reporter and the callback's wire format."""
