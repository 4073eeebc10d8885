"""The top-level windows: welcome, create vault, unlock and the main window shell."""
