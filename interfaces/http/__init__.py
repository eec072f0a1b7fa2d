"""The Litestar app: controllers, wire schemas, guards and problem details."""
