"""People who use DealMap: users, roles and teams."""
