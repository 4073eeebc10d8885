"""Small widgets shared by several pages and windows."""
