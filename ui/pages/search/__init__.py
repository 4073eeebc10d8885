"""Search everything (Ctrl+K): the search window and its results model."""
