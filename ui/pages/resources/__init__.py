"""The Resources tab: services and materials given to one mentee."""
