"""The worker's side of the internal step callback: reporting steps to the API over HTTP."""
