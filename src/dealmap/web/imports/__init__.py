"""Bulk import from Excel/CSV and export to Excel, PowerPoint and the deal file."""
