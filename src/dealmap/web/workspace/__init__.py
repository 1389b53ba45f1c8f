"""The deal workspace: power map, findings, strategy board, person panel, what-if, portfolio, method guide."""
