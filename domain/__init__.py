"""Pure domain: jobs and the scene generator. Standard library and msgspec only."""
