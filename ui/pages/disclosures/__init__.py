"""The Disclosures tab: information shared about a mentee, kept as written."""
