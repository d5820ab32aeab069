"""Content: the regional Wagtail pages, the shared taxonomy, the training materials."""
