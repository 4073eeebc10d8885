"""How I am doing: the mentor's self-review."""
