"""Deals (opportunities), each person's part in them, and the recorded history."""
