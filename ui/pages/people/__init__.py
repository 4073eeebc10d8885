"""The People & consent tab: contacts, places and consents of one mentee."""
