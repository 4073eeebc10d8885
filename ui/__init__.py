"""Mentor Journal desktop application (PySide6)."""
