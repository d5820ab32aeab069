"""The cross-region search index, its backends, sync and views (not built yet)."""
