"""The Coping plan tab: the current plan, its versions and what changed between them."""
