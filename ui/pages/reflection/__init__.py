"""The Reflection area: the mentor's reflections and the timeline of everything written."""
