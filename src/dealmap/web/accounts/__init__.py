"""Customer accounts, their people and the relations between them."""
