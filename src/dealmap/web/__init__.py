"""The DealMap web application: a Django project with one app per area."""
